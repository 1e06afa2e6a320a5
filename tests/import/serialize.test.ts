import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { stringifyPapersFile } from "../../src/import/serialize.js";
import { parseRecords } from "../../src/records/parse.js";
import type { PapersFile } from "../../src/records/schema.js";

const data: PapersFile = {
  list: { intro: "**Bold intro**\n> quote" },
  categories: [{ children: [{ title: "子類", id: "sub" }], title: "Top", id: "top" }],
  entries: [
    {
      summary: "Line one  \n\n* nested\n    | a\t| b |\n\n**bold**",
      category: "sub",
      kind: "paper",
      url: "https://example.org/p",
      title: "Paper: With Colon",
      id: "paper",
      arxiv: "2306.10960",
      date: "2023-06",
      images: [{ width: "50%", url: "https://img.example/a.png" }],
    },
  ],
};

describe("stringifyPapersFile", () => {
  const text = stringifyPapersFile(data, "../schemas/papers.schema.json");

  it("starts with the schema line for editors, then list, categories, entries", () => {
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/papers.schema.json");
    expect(text.indexOf("list:")).toBeLessThan(text.indexOf("categories:"));
    expect(text.indexOf("categories:")).toBeLessThan(text.indexOf("entries:"));
  });

  it("writes keys in schema order and multi-line text as block literals", () => {
    expect(text).toContain(
      "  - id: top\n    title: Top\n    children:\n      - id: sub\n        title: 子類\n",
    );
    expect(text).toMatch(
      / {2}- id: paper\n {4}title: "Paper: With Colon"\n {4}url: .*\n {4}kind: paper\n {4}category: sub\n {4}date: 2023-06\n {4}arxiv: "2306.10960"\n/,
    );
    expect(text).toContain("    summary: |-\n      Line one  \n");
  });

  it("round-trips exactly (tabs, trailing spaces, an id YAML would read as a number) and validates", () => {
    expect(parse(text)).toEqual(data);
    expect(parseRecords(text).ok).toBe(true);
  });

  it("is deterministic", () => {
    expect(stringifyPapersFile(structuredClone(data), "../schemas/papers.schema.json")).toBe(text);
  });
});
