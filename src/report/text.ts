/** Terminal report: one `file:line:col  rule-id  message` line per finding, then a summary line. */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../records/index.js";
import { countDiagnostics, describeCounts } from "./summary.js";

export interface ReportContext {
  /** The file that was linted, for the summary line. */
  file: string;
  /** How many entries it holds (undefined when it could not be parsed). */
  entries?: number;
  /** When only some entries were reported (`--changed-since`), how many. */
  reportedEntries?: number;
}

function scope({ file, entries, reportedEntries }: ReportContext): string {
  if (entries === undefined) return file;
  const of = reportedEntries === undefined ? `${entries}` : `${reportedEntries} changed of ${entries}`;
  return `${file} (${of} entr${entries === 1 && reportedEntries === undefined ? "y" : "ies"})`;
}

/** `file:line:col  [warning ]rule-id  message` lines and `✖ 2 errors, 1 warning in file (55 entries)`. */
export function formatText(diagnostics: readonly Diagnostic[], context: ReportContext): string {
  const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
  const counts = countDiagnostics(diagnostics);
  const mark = counts.errors ? "✖" : counts.warnings ? "⚠" : "✔";
  lines.push(`${mark} ${describeCounts(counts)} in ${scope(context)}`);
  return `${lines.join("\n")}\n`;
}
