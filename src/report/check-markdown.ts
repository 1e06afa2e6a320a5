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

function where(locations: readonly UrlLocation[]): string {
  const first = locations[0];
  if (!first) return "";
  const more = locations.length > 1 ? ` +${locations.length - 1}` : "";
  return ` — \`${first.file}:${first.line}\`${first.entryId ? ` (${escape(first.entryId)})` : ""}${more}`;
}

function linkItem(link: ReportedLink): string {
  const target = link.verdict === "redirect" ? ` → ${inertLink(link.suggestion ?? "")}` : "";
  return `- ${inertLink(link.url)}${target}: ${escape(link.message)}${where(link.locations)}`;
}

function repoItem(repo: ReportedRepo): string {
  const target = repo.renamedTo ? ` → [${escape(repo.renamedTo)}](${repo.currentUrl ?? repo.url})` : "";
  return `- [${escape(repo.repo)}](${repo.url})${target}: ${escape(repo.message)}${where(repo.locations)}`;
}

function section(title: string, items: string[]): string[] {
  if (items.length === 0) return [];
  if (items.length <= OPEN_SECTION_MAX_ITEMS) return ["", `### ${title} (${items.length})`, "", ...items];
  return [
    "",
    `<details><summary><b>${title} (${items.length})</b></summary>`,
    "",
    ...items,
    "",
    "</details>",
  ];
}

/** Renders the report as GitHub-flavoured Markdown. */
export function renderCheckMarkdown(report: CheckReport): string {
  const out = ["## Link and repository check", ""];
  if (report.shard) out.push(`Shard ${report.shard.index} of ${report.shard.count}.`, "");
  out.push("| | links | repositories |", "|---|---:|---:|");
  const l = report.summary.links;
  const r = report.summary.repos;
  out.push(`| ok | ${l.ok} | ${r.ok} |`);
  for (const v of LINK_ORDER) if (l[v] > 0) out.push(`| ${v} | ${l[v]} | |`);
  for (const v of REPO_ORDER) if (r[v] > 0) out.push(`| ${v} | | ${r[v]} |`);
  for (const v of LINK_ORDER)
    out.push(...section(v, report.links.filter((x) => x.verdict === v).map(linkItem)));
  for (const v of REPO_ORDER) {
    out.push(...section(`repositories ${v}`, report.repos.filter((x) => x.verdict === v).map(repoItem)));
  }
  if (report.notes.length > 0) out.push("", ...report.notes.map((n) => `> ${escape(n)}`));
  out.push(
    "",
    `<sub>${report.links.length} links, ${report.repos.length} repositories; ${report.stats.httpRequests} HTTP and ${report.stats.graphqlRequests} GraphQL requests; finished ${report.finishedAt}.</sub>`,
  );
  return `${out.join("\n")}\n`;
}

/** The JSON form (docs/check.md): two-space indentation, a final newline. */
export function renderCheckJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
