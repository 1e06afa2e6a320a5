/**
 * The registry of report formats: one place that says which formats each report has and which function
 * renders it. The CLI's `--format`, the Action's job summary and the health issue all pick from here.
 * To add a format, add it to the table of its report (and to the command's --help).
 */
import type { CheckReport } from "../check/index.js";
import type { Diagnostic } from "../records/index.js";
import { renderCheckJson, renderCheckMarkdown, type MarkdownReportOptions } from "./check-markdown.js";
import { renderCheckText } from "./check-text.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatText } from "./text.js";

/** What a lint report says: the findings, and the scope they cover. */
export interface LintReport {
  diagnostics: readonly Diagnostic[];
  /** The file that was linted, as shown to the reader. */
  file: string;
  /** Entries in the file (undefined when it could not be parsed). */
  entries?: number;
  /** Set when `--changed-since` narrowed the report: the ref and the entries it kept. */
  changedSince?: { ref: string; entryIds: ReadonlySet<string> };
  /** A place in a file on GitHub (`…/blob/<sha>/data/papers.yaml#L12`), for the Markdown summary. */
  locationUrl?: (file: string, line: number) => string;
}

export const LINT_FORMATS = {
  text: (r: LintReport) =>
    formatText(r.diagnostics, {
      file: r.file,
      ...(r.entries === undefined ? {} : { entries: r.entries }),
      ...(r.changedSince ? { reportedEntries: r.changedSince.entryIds.size } : {}),
    }),
  json: (r: LintReport) =>
    formatJson(r.diagnostics, {
      file: r.file,
      ...(r.entries === undefined ? {} : { entries: r.entries }),
      ...(r.changedSince ? { onlyEntries: r.changedSince.entryIds } : {}),
    }),
  github: (r: LintReport) => formatGithub(r.diagnostics),
  markdown: (r: LintReport) =>
    formatMarkdown(r.diagnostics, {
      file: r.file,
      ...(r.entries === undefined ? {} : { entries: r.entries }),
      ...(r.changedSince
        ? { changedOnly: { ref: r.changedSince.ref, count: r.changedSince.entryIds.size } }
        : {}),
      ...(r.locationUrl ? { locationUrl: r.locationUrl } : {}),
    }),
} as const satisfies Record<string, (report: LintReport) => string>;

/** Markdown alone takes options (what fails the run, links to lines, the fixes PR); the others ignore them. */
export const CHECK_FORMATS = {
  text: (report: CheckReport) => renderCheckText(report),
  json: (report: CheckReport) => renderCheckJson(report),
  markdown: renderCheckMarkdown,
} as const satisfies Record<string, (report: CheckReport, options?: MarkdownReportOptions) => string>;

export type LintFormat = keyof typeof LINT_FORMATS;
export type CheckFormat = keyof typeof CHECK_FORMATS;

/** The format named `name` in `formats`, or undefined (the edge turns that into a usage error). */
export function pickFormat<F extends string>(formats: Record<F, unknown>, name: string): F | undefined {
  return Object.hasOwn(formats, name) ? (name as F) : undefined;
}
