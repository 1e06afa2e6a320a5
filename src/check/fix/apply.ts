/**
 * Applies planned fixes to the records' text, one scalar at a time, with no other byte changed. Each replaced
 * link is kept in its record's `previous-urls`, so the history of where an entry pointed is never lost.
 */
import {
  addEntryFields,
  type Diagnostic,
  type FieldAddition,
  HTTP_URL_PATTERN,
  type PapersFile,
  setScalars,
} from "../../records/index.js";
import type { PlannedFix } from "./plan.js";

/** What the schema takes as a link (HTTP_URL_PATTERN). */
const HTTP_URL = new RegExp(HTTP_URL_PATTERN);

export interface AppliedFixes {
  text: string;
  applied: PlannedFix[];
  /** Fixes the editor refused (the value moved, a block scalar…), with its reason. */
  refused: { fix: PlannedFix; errors: Diagnostic[] }[];
}

/** `previous-urls` items for the applied fixes: each old URL once per record, none already kept. */
function previousUrlAdditions(data: PapersFile | undefined, applied: readonly PlannedFix[]): FieldAddition[] {
  const seen = new Set<string>();
  return applied.flatMap((fix): FieldAddition[] => {
    const entryIndex = fix.path[1];
    if (fix.path[0] !== "entries" || typeof entryIndex !== "number") return [];
    const kept = data?.entries[entryIndex]?.["previous-urls"] ?? [];
    const key = `${entryIndex}\u0000${fix.from}`;
    if (kept.includes(fix.from) || seen.has(key)) return [];
    seen.add(key);
    return [{ entryIndex, key: "previous-urls", mode: "append", value: fix.from }];
  });
}

/**
 * Pure: the new text and what went in. A refused fix leaves the text as it was for that value. `data` (the
 * parsed records of `text`) lets old URLs already kept be skipped; without it every old URL is added.
 */
export function applyFixes(
  text: string,
  fixes: readonly PlannedFix[],
  file = "data/papers.yaml",
  data?: PapersFile,
): AppliedFixes {
  const refused: AppliedFixes["refused"] = [];
  // Every fix writes a link, and the schema takes only http(s) URLs there: a report made by hand, or by an
  // older papershelf, once had a suggestion that made the records invalid, and it was written.
  const wellFormed = fixes.filter((fix) => {
    if (HTTP_URL.test(fix.to)) return true;
    refused.push({
      fix,
      errors: [
        {
          ruleId: "fix",
          severity: "error",
          message: `the new link ${JSON.stringify(fix.to)} is not an http(s) URL`,
          file,
          line: 1,
          column: 1,
        },
      ],
    });
    return false;
  });
  // One load and one check for all fixes: per-fix edits parsed the whole file twice per fix.
  const scalars = setScalars(
    text,
    wellFormed.map((fix) => ({ path: fix.path, value: fix.to })),
    file,
  );
  let current = scalars.text;
  const applied: PlannedFix[] = [];
  wellFormed.forEach((fix, i) => {
    const result = scalars.results[i];
    if (!result || result.ok) applied.push(fix);
    else refused.push({ fix, errors: result.errors });
  });
  const additions = previousUrlAdditions(data, applied);
  if (additions.length > 0) {
    const kept = addEntryFields(current, additions, file);
    // History must not be lost: when the old URLs cannot be kept (a record in flow style), nothing is fixed.
    if (!kept.ok)
      return {
        text,
        applied: [],
        refused: [...applied.map((fix) => ({ fix, errors: kept.errors })), ...refused],
      };
    current = kept.text;
  }
  return { text: current, applied, refused };
}
