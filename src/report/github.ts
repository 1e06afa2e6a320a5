/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` make annotations on the
 * pull request's diff at the record's lines. GitHub shows at most 10 errors and 10 warnings per step, which
 * is why the Markdown job summary lists all findings.
 */
import { sortDiagnostics, type Diagnostic } from "../records/index.js";

/** Message text: `%`, CR and LF would end or corrupt the command (as @actions/core escapes them). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values additionally must not contain `:` or `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One workflow command for a diagnostic. */
export function formatAnnotation(d: Diagnostic): string {
  const props: [string, string | number][] = [
    ["file", d.file],
    ["line", d.line],
    ["endLine", d.endLine ?? d.line],
    ["title", `papershelf ${d.ruleId}`],
  ];
  // Columns only on one-line annotations: @actions/core documents that they "cannot be sent when
  // startLine and endLine are different values".
  if ((d.endLine ?? d.line) === d.line) {
    props.splice(2, 0, ["col", d.column]);
    props.push(["endColumn", d.endColumn ?? d.column]);
  }
  const command = d.severity === "error" ? "error" : "warning";
  return `::${command} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",")}::${escapeData(d.message)}`;
}

/** All diagnostics as workflow commands, one per line. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => `${formatAnnotation(d)}\n`)
    .join("");
}
