/**
 * The `lint` section of `.papershelf.yml`: one place for every rule's severity.
 *
 *   lint:
 *     rules:
 *       date: warning
 *       text-length: off
 *
 * Defaults live on the rules; this only holds overrides. Bad values are errors at the config's own
 * file:line:column, which the CLI turns into exit 2.
 */
import { type ProjectConfig, sectionOf } from "../config/index.js";
import { sortDiagnostics, type Diagnostic } from "../records/index.js";
import { suggest } from "../did-you-mean.js";
import { CORE_RULE_IDS } from "./core-rules.js";
import type { LintRule, RuleSetting } from "./types.js";

export type RuleSettings = Partial<Record<string, RuleSetting>>;

export type LintConfigResult = { ok: true; settings: RuleSettings } | { ok: false; errors: Diagnostic[] };

const SETTINGS: readonly RuleSetting[] = ["error", "warning", "off"];

/** Validates the raw `lint` section against the known rules. */
export function parseLintConfig(config: ProjectConfig, rules: readonly LintRule[]): LintConfigResult {
  const section = sectionOf(config, "lint");
  const errors: Diagnostic[] = [];
  const fail = (path: string[], message: string, atKey = false) => {
    // An unknown name is wrong in its key; a bad setting in its value.
    const keyAt = atKey
      ? config.source?.keyPosition(["lint", ...path.slice(0, -1)], path[path.length - 1] ?? "")
      : undefined;
    errors.push({
      ruleId: "config",
      severity: "error",
      message,
      file: section.file,
      ...(keyAt ?? section.position(path)),
    });
  };

  const value = section.value;
  if (value === undefined || value === null) return { ok: true, settings: {} };
  if (!isPlainObject(value)) {
    fail([], `"lint" should be a mapping with a "rules" key, found ${describe(value)}`);
    return { ok: false, errors };
  }
  for (const key of Object.keys(value)) {
    if (key !== "rules") fail([key], `unknown key "lint.${key}"; expected: rules`, true);
  }
  const raw = value.rules;
  if (raw === undefined || raw === null)
    return errors.length ? { ok: false, errors } : { ok: true, settings: {} };
  if (!isPlainObject(raw)) {
    fail(["rules"], `"lint.rules" should map rule ids to error, warning or off; found ${describe(raw)}`);
    return { ok: false, errors };
  }
  const known = new Map(rules.map((r) => [r.id, r]));
  const settings: RuleSettings = {};
  for (const [id, setting] of Object.entries(raw)) {
    if (CORE_RULE_IDS.includes(id)) {
      fail(
        ["rules", id],
        `rule "${id}" checks that the file can be read at all and cannot be configured`,
        true,
      );
    } else if (!known.has(id)) {
      fail(["rules", id], `unknown rule "${id}"${suggest(id, [...known.keys()])}`, true);
    } else if (typeof setting !== "string" || !(SETTINGS as readonly string[]).includes(setting)) {
      fail(
        ["rules", id],
        `rule "${id}" is set to ${describe(setting)}; expected one of: ${SETTINGS.join(", ")}`,
      );
    } else {
      settings[id] = setting as RuleSetting;
    }
  }
  return errors.length ? { ok: false, errors: sortDiagnostics(errors) } : { ok: true, settings };
}

/** The effective setting of each rule: the config's override, else the rule's default. */
export function resolveSettings(
  rules: readonly LintRule[],
  overrides: RuleSettings = {},
): Map<string, RuleSetting> {
  return new Map(rules.map((r) => [r.id, overrides[r.id] ?? r.defaultSetting]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return JSON.stringify(value);
}
