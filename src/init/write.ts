/**
 * Writing what init made. Nothing is overwritten without `force`: when any file is already there and force is
 * off, nothing at all is written (a half-initialised list is worse than none) and the caller names them.
 * A file of lines (.gitignore) is the exception: an existing one gets the lines it lacks, appended.
 * A path that cannot be written at all (a file where a folder goes, a folder where a file goes) stops init
 * before anything is written, --force or not: --force replaces files, never what the user keeps in a folder.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { writeTextAtomic } from "../records/index.js";
import type { ScaffoldFile } from "./scaffold.js";

/** A scaffold file that cannot be written, and why ("data is a file, where init makes a folder"). */
export interface Blocked {
  path: string;
  reason: string;
}

export type WriteResult =
  | { ok: true; written: string[]; replaced: string[]; extended: string[]; kept: string[] }
  | { ok: false; existing: string[]; blocked: Blocked[] };

/**
 * Why `file` (relative, forward slashes) cannot be written under `root`: a folder on its way is a file, or it
 * is a folder itself. Undefined when it can. Links are followed, as the write would follow them.
 */
async function blockedBy(root: string, file: string): Promise<string | undefined> {
  const parts = file.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join("/");
    const found = await stat(path.join(root, rel)).catch(() => undefined);
    if (found === undefined) return undefined;
    const last = i === parts.length;
    if (!last && !found.isDirectory()) return `${rel} is a file, where init makes a folder`;
    if (last && found.isDirectory()) return `${rel} is a folder, where init writes a file`;
  }
  return undefined;
}

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
  const blocked: Blocked[] = [];
  for (const file of files) {
    const reason = await blockedBy(root, file.path);
    // One reason per obstacle: a file named "data" blocks data/papers.yaml and nothing else needs saying.
    if (reason !== undefined && !blocked.some((b) => b.reason === reason))
      blocked.push({ path: file.path, reason });
  }
  const existing = files.filter((f) => !f.lines && !f.ifAbsent && present(f)).map((f) => f.path);
  if (blocked.length > 0 || (existing.length > 0 && !force))
    return { ok: false, existing: force ? [] : existing, blocked };
  const written: string[] = [];
  const extended: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const target = path.join(root, file.path);
    if (file.ifAbsent && present(file)) {
      kept.push(file.path);
      continue;
    }
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
  return { ok: true, written, replaced: existing, extended, kept };
}
