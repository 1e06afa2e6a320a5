import { describe, expect, it } from "vitest";
import { changedEntryIds, entriesOfText } from "../../src/lint/index.js";
import type { Entry } from "../../src/records/schema.js";

const entry = (id: string, extra: Partial<Entry> = {}): Entry => ({
  id,
  title: `Title of ${id}`,
  url: `https://example.org/${id}`,
  kind: "paper",
  category: "llm",
  date: "2023-06",
  ...extra,
});

describe("changedEntryIds", () => {
  it("finds added and edited entries, not moved or untouched ones", () => {
    const before = [entry("a"), entry("b"), entry("c")];
    const after = [entry("c"), entry("a", { date: "2023-07" }), entry("b"), entry("d")];
    expect([...changedEntryIds(before, after)].sort()).toEqual(["a", "d"]);
  });

  it("ignores key order within an entry", () => {
    const { id, title, ...rest } = entry("a");
    const reordered = { ...rest, title, id };
    expect(changedEntryIds([reordered], [entry("a")]).size).toBe(0);
  });

  it("treats every entry as changed when there was no old file", () => {
    expect([...changedEntryIds(undefined, [entry("a"), entry("b")])]).toEqual(["a", "b"]);
  });

  it("reads the entries of an old file, and nothing from one that does not parse", () => {
    expect(entriesOfText("categories: []\nentries:\n  - id: a\n    title: T\n")).toEqual([
      { id: "a", title: "T" },
    ]);
    expect(entriesOfText("entries: [\n")).toBeUndefined();
    expect(entriesOfText("just text\n")).toBeUndefined();
  });

  it("reads nothing (every entry counts as new) from an old file whose aliases do not resolve", () => {
    expect(entriesOfText("categories: *nope\nentries:\n  - id: a\n")).toBeUndefined();
  });
});
