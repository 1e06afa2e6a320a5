/**
 * Findings as annotations. GitHub shows only 10 errors and 10 warnings per step as annotations, so every
 * command also writes all of its findings to the job summary (src/report's Markdown format).
 */
import type { Diagnostic } from "../records/index.js";
import type { ActionReporter, AnnotationPlace } from "./runtime.js";

/** Where an annotation points: columns only on single-line ranges (the runner rejects them otherwise). */
export function placeOf(d: Diagnostic): AnnotationPlace {
  const endLine = d.endLine ?? d.line;
  const place: AnnotationPlace = { title: d.ruleId, file: d.file, startLine: d.line, endLine };
  if (endLine === d.line) {
    place.startColumn = d.column;
    if (d.endColumn !== undefined) place.endColumn = d.endColumn;
  }
  return place;
}

export function annotateDiagnostics(reporter: ActionReporter, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics)
    reporter.annotate(d.severity === "error" ? "error" : "warning", d.message, placeOf(d));
}
