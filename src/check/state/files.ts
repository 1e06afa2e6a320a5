/**
 * Thin readers and writers for the cache and state files (the parsing is pure, in cache.ts and history.ts).
 * A missing file is a first run; an unusable one is replaced and said so, never fatal: both are disposable.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { readTextOrUndefined, writeTextAtomic } from "../../records/index.js";
import { emptyCache, parseCache, type CacheFile } from "./cache.js";
import { emptyState, parseState, type CheckState } from "./history.js";

export async function readCacheFile(file: string): Promise<{ cache: CacheFile; note?: string }> {
  const text = await readTextOrUndefined(file);
  if (text === undefined) return { cache: emptyCache() };
  const parsed = parseCache(text);
  return parsed.ok
    ? { cache: parsed.cache }
    : { cache: emptyCache(), note: `cache ${file} was unusable (${parsed.message}); starting a new one` };
}

export async function readStateFile(file: string): Promise<{ state: CheckState; note?: string }> {
  const text = await readTextOrUndefined(file);
  if (text === undefined) return { state: emptyState() };
  const parsed = parseState(text);
  return parsed.ok
    ? { state: parsed.state }
    : { state: emptyState(), note: `state ${file} was unusable (${parsed.message}); failures start over` };
}

/** Writes JSON (two-space indent, final newline) atomically, creating the folder. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeTextAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
