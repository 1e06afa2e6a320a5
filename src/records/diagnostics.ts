/** Every finding papershelf reports — schema errors, lint findings, intake problems — has this shape. */
export type Severity = "error" | "warning";

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The entry the finding is about, when there is one. */
  entryId?: string;
}

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Sort by file, then position, then rule: reports read top to bottom and are stable between runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
}

/** `file:line:col  rule-id  message`, the format editors and terminals make clickable. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity === "warning" ? "warning " : ""}${d.ruleId}  ${d.message}`;
}
