/**
 * The repository stage: cache → batches of 100 aliased lookups → one verdict per repository → next cache.
 * Batches go one after another: GitHub's secondary limits punish bursts (≤ 100 concurrent requests, ≤ 2,000
 * points a minute) and 1,000 repositories are only 10 requests anyway.
 */
import { emptyCache, lookupRepo, repoKey, updateRepoCache, type CacheFile } from "../state/cache.js";
import type { GraphqlClient, GraphqlError, GraphqlResponse } from "./client.js";
import { batch, buildRepoQuery } from "./query.js";
import type { RepoRef, RepoResult } from "./verdict.js";

/** Repositories without a push for this many months are `stale`. */
export const STALE_MONTHS = 24;
export const REPO_CACHE_MAX_AGE_MS = 24 * 3_600_000;

export interface RepoCheckDeps {
  /** Undefined when there is no token: every repository not in the cache is `skipped`. */
  graphql?: GraphqlClient;
  now?: () => number;
  onProgress?: (event: { done: number; total: number }) => void;
}

export interface RepoCheckInput {
  cache?: CacheFile;
  /** `check --offline`: repositories not in the cache are skipped for that reason, not for a missing token. */
  offline?: boolean;
  staleMonths?: number;
  cacheMaxAgeMs?: number;
}

export interface RateLimitInfo {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface RepoRun {
  results: RepoResult[];
  cache: CacheFile;
  stats: { requests: number; rateLimit?: RateLimitInfo };
  /** Why some repositories were not checked, for the edge to say plainly. */
  skipped?: string;
}

interface RepoNode {
  nameWithOwner: string;
  url: string;
  isArchived: boolean;
  isDisabled: boolean;
  isFork: boolean;
  pushedAt: string | null;
  stargazerCount: number;
}

/** The verdict for one alias's answer (node, or null with its errors). Pure. */
export function classifyRepo(
  ref: RepoRef,
  node: RepoNode | null | undefined,
  errors: readonly GraphqlError[],
  nowMs: number,
  staleMonths: number,
): RepoResult {
  const repo = `${ref.owner}/${ref.name}`;
  const base = { url: ref.url, repo, checkedAt: new Date(nowMs).toISOString(), source: "network" as const };
  if (!node) {
    const notFound = errors.find((e) => e.type === "NOT_FOUND");
    if (notFound) {
      return {
        ...base,
        verdict: "missing",
        message: `not found on GitHub (deleted, or private): ${notFound.message}`,
      };
    }
    const reason = errors.map((e) => `${e.type ?? "ERROR"}: ${e.message}`).join("; ") || "no data returned";
    return { ...base, verdict: "error", message: reason };
  }
  const renamed = node.nameWithOwner.toLowerCase() !== repo.toLowerCase();
  const facts = {
    ...(renamed ? { renamedTo: node.nameWithOwner } : {}),
    currentUrl: node.url,
    stars: node.stargazerCount,
    pushedAt: node.pushedAt,
    archived: node.isArchived,
    fork: node.isFork,
  };
  const cutoff = new Date(nowMs);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - staleMonths);
  const stale = node.pushedAt !== null && Date.parse(node.pushedAt) < cutoff.getTime();
  if (node.isDisabled) return { ...base, ...facts, verdict: "disabled", message: "disabled by GitHub" };
  if (node.isArchived) {
    return {
      ...base,
      ...facts,
      verdict: "archived",
      message: `archived (read-only), last push ${node.pushedAt ?? "never"}`,
    };
  }
  if (renamed) return { ...base, ...facts, verdict: "renamed", message: `moved to ${node.nameWithOwner}` };
  if (stale) {
    return {
      ...base,
      ...facts,
      verdict: "stale",
      message: `no push for more than ${staleMonths} months (last ${node.pushedAt})`,
    };
  }
  return {
    ...base,
    ...facts,
    verdict: "ok",
    message: `${node.stargazerCount} stars, last push ${node.pushedAt ?? "never"}`,
  };
}

function errorsFor(alias: string, errors: readonly GraphqlError[]): GraphqlError[] {
  return errors.filter((e) => e.path?.[0] === alias);
}

/** Checks repositories through GitHub's GraphQL API. Results follow the input order, one per input. */
export async function checkRepos(
  refs: readonly RepoRef[],
  deps: RepoCheckDeps,
  input: RepoCheckInput = {},
): Promise<RepoRun> {
  const now = deps.now ?? Date.now;
  const cache = input.cache ?? emptyCache();
  const maxAgeMs = input.cacheMaxAgeMs ?? REPO_CACHE_MAX_AGE_MS;
  const staleMonths = input.staleMonths ?? STALE_MONTHS;
  const startedAt = now();
  // One lookup per repository, however many URLs name it.
  const byKey = new Map<string, RepoResult | undefined>();
  const toAsk: RepoRef[] = [];
  for (const ref of refs) {
    const key = repoKey(`${ref.owner}/${ref.name}`);
    if (byKey.has(key)) continue;
    const cached = lookupRepo(cache, key, startedAt, maxAgeMs);
    byKey.set(key, cached);
    if (!cached) toAsk.push(ref);
  }
  let requests = 0;
  let rateLimit: RateLimitInfo | undefined;
  let skipped: string | undefined;
  const total = toAsk.length;
  let done = 0;
  const why = input.offline ? "--offline" : "no GitHub token";
  if (!deps.graphql && toAsk.length > 0) {
    const count = `${toAsk.length} GitHub repositor${toAsk.length === 1 ? "y was" : "ies were"} not checked`;
    skipped = input.offline
      ? `${count}: --offline`
      : `${count}: GitHub's GraphQL API needs a token (set GITHUB_TOKEN)`;
  }
  for (const group of deps.graphql ? batch(toAsk) : []) {
    const { query, variables, aliases } = buildRepoQuery(group);
    // Out of points: asking again would only earn errors (and, repeated, a secondary-limit ban).
    const exhausted = rateLimit !== undefined && rateLimit.remaining < 1;
    if (!exhausted) requests++;
    const answer: GraphqlResponse | undefined = exhausted
      ? { ok: false, message: `GraphQL rate limit exhausted until ${rateLimit?.resetAt}` }
      : await deps.graphql?.(query, variables);
    const at = now();
    for (const [alias, ref] of aliases) {
      const key = repoKey(`${ref.owner}/${ref.name}`);
      if (!answer || !answer.ok) {
        const status = answer && !answer.ok && answer.status !== undefined ? `HTTP ${answer.status}: ` : "";
        const message = answer && !answer.ok ? answer.message : "no answer";
        byKey.set(key, {
          url: ref.url,
          repo: key,
          verdict: "error",
          message: `${status}${message}`,
          checkedAt: new Date(at).toISOString(),
          source: "network",
        });
        continue;
      }
      const node = answer.data?.[alias] as RepoNode | null | undefined;
      byKey.set(key, classifyRepo(ref, node, errorsFor(alias, answer.errors), at, staleMonths));
    }
    if (answer?.ok) {
      const limit = answer.data?.rateLimit as RateLimitInfo | undefined;
      if (limit) rateLimit = limit;
    }
    done += group.length;
    deps.onProgress?.({ done, total });
  }
  const results = refs.map((ref): RepoResult => {
    const repo = `${ref.owner}/${ref.name}`;
    const found = byKey.get(repoKey(repo));
    if (!found) {
      return {
        url: ref.url,
        repo,
        verdict: "skipped",
        message: `not checked: ${why}`,
        checkedAt: new Date(startedAt).toISOString(),
        source: "network",
      };
    }
    return { ...found, url: ref.url, repo };
  });
  return {
    results,
    cache: updateRepoCache(cache, results, startedAt, maxAgeMs),
    stats: { requests, ...(rateLimit ? { rateLimit } : {}) },
    ...(skipped ? { skipped } : {}),
  };
}
