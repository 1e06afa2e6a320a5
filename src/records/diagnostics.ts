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
  /** Other entries the finding concerns (the earlier entry a duplicate repeats). */
  relatedEntryIds?: string[];
}

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Compares strings by Unicode code point. Not localeCompare: its order depends on the machine's ICU data
 * and locale, and reports must come out the same on a laptop and on the runner. Not `<` either: that
 * compares UTF-16 code units, which puts an emoji before "！" (U+FF01).
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
}

/** Sort by file, then position, then rule: reports read top to bottom and are stable between runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareCodePoints(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareCodePoints(a.ruleId, b.ruleId) ||
      compareCodePoints(a.message, b.message),
  );
}

/** `file:line:col  rule-id  message`, the format editors and terminals make clickable. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity === "warning" ? "warning " : ""}${d.ruleId}  ${d.message}`;
}
