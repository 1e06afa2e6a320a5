/**
 * Reading optional files: the README a build may be creating, the cache and state of a first check run,
 * the issue form a project may not have. One helper, so "missing" means the same everywhere.
 */
import { readFile } from "node:fs/promises";

/**
 * A file's UTF-8 text. fs's `readFile(file, "utf8")` decodes chunk by chunk through a StringDecoder (Node 20),
 * which cost 100 ms of the 17 MB data file of 10,000 records; one Buffer read decoded at once takes ~15 ms and
 * gives the same string (invalid bytes become U+FFFD either way).
 */
export async function readUtf8(file: string): Promise<string> {
  return (await readFile(file)).toString("utf8");
}

/** The file's UTF-8 text, or undefined when it does not exist. Any other failure (a folder, no permission) throws. */
export async function readTextOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await readUtf8(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw cause;
  }
}
