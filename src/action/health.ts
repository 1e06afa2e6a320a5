/**
 * What a check's report becomes on GitHub: the job summary and annotations on every run; on scheduled runs the
 * one rolling "link health report" issue and a pull request with the safe fixes (paperswithcode links → arXiv,
 * renamed repositories). Permanent redirects are listed, not rewritten: a site can redirect for its own reasons.
 */
import { readFile } from "node:fs/promises";
import {
  applyFixes,
  countFailures,
  dedupeFixes,
  planPapersWithCodeFixes,
  planRenameFixes,
  type CheckReport,
  type PlannedFix,
} from "../check/index.js";
import {
  fitBody,
  type LabelSpec,
  type ProposalResult,
  proposeChange,
  type RollingIssueResult,
  upsertRollingIssue,
} from "../github/index.js";
import { parseRecords } from "../records/index.js";
import { CHECK_FORMATS } from "../report/index.js";
import type { CommandContext, CommandResult } from "./context.js";
import { enrichFromArxiv, type FilledValue } from "./enrich-step.js";
import { blobUrl } from "./pipeline.js";
import { regenerateFiles } from "./regenerate.js";

export const HEALTH_MARKER = "<!-- papershelf:link-health -->";
export const HEALTH_LABEL: LabelSpec = {
  name: "papershelf: link-health",
  color: "fbca04",
  description: "The rolling link health report",
};
export const FIXES_BRANCH = "papershelf/link-fixes";
/** Verdicts that say nothing is wrong, or that nothing can be known (a site that blocks bots). */
const QUIET_VERDICTS: readonly string[] = ["ok", "excluded", "blocked", "skipped"];

/** Findings: errors are the `failOn` verdicts, warnings every other verdict worth a look. */
export function countReport(
  report: CheckReport,
  failOn: readonly string[],
): { errors: number; warnings: number } {
  const errors = countFailures(report, failOn);
  const loud = [...report.links, ...report.repos].filter((r) => !QUIET_VERDICTS.includes(r.verdict)).length;
  return { errors, warnings: Math.max(0, loud - errors) };
}

/** One annotation per finding, at the first place the URL appears. */
export function annotateReport(ctx: CommandContext, report: CheckReport, failOn: readonly string[]): void {
  for (const item of [...report.links, ...report.repos]) {
    if (QUIET_VERDICTS.includes(item.verdict)) continue;
    const at = item.locations[0];
    const level = failOn.includes(item.verdict) ? "error" : "warning";
    ctx.reporter.annotate(level, `${item.url}: ${item.message}`, {
      title: `link ${item.verdict}`,
      ...(at ? { file: at.file, startLine: at.line, endLine: at.line, startColumn: at.column } : {}),
    });
  }
}

/** Whether this run publishes the issue and the fixes (input `publish`: auto = scheduled or manual runs). */
export function shouldPublish(ctx: CommandContext): boolean {
  if (ctx.inputs.dryRun || ctx.inputs.changedSince || ctx.inputs.shard) return false;
  if (ctx.inputs.publish === "always") return true;
  return ctx.inputs.publish === "auto" && ["schedule", "workflow_dispatch"].includes(ctx.run.eventName);
}

/** "authors, abstract" per record, for the pull request's table of what arXiv filled. */
function filledRows(filled: readonly FilledValue[]): string[] {
  const byEntry = new Map<string, string[]>();
  for (const f of filled) byEntry.set(f.entryId, [...(byEntry.get(f.entryId) ?? []), f.key]);
  return [...byEntry].map(([id, keys]) => `| \`${id}\` | ${keys.join(", ")} |`);
}

function fixesBody(
  fixes: readonly PlannedFix[],
  filled: readonly FilledValue[],
  issue: RollingIssueResult,
): string {
  const reasons: Record<PlannedFix["reason"], string> = {
    paperswithcode: "paperswithcode.com closed; the arXiv page of the same paper",
    renamed: "the repository was renamed or moved",
    redirect: "a permanent redirect",
  };
  const rows = fixes.map((f) => `| \`${f.entryId}\` | <${f.from}> | <${f.to}> | ${reasons[f.reason]} |`);
  const linkPart =
    rows.length > 0
      ? ["", "**Links**", "", "| Entry | From | To | Why |", "| --- | --- | --- | --- |", ...rows]
      : [];
  const arxivPart =
    filled.length > 0
      ? [
          "",
          "**Filled from arXiv** (only fields the record left empty; nothing a person wrote changes)",
          "",
          "| Entry | Fields |",
          "| --- | --- |",
          ...filledRows(filled),
        ]
      : [];
  return [
    "Safe changes found by the weekly health run. Only these values change in the records file (each replaced",
    "link is kept in the record's `previous-urls`); the README is regenerated from it.",
    ...linkPart,
    ...arxivPart,
    "",
    ...(issue.outcome === "none" ? [] : [`The full report: #${issue.number}.`]),
    "",
  ].join("\n");
}

/** Summary, issue and fixes for a finished report; returns the command's result. */
export async function publishReport(ctx: CommandContext, report: CheckReport): Promise<CommandResult> {
  const failOn = ctx.checkConfig().failOn;
  // Each place a finding was seen links to that line of the file at the commit that was checked.
  const locationUrl = (file: string, line: number) => `${blobUrl(ctx, ctx.run.sha, file)}#L${line}`;
  const markdown = CHECK_FORMATS.markdown(report, { failOn, locationUrl });
  annotateReport(ctx, report, failOn);
  await ctx.reporter.appendSummary(markdown);
  const { errors, warnings } = countReport(report, failOn);
  const outputs: Record<string, string> = {
    findings: String(errors + warnings),
    errors: String(errors),
    warnings: String(warnings),
  };
  if (!shouldPublish(ctx)) return { outputs, errors, warnings };

  const gh = ctx.github();
  const repo = ctx.run.repo;
  const runLink = ctx.run.runUrl ? `[the run's summary](${ctx.run.runUrl})` : "the run's summary";
  const issue = await upsertRollingIssue(gh, repo, {
    marker: HEALTH_MARKER,
    label: HEALTH_LABEL,
    title: "Link health report",
    body: fitBody(`${HEALTH_MARKER}\n${markdown}`, `The report is cut here; ${runLink} has all of it.`),
    open: errors + warnings > 0,
  });
  if (issue.outcome !== "none")
    Object.assign(outputs, { "issue-number": String(issue.number), "issue-url": issue.url });

  const fixes = await proposeFixes(ctx, report, issue);
  if (fixes?.outcome === "proposed") {
    Object.assign(outputs, { "pr-number": String(fixes.pull.number), "pr-url": fixes.pull.url });
    // The pull request needs the issue's number and the issue the pull request's: the issue is written
    // again, now linking its fixes.
    if (issue.outcome !== "none") {
      const linked = CHECK_FORMATS.markdown(report, { failOn, locationUrl, fixesUrl: fixes.pull.url });
      await upsertRollingIssue(gh, repo, {
        marker: HEALTH_MARKER,
        label: HEALTH_LABEL,
        title: "Link health report",
        body: fitBody(`${HEALTH_MARKER}\n${linked}`, `The report is cut here; ${runLink} has all of it.`),
        open: errors + warnings > 0,
      });
    }
  }
  return { outputs, errors, warnings };
}

async function proposeFixes(
  ctx: CommandContext,
  report: CheckReport,
  issue: RollingIssueResult,
): Promise<ProposalResult | undefined> {
  const file = ctx.relative(ctx.config.data);
  const text = await readFile(ctx.config.data, "utf8");
  const records = parseRecords(text, file);
  if (!records.ok) return undefined;
  const planned = dedupeFixes([
    ...planPapersWithCodeFixes(records.data),
    ...planRenameFixes(records.data, report.repos),
  ]);
  const applied = applyFixes(text, planned, file, records.data);
  for (const refused of applied.refused)
    ctx.reporter.annotate(
      "warning",
      `fix not applied (${refused.fix.from} → ${refused.fix.to}): ${refused.errors[0]?.message ?? ""}`,
    );
  // What `papershelf enrich` would fill goes into the same pull request: one review a week, not two.
  const enriched = await enrichFromArxiv(ctx, applied.text, file);
  if (applied.applied.length === 0 && enriched.filled.length === 0) return undefined;
  const what = [
    ...(applied.applied.length > 0 ? [`fix ${applied.applied.length} link(s)`] : []),
    ...(enriched.filled.length > 0 ? [`fill ${enriched.filled.length} value(s) from arXiv`] : []),
  ].join(", ");
  return proposeChange(ctx.github(), ctx.run.repo, {
    branch: FIXES_BRANCH,
    base: ctx.run.defaultBranch,
    parentSha: ctx.inputs.baseSha ?? ctx.run.sha,
    files: [{ path: file, content: enriched.text }, ...(await regenerateFiles(ctx, enriched.text))],
    commitMessage: `papershelf: ${what}`,
    pull: {
      title: what.charAt(0).toUpperCase() + what.slice(1),
      body: fixesBody(applied.applied, enriched.filled, issue),
    },
  });
}
