/** The report as text for a terminal or a CI log: findings grouped by verdict, worst first, ok as a count. */
import type {
  CheckReport,
  LinkVerdict,
  RepoVerdict,
  ReportedLink,
  ReportedRepo,
  UrlLocation,
} from "../check/index.js";
import { plural } from "../records/index.js";

/** Order of the groups: what needs a person first. */
export const LINK_ORDER: readonly LinkVerdict[] = [
  "dead",
  "suspect",
  "soft404",
  "redirect",
  "blocked",
  "timeout",
  "error",
  "excluded",
  "unchecked",
];
export const REPO_ORDER: readonly RepoVerdict[] = [
  "missing",
  "disabled",
  "archived",
  "renamed",
  "stale",
  "error",
  "skipped",
];

export function formatLocation(loc: UrlLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}${loc.entryId ? ` (${loc.entryId})` : ""}`;
}

function where(locations: readonly UrlLocation[], max = 3): string {
  const shown = locations.slice(0, max).map(formatLocation).join(", ");
  return locations.length > max ? `${shown} and ${locations.length - max} more` : shown;
}

function linkLine(link: ReportedLink): string {
  const target = link.verdict === "redirect" ? ` → ${link.suggestion}` : "";
  const cached = link.source === "cache" ? " [cached]" : "";
  return `  ${link.url}${target}\n      ${link.message}${cached}\n      at ${where(link.locations)}`;
}

function repoLine(repo: ReportedRepo): string {
  const target = repo.renamedTo ? ` → ${repo.renamedTo}` : "";
  return `  ${repo.repo}${target}\n      ${repo.message}\n      at ${where(repo.locations)}`;
}

/** Verdicts shown as one count line: one line each would repeat the same reason for every link. */
const COUNTED_LINKS: ReadonlySet<LinkVerdict> = new Set(["unchecked"]);
const COUNTED_REPOS: ReadonlySet<RepoVerdict> = new Set(["skipped"]);

/** The one line for a group whose members share their reason ("not checked: no GitHub token"). */
function countLine(label: string, group: readonly { message: string }[]): string[] {
  const reasons = [...new Set(group.map((g) => g.message.split("; ")[0] ?? g.message))];
  return ["", `${label} (${group.length}): ${reasons.join("; ")}`];
}

/** Renders the whole report. */
export function renderCheckText(report: CheckReport): string {
  const out: string[] = [];
  const seconds = (report.stats.durationMs / 1000).toFixed(1);
  const shard = report.shard ? ` (shard ${report.shard.index}/${report.shard.count})` : "";
  out.push(
    `papershelf check${shard}: ${plural(report.links.length, "link", "links")}, ${plural(report.repos.length, "repository", "repositories")} in ${seconds} s ` +
      `(${report.stats.httpRequests} HTTP requests, ${report.stats.graphqlRequests} GraphQL requests, ${report.stats.cachedLinks + report.stats.cachedRepos} from cache)`,
  );
  if (report.network && !report.network.available) {
    const { unreachable, hostsAsked } = report.network;
    out.push(
      `network unavailable: ${unreachable.length} of ${hostsAsked} hosts unreachable; no link was judged, none is suspect or dead`,
    );
  }
  for (const verdict of LINK_ORDER) {
    const group = report.links.filter((l) => l.verdict === verdict);
    if (group.length === 0) continue;
    if (COUNTED_LINKS.has(verdict)) out.push(...countLine(`${verdict} links`, group));
    else out.push("", `${verdict} (${group.length})`, ...group.map(linkLine));
  }
  for (const verdict of REPO_ORDER) {
    const group = report.repos.filter((r) => r.verdict === verdict);
    if (group.length === 0) continue;
    if (COUNTED_REPOS.has(verdict)) out.push(...countLine(`repositories ${verdict}`, group));
    else out.push("", `repositories ${verdict} (${group.length})`, ...group.map(repoLine));
  }
  out.push(
    "",
    `ok: ${plural(report.summary.links.ok, "link", "links")}, ${plural(report.summary.repos.ok, "repository", "repositories")}`,
  );
  for (const note of report.notes) out.push(`note: ${note}`);
  return `${out.join("\n")}\n`;
}
