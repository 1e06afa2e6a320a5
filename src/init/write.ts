/**
 * Writing what init made. Nothing is overwritten without `force`: when any file is already there and force is
 * off, nothing at all is written (a half-initialised list is worse than none) and the caller names them.
 * A file of lines (.gitignore) is the exception: an existing one gets the lines it lacks, appended.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeTextAtomic } from "../records/index.js";
import type { ScaffoldFile } from "./scaffold.js";

export type WriteResult =
  { ok: true; written: string[]; replaced: string[]; extended: string[] } | { ok: false; existing: string[] };

/** `text`'s lines that `existing` lacks, appended to it; undefined when it has them all. */
function withLines(existing: string, text: string): string | undefined {
  const have = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const missing = text.split("\n").filter((line) => line.trim() !== "" && !have.has(line.trim()));
  if (missing.every((line) => line.startsWith("#"))) return undefined;
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const separator = existing === "" || existing.endsWith("\n") ? "" : eol;
  return `${existing}${separator}${missing.join(eol)}${eol}`;
}

export async function writeScaffold(
  root: string,
  files: readonly ScaffoldFile[],
  force: boolean,
): Promise<WriteResult> {
  const present = (f: ScaffoldFile) => existsSync(path.join(root, f.path));
  const existing = files.filter((f) => !f.lines && present(f)).map((f) => f.path);
  if (existing.length > 0 && !force) return { ok: false, existing };
  const written: string[] = [];
  const extended: string[] = [];
  for (const file of files) {
    const target = path.join(root, file.path);
    let text = file.text;
    if (file.lines && present(file)) {
      const merged = withLines(await readFile(target, "utf8"), file.text);
      if (merged === undefined) continue;
      text = merged;
      extended.push(file.path);
    }
    await mkdir(path.dirname(target), { recursive: true });
    // Atomic (a temporary file renamed over the target): an interrupted init never leaves half a file.
    await writeTextAtomic(target, text);
    written.push(file.path);
  }
  return { ok: true, written, replaced: existing, extended };
}
