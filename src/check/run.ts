/**
 * The whole check for a set of targets: GitHub repository URLs go to the API, every other URL to the HTTP
 * engine, both through the same cache; the result is one report plus the next cache and state for the edge
 * to write. Shards keep only their hosts.
 */
import type { CheckTarget } from "./extract/targets.js";
import { checkUrls, type LinkCheckDeps, type LinkCheckInput } from "./links/check-urls.js";
import { parseRepoUrl } from "./repos/github-url.js";
import { checkRepos, type RepoCheckDeps } from "./repos/check-repos.js";
import { GITHUB_API_HOST, inShard, shardOfHost, type Shard } from "./shard.js";
import { emptyCache, type CacheFile } from "./state/cache.js";
import { emptyState, type CheckState } from "./state/history.js";
import { buildReport, type CheckReport, type ReportedLink, type ReportedRepo } from "./check-report.js";
import type { RepoRef } from "./repos/verdict.js";

export interface RunCheckDeps extends Omit<LinkCheckDeps, "onProgress">, Omit<RepoCheckDeps, "onProgress"> {
  onProgress?: (event: { done: number; total: number }) => void;
}

export interface RunCheckOptions {
  links?: Omit<LinkCheckInput, "cache" | "state">;
  staleMonths?: number;
  shard?: Shard;
  /** false: GitHub repository URLs are checked over HTTP like any link. */
  useGitHubApi?: boolean;
  cache?: CacheFile;
  state?: CheckState;
  /** Notes from the edge (a cache file that could not be read…), carried into the report. */
  notes?: string[];
  /** `check --offline`: no request, no GraphQL query; what the cache knows is reported, the rest `unchecked`. */
  offline?: boolean;
}

export interface CheckRun {
  report: CheckReport;
  cache: CacheFile;
  state: CheckState;
}

/** Splits targets into repository lookups and HTTP links, keeping the shard's share. */
export function planTargets(
  targets: readonly CheckTarget[],
  shard: Shard | undefined,
  useGitHubApi: boolean,
): { links: CheckTarget[]; repos: { target: CheckTarget; ref: RepoRef }[] } {
  const links: CheckTarget[] = [];
  const repos: { target: CheckTarget; ref: RepoRef }[] = [];
  const apiInShard = !shard || shardOfHost(GITHUB_API_HOST, shard.count) === shard.index;
  for (const target of targets) {
    const ref = useGitHubApi ? parseRepoUrl(target.url) : undefined;
    if (ref) {
      if (apiInShard) repos.push({ target, ref });
    } else if (inShard(target.url, shard)) {
      links.push(target);
    }
  }
  return { links, repos };
}

/** Runs the check. Never throws for network trouble: every outcome is a verdict in the report. */
export async function runCheck(
  targets: readonly CheckTarget[],
  deps: RunCheckDeps,
  options: RunCheckOptions = {},
): Promise<CheckRun> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const plan = planTargets(targets, options.shard, options.useGitHubApi ?? true);
  const total = plan.links.length + plan.repos.length;
  let linksDone = 0;
  let reposDone = 0;
  const progress = () => deps.onProgress?.({ done: linksDone + reposDone, total });

  const repoRun = checkRepos(
    plan.repos.map((r) => r.ref),
    {
      ...(deps.graphql && !options.offline ? { graphql: deps.graphql } : {}),
      now,
      onProgress: (e) => {
        reposDone = e.done;
        progress();
      },
    },
    {
      cache: options.cache ?? emptyCache(),
      ...(options.offline ? { offline: true } : {}),
      ...(options.staleMonths !== undefined ? { staleMonths: options.staleMonths } : {}),
      ...(options.links?.cacheMaxAgeMs !== undefined ? { cacheMaxAgeMs: options.links.cacheMaxAgeMs } : {}),
    },
  );
  const linkRun = checkUrls(
    plan.links.map((t) => t.url),
    {
      ...deps,
      onProgress: (e) => {
        linksDone = e.done;
        progress();
      },
    },
    {
      ...options.links,
      cache: options.cache ?? emptyCache(),
      state: options.state ?? emptyState(),
      ...(options.offline ? { offline: true } : {}),
    },
  );
  const [repos, links] = await Promise.all([repoRun, linkRun]);

  const linkLocations = new Map(plan.links.map((t) => [t.url, t.locations]));
  const reportedLinks = links.results.map((r): ReportedLink => ({
    ...r,
    locations: linkLocations.get(r.url) ?? [],
  }));
  const reportedRepos = repos.results.map((r, i): ReportedRepo => ({
    ...r,
    locations: plan.repos[i]?.target.locations ?? [],
  }));
  const notes = [...(options.notes ?? []), ...(repos.skipped ? [repos.skipped] : [])];
  if (!links.network.available) {
    notes.unshift(
      `network unavailable: ${links.network.unreachable.length} of ${links.network.hostsAsked} hosts could not be reached (no DNS answer or no route); their links were not checked and no failure was recorded`,
    );
  }
  if (links.stats.slowedHosts.length > 0) {
    notes.push(`slowed down after 429 answers: ${links.stats.slowedHosts.join(", ")}`);
  }
  const finishedAt = now();
  return {
    report: buildReport({
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
      ...(options.shard ? { shard: options.shard } : {}),
      links: reportedLinks,
      repos: reportedRepos,
      notes,
      ...(links.network.available ? {} : { network: links.network }),
      stats: {
        httpRequests: links.stats.requests,
        graphqlRequests: repos.stats.requests,
        cachedLinks: links.results.filter((r) => r.source === "cache").length,
        cachedRepos: repos.results.filter((r) => r.source === "cache").length,
        durationMs: finishedAt - startedAt,
      },
    }),
    // Both stages started from the same cache; each updated only its own section.
    cache: { version: 1, links: links.cache.links, repos: repos.cache.repos },
    state: links.state,
  };
}
