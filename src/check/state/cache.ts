/**
 * The success cache: links that answered (ok, redirect) and repositories GitHub described, each with the time
 * of its check. Entries past the maximum age are dropped; failures are never stored, so they are always
 * checked again (lychee's rule). Plain JSON, sorted keys, so a committed cache diffs readably.
 */
import { isSuccess, type LinkResult } from "../links/verdict.js";
import { isRepoSuccess, type RepoResult } from "../repos/verdict.js";
import { parseJsonText } from "../../json-text.js";

export interface CacheFile {
  version: 1;
  links: Record<string, LinkResult>;
  /** By lower-cased owner/name as listed. */
  repos: Record<string, RepoResult>;
}

export function emptyCache(): CacheFile {
  return { version: 1, links: {}, repos: {} };
}

function fresh(checkedAt: string, nowMs: number, maxAgeMs: number): boolean {
  const at = Date.parse(checkedAt);
  return !Number.isNaN(at) && nowMs - at <= maxAgeMs && at <= nowMs;
}

/** A cached success for `url` younger than `maxAgeMs`, marked as coming from the cache. */
export function lookupLink(
  cache: CacheFile,
  url: string,
  nowMs: number,
  maxAgeMs: number,
): LinkResult | undefined {
  const hit = cache.links[url];
  if (!hit || !isSuccess(hit) || !fresh(hit.checkedAt, nowMs, maxAgeMs)) return undefined;
  return { ...hit, source: "cache", attempts: 0, durationMs: 0 };
}

export function repoKey(repo: string): string {
  return repo.toLowerCase();
}

export function lookupRepo(
  cache: CacheFile,
  repo: string,
  nowMs: number,
  maxAgeMs: number,
): RepoResult | undefined {
  const hit = cache.repos[repoKey(repo)];
  if (!hit || !isRepoSuccess(hit) || !fresh(hit.checkedAt, nowMs, maxAgeMs)) return undefined;
  return { ...hit, source: "cache" };
}

/** The record with its keys sorted as `<` compares strings (a readable, diffable file). */
function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record).sort();
  const sorted: Record<string, T> = {};
  for (const key of keys) sorted[key] = record[key] as T;
  return sorted;
}

/**
 * The next cache after a link run: fresh network successes added, this run's failures removed, expired
 * entries dropped. Entries not looked at in this run (another shard's, a file not checked today) are kept
 * until they expire. The repository section is left as it is.
 */
export function updateLinkCache(
  cache: CacheFile,
  links: readonly LinkResult[],
  nowMs: number,
  maxAgeMs: number,
): CacheFile {
  const next: Record<string, LinkResult> = {};
  for (const [url, r] of Object.entries(cache.links)) if (fresh(r.checkedAt, nowMs, maxAgeMs)) next[url] = r;
  for (const r of links) {
    if (r.source === "cache") continue;
    if (isSuccess(r)) next[r.url] = { ...r, source: "network" };
    else delete next[r.url];
  }
  return { ...cache, links: sortKeys(next) };
}

/** The next cache after a repository run, by the same rules; the link section is left as it is. */
export function updateRepoCache(
  cache: CacheFile,
  repos: readonly RepoResult[],
  nowMs: number,
  maxAgeMs: number,
): CacheFile {
  const next: Record<string, RepoResult> = {};
  for (const [key, r] of Object.entries(cache.repos)) if (fresh(r.checkedAt, nowMs, maxAgeMs)) next[key] = r;
  for (const r of repos) {
    if (r.source === "cache" || r.verdict === "skipped") continue;
    if (isRepoSuccess(r)) next[repoKey(r.repo)] = { ...r, source: "network" };
    else delete next[repoKey(r.repo)];
  }
  return { ...cache, repos: sortKeys(next) };
}

/** Reads a cache document. A cache is disposable: an unusable one is reported and replaced, never fatal. */
export function parseCache(text: string): { ok: true; cache: CacheFile } | { ok: false; message: string } {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const data = json.value;
  const doc = data as Partial<CacheFile> | null;
  if (!doc || doc.version !== 1 || typeof doc.links !== "object" || typeof doc.repos !== "object") {
    return { ok: false, message: 'expected {"version": 1, "links": {…}, "repos": {…}}' };
  }
  const links: Record<string, LinkResult> = {};
  for (const [url, r] of Object.entries(doc.links ?? {})) {
    if (r && typeof r.checkedAt === "string" && typeof r.verdict === "string" && r.url === url)
      links[url] = r;
  }
  const repos: Record<string, RepoResult> = {};
  for (const [key, r] of Object.entries(doc.repos ?? {})) {
    if (r && typeof r.checkedAt === "string" && typeof r.verdict === "string" && typeof r.repo === "string")
      repos[key] = r;
  }
  return { ok: true, cache: { version: 1, links, repos } };
}
