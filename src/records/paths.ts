/**
 * Paths compared as the file system sees them. Commands that write where a person points them (`site --out`,
 * `check --output`, `report merge --output`) refuse the project's own inputs, and a link to an input is that
 * input: so paths are compared with every symbolic link resolved.
 */
import { realpath } from "node:fs/promises";
import path from "node:path";

/** True when `inner` is `outer` or lies somewhere below it. */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return (
    relative === "" ||
    (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

/**
 * `file` with every symbolic link on its way resolved, for a path that need not exist yet (its nearest
 * existing folder is resolved).
 */
export async function resolveThroughLinks(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch (error) {
    const parent = path.dirname(absolute);
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || parent === absolute) throw error;
    return path.join(await resolveThroughLinks(parent), path.basename(absolute));
  }
}

/** A path a command may not write over, and what it is, for the refusal ("the records file"). */
export interface KeptPath {
  path: string;
  role: string;
}

/** The first of `keep` that `target` is or holds, through links; undefined when none is. */
export async function keptPathWithin(
  target: string,
  keep: readonly KeptPath[],
): Promise<{ kept: KeptPath; same: boolean } | undefined> {
  const folder = await resolveThroughLinks(target);
  for (const kept of keep) {
    const real = await resolveThroughLinks(kept.path);
    if (isWithin(real, folder)) return { kept, same: real === folder };
  }
  return undefined;
}
