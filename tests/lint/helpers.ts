import { readFileSync } from "node:fs";
import path from "node:path";
import { exampleFile, EXAMPLE_NOW } from "../../src/lint/examples.js";
import { lintList, type LintOptions } from "../../src/lint/index.js";
import { parseRecords } from "../../src/records/parse.js";
import type { Diagnostic } from "../../src/records/diagnostics.js";

/** Tests use a fixed clock so the date rule gives the same answer every day. */
export const NOW = EXAMPLE_NOW;
export { exampleFile };

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/lint");

export function lintText(
  text: string,
  options: Partial<LintOptions> = {},
  file = "papers.yml",
): Diagnostic[] {
  return lintList(parseRecords(text, file), { now: NOW, ...options });
}

/** Lints tests/fixtures/lint/<rel>; returns what tests assert: rule id, line and message. */
export function lintFixture(rel: string, options: Partial<LintOptions> = {}) {
  const text = readFileSync(path.join(FIXTURES, rel), "utf8");
  return lintText(text, options, rel).map(({ ruleId, line, message }) => ({ ruleId, line, message }));
}

/** Only one rule's findings, for per-rule fixture tests. */
export function lintFixtureFor(ruleId: string, rel: string) {
  return lintFixture(rel).filter((d) => d.ruleId === ruleId);
}
