import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { parseLintConfig, RULES } from "../../src/lint/index.js";

function lintSection(text: string) {
  const config = parseConfig(text, ".papershelf.yml");
  if (!config.ok) throw new Error("fixture config should parse");
  return parseLintConfig(config.config, RULES);
}

describe("parseLintConfig", () => {
  it("accepts severities for known rules", () => {
    expect(lintSection("lint:\n  rules:\n    date: warning\n    text-length: off\n")).toEqual({
      ok: true,
      settings: { date: "warning", "text-length": "off" },
    });
  });

  it("accepts a missing or empty section", () => {
    expect(lintSection("data: data/papers.yaml\n")).toEqual({ ok: true, settings: {} });
    expect(lintSection("lint:\n")).toEqual({ ok: true, settings: {} });
  });

  it("rejects unknown rules, bad severities, core rules and unknown keys at their lines", () => {
    const result = lintSection(
      "lint:\n  rules:\n    repeated-sentences: error\n    date: fatal\n    schema: off\n  severity: error\n",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 3, column: 5, message: 'unknown rule "repeated-sentences"; did you mean "repeated-sentence"?' },
      { line: 4, column: 11, message: 'rule "date" is set to "fatal"; expected one of: error, warning, off' },
      {
        line: 5,
        column: 5,
        message: 'rule "schema" checks that the file can be read at all and cannot be configured',
      },
      { line: 6, column: 3, message: 'unknown key "lint.severity"; expected: rules' },
    ]);
    expect(result.errors.every((e) => e.file === ".papershelf.yml" && e.ruleId === "config")).toBe(true);
  });

  it("rejects a section of the wrong shape", () => {
    const result = lintSection("lint:\n  rules: [date]\n");
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { line: 2, message: '"lint.rules" should map rule ids to error, warning or off; found a list' },
      ],
    });
  });

  it("reports an alias without an anchor as a config error at its position, not a crash", () => {
    expect(parseConfig("data: data/papers.yaml\nlint: *x\n", ".papershelf.yml")).toEqual({
      ok: false,
      errors: [
        {
          ruleId: "config",
          severity: "error",
          file: ".papershelf.yml",
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 9,
          message:
            'YAML alias "*x" has no anchor "&x" before it; define the anchor earlier or write the value out',
        },
      ],
    });
  });
});
