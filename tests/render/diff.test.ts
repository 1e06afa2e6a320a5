import { expect, test } from "vitest";
import { formatShortDiff } from "../../src/render/diff.js";

test("shows the first difference with context and both sides", () => {
  const before = ["a", "b", "c", "old 1", "old 2", "d", "e"].join("\n");
  const after = ["a", "b", "c", "new 1", "d", "e"].join("\n");
  expect(formatShortDiff("README.md", before, after)).toBe(
    [
      "--- README.md",
      "+++ README.md (generated)",
      "@@ line 4 @@",
      " b",
      " c",
      "-old 1",
      "-old 2",
      "+new 1",
      " d",
      " e",
      "",
    ].join("\n"),
  );
});

test("long changes are cut, keeping room for the generated side", () => {
  const before = Array.from({ length: 100 }, (_, i) => `old ${i}`).join("\n");
  const after = Array.from({ length: 100 }, (_, i) => `new ${i}`).join("\n");
  const diff = formatShortDiff("x", before, after, { maxLines: 10 });
  expect(diff.split("\n").filter((l) => l.startsWith("-old"))).toHaveLength(5);
  expect(diff.split("\n").filter((l) => l.startsWith("+new"))).toHaveLength(5);
  expect(diff).toContain("… 190 more changed line(s)");
});

test("a missing file and equal texts", () => {
  expect(formatShortDiff("s.json", undefined, "{}\n")).toContain("--- s.json (missing)\n");
  expect(formatShortDiff("s.json", "x", "x")).toBe("");
});
