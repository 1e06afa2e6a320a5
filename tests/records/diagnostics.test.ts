import { describe, expect, it } from "vitest";
import { compareCodePoints, sortDiagnostics, type Diagnostic } from "../../src/records/diagnostics.js";

const at = (file: string, message = "m"): Diagnostic => ({
  ruleId: "r",
  severity: "error",
  message,
  file,
  line: 1,
  column: 1,
});

describe("sortDiagnostics", () => {
  it("orders by code point, the same on every machine whatever its locale", () => {
    const files = ["摘要.yml", "a.yml", "Z.yml", "é.yml", "😀.yml", "！.yml"];
    expect(sortDiagnostics(files.map((f) => at(f))).map((d) => d.file)).toEqual([
      "Z.yml",
      "a.yml",
      "é.yml",
      "摘要.yml",
      "！.yml",
      "😀.yml",
    ]);
  });

  it("compareCodePoints puts an astral character after U+FFxx (UTF-16 order would not)", () => {
    expect(compareCodePoints("😀", "！")).toBeGreaterThan(0);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
    expect(compareCodePoints("a", "a")).toBe(0);
  });
});
