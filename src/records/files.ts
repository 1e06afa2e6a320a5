/**
 * Reading optional files: the README a build may be creating, the cache and state of a first check run,
 * the issue form a project may not have. One helper, so "missing" means the same everywhere.
 */
import { readFile } from "node:fs/promises";

/** The file's UTF-8 text, or undefined when it does not exist. Any other failure (a folder, no permission) throws. */
export async function readTextOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw cause;
  }
}
