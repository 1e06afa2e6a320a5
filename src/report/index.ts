/** Report formats for Diagnostics: pure functions from findings to text. */
export { escapeData, escapeProperty, formatAnnotation, formatGithub } from "./github.js";
export { buildJsonReport, formatJson, REPORT_VERSION, type JsonDiagnostic, type JsonReport } from "./json.js";
export { escapeCell, formatMarkdown, SUMMARY_MAX_BYTES, type MarkdownReportContext } from "./markdown.js";
export { countDiagnostics, describeCounts, type DiagnosticCounts } from "./summary.js";
export { formatText, type ReportContext } from "./text.js";
