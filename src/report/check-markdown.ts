/** The report as Markdown, for a job summary or the rolling "link health" issue. */
import type { CheckReport, ReportedLink, ReportedRepo, UrlLocation } from "../check/index.js";
import { inertLink, inertText } from "../markdown/index.js";
import { LINK_ORDER, REPO_ORDER } from "./check-text.js";

/** Sections longer than this fold into <details>: a job summary stays readable with 50 soft 404s. */
const OPEN_SECTION_MAX_ITEMS = 10;

/**
 * Text for a Markdown line or table cell, inert: the report goes into a GitHub issue, and its messages quote
 * other sites (a redirect's Location can be `data:,@octocat cc #1`), so nothing in them may ping or link.
 */
const escape = inertText;

/** How a report links and orders what it found. */
export interface MarkdownReportOptions {
  /** Verdicts that fail the run (`check.failOn`): their sections come first, under a line saying so. */
  failOn?: readonly string[];
  /** A place in a file on GitHub (`…/blob/<sha>/data/papers.yaml#L12`); without it, `file:line` as text. */
  locationUrl?: (file: string, line: number) => string;
  /** The pull request with this run's safe fixes. */
  fixesUrl?: string;
}

/** "1 link", "2 links". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** An ISO time as people read it: "2026-12-01 05:07 UTC" (no seconds, milliseconds or "T…Z"). */
export function readableTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function where(locations: readonly UrlLocation[], options: MarkdownReportOptions): string {
  const first = locations[0];
  if (!first) return "";
  const more = locations.length > 1 ? ` +${locations.length - 1}` : "";
  const place = `${first.file}:${first.line}`;
  const url = options.locationUrl?.(first.file, first.line);
  const shown = url && /^https:\/\/[^\s<>()]+$/.test(url) ? `[\`${place}\`](${url})` : `\`${place}\``;
  return ` — ${shown}${first.entryId ? ` (${escape(first.entryId)})` : ""}${more}`;
}

function linkItem(link: ReportedLink, options: MarkdownReportOptions): string {
  const target = link.verdict === "redirect" ? ` → ${inertLink(link.suggestion ?? "")}` : "";
  return `- ${inertLink(link.url)}${target}: ${escape(link.message)}${where(link.locations, options)}`;
}

function repoItem(repo: ReportedRepo, options: MarkdownReportOptions): string {
  const target = repo.renamedTo ? ` → [${escape(repo.renamedTo)}](${repo.currentUrl ?? repo.url})` : "";
  return `- [${escape(repo.repo)}](${repo.url})${target}: ${escape(repo.message)}${where(repo.locations, options)}`;
}

function section(title: string, items: string[], open = false): string[] {
  if (items.length === 0) return [];
  if (open || items.length <= OPEN_SECTION_MAX_ITEMS)
    return ["", `### ${title} (${items.length})`, "", ...items];
  return [
    "",
    `<details><summary><b>${title} (${items.length})</b></summary>`,
    "",
    ...items,
    "",
    "</details>",
  ];
}

/** Every finding's section: links by verdict, then repositories by verdict, in the report's order. */
function sections(
  report: CheckReport,
  options: MarkdownReportOptions,
): { verdict: string; lines: string[] }[] {
  return [
    ...LINK_ORDER.map((v) => ({
      verdict: v,
      title: v,
      items: report.links.filter((x) => x.verdict === v).map((x) => linkItem(x, options)),
    })),
    ...REPO_ORDER.map((v) => ({
      verdict: v,
      title: `repositories ${v}`,
      items: report.repos.filter((x) => x.verdict === v).map((x) => repoItem(x, options)),
    })),
  ].map(({ verdict, title, items }) => ({
    verdict,
    lines: section(failsRun(verdict, options) ? `❌ ${title}` : title, items, failsRun(verdict, options)),
  }));
}

const failsRun = (verdict: string, options: MarkdownReportOptions) =>
  options.failOn?.includes(verdict) === true;

/** The first line: what fails the run, counted by verdict, or that nothing does. */
function verdictLine(report: CheckReport, options: MarkdownReportOptions): string[] {
  if (!options.failOn) return [];
  const failing = [
    ...LINK_ORDER.filter((v) => failsRun(v, options)).map(
      (v) => [v, report.summary.links[v], "link", "links"] as const,
    ),
    ...REPO_ORDER.filter((v) => failsRun(v, options)).map(
      (v) => [v, report.summary.repos[v], "repository", "repositories"] as const,
    ),
  ].filter(([, n]) => n > 0);
  if (failing.length === 0) return ["✅ Nothing fails the run.", ""];
  const total = failing.reduce((sum, [, n]) => sum + n, 0);
  const parts = failing.map(([v, n, one, many]) => `${n} ${v} ${n === 1 ? one : many}`);
  return [`❌ ${count(total, "finding fails", "findings fail")} the run: ${parts.join(", ")}.`, ""];
}

/** Renders the report as GitHub-flavoured Markdown: what fails the run first, then the counts, then the rest. */
export function renderCheckMarkdown(report: CheckReport, options: MarkdownReportOptions = {}): string {
  const out = ["## Link and repository check", "", ...verdictLine(report, options)];
  if (options.fixesUrl && /^https:\/\/[^\s<>()]+$/.test(options.fixesUrl))
    out.push(`Safe fixes are proposed in [this pull request](${options.fixesUrl}).`, "");
  if (report.shard) out.push(`Shard ${report.shard.index} of ${report.shard.count}.`, "");
  const all = sections(report, options);
  for (const s of all) if (failsRun(s.verdict, options)) out.push(...s.lines);
  out.push("", "| | links | repositories |", "|---|---:|---:|");
  const l = report.summary.links;
  const r = report.summary.repos;
  out.push(`| ok | ${l.ok} | ${r.ok} |`);
  for (const v of LINK_ORDER) if (l[v] > 0) out.push(`| ${v} | ${l[v]} | |`);
  for (const v of REPO_ORDER) if (r[v] > 0) out.push(`| ${v} | | ${r[v]} |`);
  for (const s of all) if (!failsRun(s.verdict, options)) out.push(...s.lines);
  if (report.notes.length > 0) out.push("", ...report.notes.map((n) => `> ${escape(n)}`));
  const links = count(report.links.length, "link", "links");
  const repos = count(report.repos.length, "repository", "repositories");
  const requests = `${count(report.stats.httpRequests, "HTTP request", "HTTP requests")} and ${count(report.stats.graphqlRequests, "GraphQL request", "GraphQL requests")}`;
  out.push("", `<sub>${links}, ${repos}; ${requests}; finished ${readableTime(report.finishedAt)}.</sub>`);
  // Sections open with a blank line of their own: one blank line between blocks, never two.
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

/** The JSON form (docs/check.md): two-space indentation, a final newline. */
export function renderCheckJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
