/**
 * The JSON report, a stable interface for other tools. Its shape is documented in docs/rules.md ("JSON
 * report"); a change that removes or renames a field bumps REPORT_VERSION.
 */
import { docsAnchor } from "../lint/index.js";
import { sortDiagnostics, type Diagnostic } from "../records/index.js";
import { countDiagnostics } from "./summary.js";

export const REPORT_VERSION = 1;

export interface JsonReport {
  version: typeof REPORT_VERSION;
  tool: "papershelf";
  file: string;
  /** Entries in the file; null when it could not be parsed. */
  entries: number | null;
  /** Entry ids the report was narrowed to (`--changed-since`); null when all were reported. */
  onlyEntries: string[] | null;
  summary: { errors: number; warnings: number };
  diagnostics: JsonDiagnostic[];
}

export interface JsonDiagnostic {
  ruleId: string;
  severity: "error" | "warning";
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  entryId: string | null;
  /** Path of the rule's section in the project's docs. */
  docs: string;
}

export interface JsonReportContext {
  file: string;
  entries?: number;
  onlyEntries?: ReadonlySet<string>;
}

/** Builds the report object: keys always present (null rather than missing), diagnostics sorted. */
export function buildJsonReport(diagnostics: readonly Diagnostic[], context: JsonReportContext): JsonReport {
  return {
    version: REPORT_VERSION,
    tool: "papershelf",
    file: context.file,
    entries: context.entries ?? null,
    onlyEntries: context.onlyEntries ? [...context.onlyEntries].sort() : null,
    summary: countDiagnostics(diagnostics),
    diagnostics: sortDiagnostics(diagnostics).map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine ?? d.line,
      endColumn: d.endColumn ?? d.column,
      entryId: d.entryId ?? null,
      docs: docsAnchor(d.ruleId),
    })),
  };
}

/** The report as pretty-printed JSON text with a final newline. */
export function formatJson(diagnostics: readonly Diagnostic[], context: JsonReportContext): string {
  return `${JSON.stringify(buildJsonReport(diagnostics, context), null, 2)}\n`;
}
