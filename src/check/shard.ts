/**
 * `--shard i/n`: a deterministic split by host, so every request to one host comes from one runner and the
 * per-host cap holds across a GitHub Actions matrix. Repository lookups all go to the shard that owns
 * api.github.com (they are a handful of GraphQL requests).
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The host key the API's requests count under when sharding. */
export const GITHUB_API_HOST = "api.github.com";

export function parseShard(text: string): { ok: true; shard: Shard } | { ok: false; message: string } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return { ok: false, message: `--shard expects i/n (e.g. 1/4), got "${text}"` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    return { ok: false, message: `--shard ${text}: i must be between 1 and n` };
  }
  return { ok: true, shard: { index, count } };
}

/** FNV-1a (32-bit): tiny, stable across Node versions and machines, good enough to spread host names. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** 1-based shard that owns `host` (host:port as in a URL; case-insensitive). */
export function shardOfHost(host: string, count: number): number {
  return (fnv1a(host.toLowerCase()) % count) + 1;
}

/** True when `url` belongs to `shard` (no shard: everything does). Unparseable URLs go to shard 1. */
export function inShard(url: string, shard: Shard | undefined): boolean {
  if (!shard) return true;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return shard.index === 1;
  }
  return shardOfHost(host, shard.count) === shard.index;
}
