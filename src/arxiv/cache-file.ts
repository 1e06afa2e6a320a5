/** The arXiv cache on disk: a small JSON file a person can read; an unusable one is replaced, never half-used. */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeTextAtomic } from "../records/index.js";
import { emptyArxivCache, type ArxivCache } from "./client.js";
import { parseJsonText } from "../json-text.js";

export const ARXIV_CACHE_FILE = ".papershelf-cache/arxiv-cache.json";

/** Pure: the cache a text holds, or why it cannot be used. */
export function parseArxivCache(
  text: string,
): { ok: true; cache: ArxivCache } | { ok: false; message: string } {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const data = json.value;
  const doc = data as Partial<ArxivCache> | null;
  if (!doc || doc.version !== 1 || typeof doc.papers !== "object" || doc.papers === null)
    return { ok: false, message: 'expected {"version": 1, "papers": {…}}' };
  for (const [id, hit] of Object.entries(doc.papers)) {
    if (typeof hit?.fetchedAt !== "string" || typeof hit.paper?.title !== "string")
      return { ok: false, message: `papers["${id}"] should have fetchedAt and paper.title` };
  }
  return { ok: true, cache: doc as ArxivCache };
}

export async function readArxivCache(file: string): Promise<{ cache: ArxivCache; note?: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { cache: emptyArxivCache() };
  }
  const parsed = parseArxivCache(text);
  return parsed.ok
    ? { cache: parsed.cache }
    : {
        cache: emptyArxivCache(),
        note: `arXiv cache ${file} was unusable (${parsed.message}); starting a new one`,
      };
}

export async function writeArxivCache(file: string, cache: ArxivCache): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeTextAtomic(file, `${JSON.stringify(cache, null, 2)}\n`);
}
