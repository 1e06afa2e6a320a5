/**
 * The rule engine: runs each enabled rule once over the whole list, applies severities from one place,
 * drops findings a record silences with `lint-ignore`, reports silences that matched nothing, and narrows
 * the report to chosen entries (`--changed-since`) after checking everything.
 */
import {
  type Diagnostic,
  type Entry,
  type PapersFile,
  type ParseResult,
  type RecordSource,
  sortDiagnostics,
} from "../records/index.js";
import { resolveSettings, type RuleSettings } from "./config.js";
import { locateFinding } from "./locate.js";
import { RULES } from "./rules/index.js";
import { findUnusedIgnores, UNUSED_LINT_IGNORE } from "./rules/unused-lint-ignore.js";
import { isShadowed, soundPart, toFileFinding, type SoundPart } from "./sound-part.js";
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
 * Lints a parsed list in one pass: the records stage's errors (syntax, schema, unknown category…) and the
 * rules' findings together. On a list that failed the schema the rules still run on every record whose
 * shape allows it (see sound-part.ts); only a file that is not YAML, or whose category tree is broken,
 * stops at its errors. Pure: same input, same output, no I/O.
 */
export function lintList(parsed: ParseResult, options: LintOptions): Diagnostic[] {
  if (parsed.ok) return runRules(parsed.data, parsed.source, parsed.warnings, options);
  const part = parsed.partial ? soundPart(parsed.partial) : undefined;
  if (!part || !parsed.partial) return sortDiagnostics(parsed.errors);
  const findings = runRules(part.data, parsed.source, parsed.partial.warnings, options, part);
  return sortDiagnostics([...parsed.errors, ...findings]);
}

/** Runs the enabled rules over `data`; `part` re-addresses findings when `data` is part of the file. */
function runRules(
  data: PapersFile,
  source: RecordSource,
  warnings: readonly Diagnostic[],
  options: LintOptions,
  part?: SoundPart,
): Diagnostic[] {
  const rules = options.rules ?? RULES;
  const settings = resolveSettings(rules, options.settings);
  const context: RuleContext = { data, source, now: options.now };
  const used = new Set<string>();
  const out: Located[] = warnings.map((diagnostic) => ({ diagnostic, entryIds: [] }));
  // Entries by their index in the file (the rules' own indexes are re-addressed by `toFile`).
  const entryInFile = new Map<number, Entry>();
  data.entries.forEach((entry, i) => entryInFile.set(part?.fileIndex[i] ?? i, entry));
  const toFile = (finding: Finding): Finding => (part ? toFileFinding(part, finding) : finding);

  const entryIdAt = (finding: Finding): number | undefined =>
    finding.path[0] === "entries" && typeof finding.path[1] === "number" ? finding.path[1] : undefined;

  for (const rule of rules) {
    const setting = settings.get(rule.id) ?? "off";
    if (setting === "off" || rule.id === UNUSED_LINT_IGNORE) continue;
    for (const finding of rule.check(context).map(toFile)) {
      if (part && isShadowed(part, finding)) continue;
      const index = entryIdAt(finding);
      const entry = index === undefined ? undefined : entryInFile.get(index);
      if (entry?.["lint-ignore"]?.[rule.id] !== undefined) {
        used.add(silenceKey(index ?? -1, rule.id));
        continue;
      }
      const related = (finding.relatedEntries ?? []).map((i) => entryInFile.get(i)?.id).filter(isString);
      out.push({
        diagnostic: {
          ruleId: rule.id,
          severity: setting,
          message: finding.message,
          file: source.file,
          ...locateFinding(source, finding),
          ...(entry ? { entryId: entry.id } : {}),
          ...(related.length > 0 ? { relatedEntryIds: related } : {}),
        },
        entryIds: entry ? [entry.id, ...related] : related,
      });
    }
  }

  const unusedSetting = settings.get(UNUSED_LINT_IGNORE) ?? "off";
  if (unusedSetting !== "off") {
    const isUsed = (index: number, ruleId: string) => used.has(silenceKey(index, ruleId));
    const isUsedInFile = (index: number, ruleId: string) => isUsed(part?.fileIndex[index] ?? index, ruleId);
    for (const finding of findUnusedIgnores(data, rules, settings, isUsedInFile).map(toFile)) {
      const entry = entryInFile.get(entryIdAt(finding) ?? -1);
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
