/**
 * The shapes shared by the lint engine and its rules. A rule is data: an id, a one-line description, a
 * docs anchor, examples that pass and fail (tested and rendered into docs/rules.md) and a pure check.
 */
import type { PapersFile, PathSegment, RecordSource } from "../records/index.js";
import { CORE_RULE_IDS } from "./core-rules.js";

/** What a rule's severity can be set to in `.papershelf.yml` → `lint.rules`. */
export type RuleSetting = "error" | "warning" | "off";

/** What a rule's check gets: the valid, parsed list and the clock (date rules compare with `now`). */
export interface RuleContext {
  data: PapersFile;
  source: RecordSource;
  now: Date;
}

/**
 * One thing a rule found. `path` is the data path of the YAML node it is about; `range` narrows it to
 * character offsets inside that node's string value (a repeated sentence inside a 摘要).
 */
export interface Finding {
  message: string;
  path: PathSegment[];
  /** Point at the mapping key named by the last path segment rather than its value. */
  atKey?: boolean;
  /** [start, end) offsets inside the string value at `path`. */
  range?: readonly [number, number];
  /** Indexes of other entries the finding concerns (the earlier duplicate), for `--changed-since`. */
  relatedEntries?: readonly number[];
}

export interface LintRule {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Severity when `.papershelf.yml` does not set one. */
  defaultSetting: RuleSetting;
  /** Why the rule exists and what it accepts, a paragraph for docs/rules.md. */
  rationale: string;
  /**
   * YAML snippets: a list of entries (wrapped in a one-category file) or a whole file starting with
   * `categories:`. Tests assert `pass` yields no finding of this rule and `fail` at least one.
   */
  examples: { pass: string; fail: string };
  check(context: RuleContext): Finding[];
}

/**
 * Anchor of a rule's section in docs/rules.md (GitHub's heading ids: the id itself for kebab-case). The core
 * rules share one section, a table: "#schema" named no heading.
 */
export function docsAnchor(ruleId: string): string {
  return CORE_RULE_IDS.includes(ruleId) ? "docs/rules.md#core-rules" : `docs/rules.md#${ruleId}`;
}
