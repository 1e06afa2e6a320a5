/**
 * The rule engine: runs each enabled rule once over the whole list, applies severities from one place,
 * drops findings a record silences with `lint-ignore`, reports silences that matched nothing, and narrows
 * the report to chosen entries (`--changed-since`) after checking everything.
 */
import { sortDiagnostics, type Diagnostic } from "../records/diagnostics.js";
import type { ParseResult } from "../records/parse.js";
import { resolveSettings, type RuleSettings } from "./config.js";
import { locateFinding } from "./locate.js";
import { RULES } from "./rules/index.js";
import { findUnusedIgnores, UNUSED_LINT_IGNORE } from "./rules/unused-lint-ignore.js";
import type { Finding, LintRule, RuleContext } from "./types.js";

export interface LintOptions {
  /** The clock: the date rule compares with it. */
  now: Date;
  /** Severity overrides from `.papershelf.yml` → `lint.rules` (see `parseLintConfig`). */
  settings?: RuleSettings;
  /**
   * Report only findings about these entries (and file-level ones). Every rule still sees the whole list,
   * so a new entry that duplicates an old one is reported.
   */
  onlyEntryIds?: ReadonlySet<string>;
  /** The rules to run; all of them by default. */
  rules?: readonly LintRule[];
}

interface Located {
  diagnostic: Diagnostic;
  entryIds: string[];
}

/**
 * Lints a parsed list. Parse errors (syntax, schema, unknown category…) come back as they are: the rules
 * need a valid list. Pure: same input, same output, no I/O.
 */
export function lintList(parsed: ParseResult, options: LintOptions): Diagnostic[] {
  if (!parsed.ok) return sortDiagnostics(parsed.errors);
  const { data, source } = parsed;
  const rules = options.rules ?? RULES;
  const settings = resolveSettings(rules, options.settings);
  const context: RuleContext = { data, source, now: options.now };
  const used = new Set<string>();
  const out: Located[] = parsed.warnings.map((diagnostic) => ({ diagnostic, entryIds: [] }));

  const entryIdAt = (finding: Finding): number | undefined =>
    finding.path[0] === "entries" && typeof finding.path[1] === "number" ? finding.path[1] : undefined;

  for (const rule of rules) {
    const setting = settings.get(rule.id) ?? "off";
    if (setting === "off" || rule.id === UNUSED_LINT_IGNORE) continue;
    for (const finding of rule.check(context)) {
      const index = entryIdAt(finding);
      const entry = index === undefined ? undefined : data.entries[index];
      if (entry?.["lint-ignore"]?.[rule.id] !== undefined) {
        used.add(silenceKey(index ?? -1, rule.id));
        continue;
      }
      const related = (finding.relatedEntries ?? []).map((i) => data.entries[i]?.id).filter(isString);
      out.push({
        diagnostic: {
          ruleId: rule.id,
          severity: setting,
          message: finding.message,
          file: source.file,
          ...locateFinding(source, finding),
          ...(entry ? { entryId: entry.id } : {}),
        },
        entryIds: entry ? [entry.id, ...related] : related,
      });
    }
  }

  const unusedSetting = settings.get(UNUSED_LINT_IGNORE) ?? "off";
  if (unusedSetting !== "off") {
    const isUsed = (index: number, ruleId: string) => used.has(silenceKey(index, ruleId));
    for (const finding of findUnusedIgnores(data, rules, settings, isUsed)) {
      const entry = data.entries[entryIdAt(finding) ?? -1];
      out.push({
        diagnostic: {
          ruleId: UNUSED_LINT_IGNORE,
          severity: unusedSetting,
          message: finding.message,
          file: source.file,
          ...locateFinding(source, finding),
          ...(entry ? { entryId: entry.id } : {}),
        },
        entryIds: entry ? [entry.id] : [],
      });
    }
  }

  const only = options.onlyEntryIds;
  const kept = only
    ? out.filter(({ entryIds }) => entryIds.length === 0 || entryIds.some((id) => only.has(id)))
    : out;
  return sortDiagnostics(kept.map((l) => l.diagnostic));
}

function silenceKey(index: number, ruleId: string): string {
  return `${index}\u0000${ruleId}`;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
