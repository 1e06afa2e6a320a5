/** Applies planned fixes to the records' text, one scalar at a time, with no other byte changed. */
import type { Diagnostic } from "../../records/diagnostics.js";
import { setScalar } from "../../records/edit.js";
import type { PlannedFix } from "./plan.js";

export interface AppliedFixes {
  text: string;
  applied: PlannedFix[];
  /** Fixes the editor refused (the value moved, a block scalar…), with its reason. */
  refused: { fix: PlannedFix; errors: Diagnostic[] }[];
}

/** Pure: the new text and what went in. A refused fix leaves the text as it was for that value. */
export function applyFixes(
  text: string,
  fixes: readonly PlannedFix[],
  file = "data/papers.yaml",
): AppliedFixes {
  let current = text;
  const applied: PlannedFix[] = [];
  const refused: AppliedFixes["refused"] = [];
  for (const fix of fixes) {
    const result = setScalar(current, fix.path, fix.to, file);
    if (result.ok) {
      current = result.text;
      applied.push(fix);
    } else {
      refused.push({ fix, errors: result.errors });
    }
  }
  return { text: current, applied, refused };
}
