import type { PapersFile } from "../../records/index.js";
import { suggest } from "../../did-you-mean.js";
import { CORE_RULE_IDS } from "../core-rules.js";
import type { Finding, LintRule, RuleSetting } from "../types.js";
import { SHIKRA } from "./example-record.js";

export const UNUSED_LINT_IGNORE = "unused-lint-ignore";

/**
 * A silence must keep earning its place: once the data is fixed, or the rule id is mistyped, the
 * `lint-ignore` entry only hides future problems. The engine reports these (it alone knows which silences
 * matched a finding), so `check` is empty and `findUnusedIgnores` does the work.
 */
export const unusedLintIgnore: LintRule = {
  id: UNUSED_LINT_IGNORE,
  description: "A `lint-ignore` entry names an unknown rule or silences nothing on its record.",
  defaultSetting: "warning",
  rationale:
    "Each `lint-ignore: {rule-id: reason}` must match a finding of that rule on the same record. A silence " +
    "for a rule that no longer finds anything there, for an unknown rule id, or for a core rule (which " +
    "cannot be silenced) is reported so that stale silences are removed. Silences of rules set to `off` " +
    "are not judged.",
  examples: {
    pass: `- id: sample-factory-cs
  title: alex-petrenko/sample-factory
  url: https://arxiv.org/abs/2104.04258
  kind: paper
  category: llm
  date: 2021-04-09
  lint-ignore:
    title-is-slug-or-url: seed title kept; see issue 3`,
    fail: `${SHIKRA}
  date: 2023-06-27
  lint-ignore:
    title-is-slug-or-url: the title was a slug once`,
  },
  check: () => [],
};

/** Silences that are unknown, unsilenceable, or matched no finding. */
export function findUnusedIgnores(
  data: PapersFile,
  rules: readonly LintRule[],
  settings: ReadonlyMap<string, RuleSetting>,
  isUsed: (entryIndex: number, ruleId: string) => boolean,
): Finding[] {
  const known = rules.map((r) => r.id).filter((id) => id !== UNUSED_LINT_IGNORE);
  const findings: Finding[] = [];
  data.entries.forEach((entry, i) => {
    for (const ruleId of Object.keys(entry["lint-ignore"] ?? {})) {
      const path = ["entries", i, "lint-ignore", ruleId];
      if (CORE_RULE_IDS.includes(ruleId) || ruleId === UNUSED_LINT_IGNORE) {
        findings.push({
          path,
          atKey: true,
          message: `lint-ignore names "${ruleId}", which cannot be silenced; expected the record fixed instead`,
        });
      } else if (!known.includes(ruleId)) {
        findings.push({
          path,
          atKey: true,
          message: `lint-ignore names unknown rule "${ruleId}"${suggest(ruleId, known)}`,
        });
      } else if (settings.get(ruleId) !== "off" && !isUsed(i, ruleId)) {
        findings.push({
          path,
          atKey: true,
          message: `lint-ignore for "${ruleId}" silences nothing: the rule finds no problem on entry "${entry.id}"; expected the silence removed`,
        });
      }
    }
  });
  return findings;
}
