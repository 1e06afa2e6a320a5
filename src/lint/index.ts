/** Lint: the rules a careful reviewer applies. The intake calls `lintList` on a list with the new record. */
export { changedEntryIds, entriesOfText } from "./changed.js";
export { parseLintConfig, resolveSettings, type LintConfigResult, type RuleSettings } from "./config.js";
export { CORE_RULES, CORE_RULE_IDS, type CoreRule } from "./core-rules.js";
export { lintList, type LintOptions } from "./engine.js";
export { RULES } from "./rules/index.js";
export { renderRulesDoc } from "./docs.js";
export { docsAnchor, type Finding, type LintRule, type RuleContext, type RuleSetting } from "./types.js";
