/**
 * Reports: pure functions from findings to text, for lint's Diagnostics and for the check report, chosen
 * through one registry of formats (formats.ts).
 */
export { renderCheckJson, renderCheckMarkdown } from "./check-markdown.js";
export { formatLocation, LINK_ORDER, REPO_ORDER, renderCheckText } from "./check-text.js";
export {
  CHECK_FORMATS,
  LINT_FORMATS,
  pickFormat,
  type CheckFormat,
  type LintFormat,
  type LintReport,
} from "./formats.js";
export { escapeData, escapeProperty, formatAnnotation, formatGithub } from "./github.js";
export { buildJsonReport, formatJson, REPORT_VERSION, type JsonDiagnostic, type JsonReport } from "./json.js";
export { escapeCell, formatMarkdown, SUMMARY_MAX_BYTES, type MarkdownReportContext } from "./markdown.js";
export { countDiagnostics, describeCounts, type DiagnosticCounts } from "./summary.js";
export { formatText, type ReportContext } from "./text.js";
