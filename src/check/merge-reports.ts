/**
 * `papershelf report merge`: joins the JSON reports of shards into one. Shards split by host, so a URL
 * appears in one shard only; should it appear twice, the later check wins. The collapse rule (many links
 * landing on one page) is applied again across shards, since a shard only saw its own hosts.
 */
import { markCollapsedRedirects } from "./links/collapse.js";
import { COLLAPSE_THRESHOLD } from "./links/options.js";
import { buildReport, type CheckReport, type ReportedLink, type ReportedRepo } from "./check-report.js";
import { parseJsonText } from "../json-text.js";

export type ParsedReport = { ok: true; report: CheckReport } | { ok: false; message: string };

/** Reads one report's JSON; anything else is a clear error. */
export function parseReport(text: string): ParsedReport {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const data = json.value;
  const doc = data as Partial<CheckReport> | null;
  if (!doc || doc.version !== 1 || !Array.isArray(doc.links) || !Array.isArray(doc.repos)) {
    return { ok: false, message: "not a papershelf check report (expected version 1 with links and repos)" };
  }
  return { ok: true, report: doc as CheckReport };
}

function later<T extends { checkedAt: string }>(a: T | undefined, b: T): T {
  return a === undefined || Date.parse(b.checkedAt) >= Date.parse(a.checkedAt) ? b : a;
}

function mergedNetwork(reports: readonly CheckReport[]): Pick<CheckReport, "network"> {
  const down = reports.filter((r) => r.network && !r.network.available);
  if (down.length === 0) return {};
  return {
    network: {
      available: false,
      hostsAsked: down.reduce((n, r) => n + (r.network?.hostsAsked ?? 0), 0),
      unreachable: [...new Set(down.flatMap((r) => r.network?.unreachable ?? []))].sort(),
    },
  };
}

/** Merges shard reports into one (pure). */
export function mergeReports(
  reports: readonly CheckReport[],
  collapseThreshold = COLLAPSE_THRESHOLD,
): CheckReport {
  const links = new Map<string, ReportedLink>();
  const repos = new Map<string, ReportedRepo>();
  for (const report of reports) {
    for (const link of report.links) links.set(link.url, later(links.get(link.url), link));
    for (const repo of report.repos) repos.set(repo.url, later(repos.get(repo.url), repo));
  }
  const merged = [...links.values()];
  const relabelled = markCollapsedRedirects(merged, collapseThreshold).map((result, i): ReportedLink => ({
    ...result,
    locations: merged[i]?.locations ?? [],
  }));
  const times = reports
    .flatMap((r) => [Date.parse(r.startedAt), Date.parse(r.finishedAt)])
    .filter((t) => !Number.isNaN(t));
  const iso = (t: number) => new Date(t).toISOString();
  const sum = (pick: (r: CheckReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  return buildReport({
    startedAt: times.length ? iso(Math.min(...times)) : "",
    finishedAt: times.length ? iso(Math.max(...times)) : "",
    links: relabelled,
    repos: [...repos.values()],
    notes: [...new Set(reports.flatMap((r) => r.notes))],
    // One shard without network makes the whole run's links untrustworthy where it could not reach.
    ...mergedNetwork(reports),
    stats: {
      httpRequests: sum((r) => r.stats.httpRequests),
      graphqlRequests: sum((r) => r.stats.graphqlRequests),
      cachedLinks: sum((r) => r.stats.cachedLinks),
      cachedRepos: sum((r) => r.stats.cachedRepos),
      durationMs: Math.max(0, ...reports.map((r) => r.stats.durationMs)),
    },
  });
}
