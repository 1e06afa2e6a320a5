/**
 * The check report: one document for every output format (src/report renders it) and for `report merge`. Its JSON form is stable
 * and documented in docs/check.md (version 1): fields are only ever added.
 */
import type { UrlLocation } from "./extract/targets.js";
import type { NetworkStatus } from "./links/network.js";
import { LINK_VERDICTS, type LinkResult, type LinkVerdict } from "./links/verdict.js";
import { REPO_VERDICTS, type RepoResult, type RepoVerdict } from "./repos/verdict.js";
import type { Shard } from "./shard.js";

export type ReportedLink = LinkResult & { locations: UrlLocation[] };
export type ReportedRepo = RepoResult & { locations: UrlLocation[] };

export interface CheckReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  shard?: Shard;
  summary: { links: Record<LinkVerdict, number>; repos: Record<RepoVerdict, number> };
  /** Sorted by URL. */
  links: ReportedLink[];
  /** Sorted by URL. */
  repos: ReportedRepo[];
  /** Things a reader must know: what was skipped and why, an unusable cache file… */
  notes: string[];
  /** Present when the run could not reach the network: its links are `unchecked`, not suspect. */
  network?: NetworkStatus;
  stats: {
    httpRequests: number;
    graphqlRequests: number;
    cachedLinks: number;
    cachedRepos: number;
    durationMs: number;
  };
}

function countBy<K extends string>(keys: readonly K[], values: readonly { verdict: K }[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) counts[v.verdict]++;
  return counts;
}

const byUrl = <T extends { url: string }>(a: T, b: T) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/** Builds the report: sorted entries and counts per verdict. */
export function buildReport(parts: {
  startedAt: string;
  finishedAt: string;
  shard?: Shard;
  links: ReportedLink[];
  repos: ReportedRepo[];
  notes: string[];
  network?: NetworkStatus;
  stats: CheckReport["stats"];
}): CheckReport {
  const links = [...parts.links].sort(byUrl);
  const repos = [...parts.repos].sort(byUrl);
  return {
    version: 1,
    startedAt: parts.startedAt,
    finishedAt: parts.finishedAt,
    ...(parts.shard ? { shard: parts.shard } : {}),
    summary: { links: countBy(LINK_VERDICTS, links), repos: countBy(REPO_VERDICTS, repos) },
    links,
    repos,
    notes: parts.notes,
    ...(parts.network ? { network: parts.network } : {}),
    stats: parts.stats,
  };
}

/** Number of findings among `failOn` verdicts ("never": none). */
export function countFailures(report: CheckReport, failOn: readonly string[]): number {
  if (failOn.includes("never")) return 0;
  const wanted = new Set(failOn);
  return (
    report.links.filter((l) => wanted.has(l.verdict)).length +
    report.repos.filter((r) => wanted.has(r.verdict)).length
  );
}
