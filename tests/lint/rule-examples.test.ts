import { describe, expect, it } from "vitest";
import { RULES } from "../../src/lint/index.js";
import { exampleFile, lintText } from "./helpers.js";

// The examples are what docs/rules.md shows; these tests keep the docs honest.
describe.each(RULES.map((r) => [r.id, r] as const))("rule %s", (id, rule) => {
  it("has a one-line description and a rationale", () => {
    expect(rule.description).not.toContain("\n");
    expect(rule.rationale.length).toBeGreaterThan(40);
  });

  it("passes its pass example with no finding at all", () => {
    expect(lintText(exampleFile(rule.examples.pass))).toEqual([]);
  });

  it("reports its fail example, and only under its own id", () => {
    const found = lintText(exampleFile(rule.examples.fail));
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((d) => d.ruleId)).toContain(id);
    expect(found.filter((d) => d.ruleId !== id)).toEqual([]);
  });
});
