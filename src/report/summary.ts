/** Counts shared by the report formats. */
import type { Diagnostic } from "../records/index.js";

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(list: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  for (const d of list) if (d.severity === "error") errors++;
  return { errors, warnings: list.length - errors };
}

/** "2 errors, 1 warning" — or "no problems". */
export function describeCounts({ errors, warnings }: DiagnosticCounts): string {
  if (errors === 0 && warnings === 0) return "no problems";
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [errors ? part(errors, "error") : "", warnings ? part(warnings, "warning") : ""]
    .filter(Boolean)
    .join(", ");
}
