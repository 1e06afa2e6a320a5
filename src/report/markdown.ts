/**
 * A Markdown job summary (`$GITHUB_STEP_SUMMARY`): a heading, the counts and a table of every finding.
 * Annotations show only 10 per step; the summary shows all, up to GitHub's 1 MiB per step.
 */
import { sortDiagnostics, type Diagnostic } from "../records/index.js";
import { countDiagnostics, describeCounts } from "./summary.js";

/** GitHub rejects a step summary over 1 MiB; stop adding rows with room for the closing note. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 4096;

/**
 * User text in a table cell: backslash-escape Markdown punctuation (CommonMark allows it before any ASCII
 * punctuation), keep `|` from splitting the cell, and never let a line break end the row.
 */
export function escapeCell(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

export interface MarkdownReportContext {
  file: string;
  entries?: number;
  /** A heading for the section; "papershelf lint" by default. */
  title?: string;
  /** Set when `--changed-since` narrowed the report. */
  changedOnly?: { ref: string; count: number };
  /** A place in a file on GitHub (`…/blob/<sha>/data/papers.yaml#L12`); without it, `file:line:col` as text. */
  locationUrl?: (file: string, line: number) => string;
}

/** The location cell: a link to the line on GitHub when there is one. */
function locationCell(d: Diagnostic, context: MarkdownReportContext): string {
  const place = escapeCell(`${d.file}:${d.line}:${d.column}`);
  const url = context.locationUrl?.(d.file, d.line);
  return url && /^https:\/\/[^\s<>()|]+$/.test(url) ? `[${place}](${url})` : place;
}

export function formatMarkdown(diagnostics: readonly Diagnostic[], context: MarkdownReportContext): string {
  const counts = countDiagnostics(diagnostics);
  const mark = counts.errors ? "❌" : counts.warnings ? "⚠️" : "✅";
  const scope = context.changedOnly
    ? ` in ${context.changedOnly.count} entr${context.changedOnly.count === 1 ? "y" : "ies"} changed since \`${escapeCell(context.changedOnly.ref)}\``
    : context.entries === undefined
      ? ""
      : ` in ${context.entries} entr${context.entries === 1 ? "y" : "ies"}`;
  const head = [
    `## ${context.title ?? "papershelf lint"}`,
    "",
    `${mark} ${describeCounts(counts)} — \`${escapeCell(context.file)}\`${scope}`,
    "",
  ];
  if (diagnostics.length === 0) return `${head.join("\n")}\n`;
  const lines = [...head, "| | Location | Rule | Entry | Message |", "| --- | --- | --- | --- | --- |"];
  let bytes = Buffer.byteLength(lines.join("\n"));
  // What fails the run (errors) comes first; within each severity, by place.
  const sorted = sortDiagnostics(diagnostics).sort(
    (a, b) => Number(b.severity === "error") - Number(a.severity === "error"),
  );
  let shown = 0;
  for (const d of sorted) {
    const row = `| ${d.severity === "error" ? "❌" : "⚠️"} | ${locationCell(d, context)} | ${escapeCell(d.ruleId)} | ${d.entryId ? escapeCell(d.entryId) : ""} | ${escapeCell(d.message)} |`;
    bytes += Buffer.byteLength(row) + 1;
    if (bytes > SUMMARY_MAX_BYTES) break;
    lines.push(row);
    shown++;
  }
  if (shown < sorted.length)
    lines.push(
      "",
      `…and ${sorted.length - shown} more, cut to fit GitHub's 1 MiB summary limit; run with --format json for all.`,
    );
  return `${lines.join("\n")}\n`;
}
