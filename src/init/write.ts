/**
 * Writing what init made. Nothing is overwritten without `force`: when any file is already there and force is
 * off, nothing at all is written (a half-initialised list is worse than none) and the caller names them.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { writeTextAtomic } from "../records/index.js";
import type { ScaffoldFile } from "./scaffold.js";

export type WriteResult =
  { ok: true; written: string[]; replaced: string[] } | { ok: false; existing: string[] };

export async function writeScaffold(
  root: string,
  files: readonly ScaffoldFile[],
  force: boolean,
): Promise<WriteResult> {
  const existing = files.filter((f) => existsSync(path.join(root, f.path))).map((f) => f.path);
  if (existing.length > 0 && !force) return { ok: false, existing };
  for (const file of files) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    // Atomic (a temporary file renamed over the target): an interrupted init never leaves half a file.
    await writeTextAtomic(target, file.text);
  }
  return { ok: true, written: files.map((f) => f.path), replaced: existing };
}
