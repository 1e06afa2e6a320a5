/** `.papershelf.yml`'s `languages`: the languages of the form labels `papershelf build` generates. */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";

describe("the languages key of .papershelf.yml", () => {
  it("defaults to papershelf's own list, 中文 then English", () => {
    const result = parseConfig("data: data/papers.yaml\n");
    expect(result.ok && result.config.languages).toEqual(["zh-TW", "en"]);
  });

  it("takes a list in the order given, or one language", () => {
    const list = parseConfig("languages: [en, zh-TW]\n");
    expect(list.ok && list.config.languages).toEqual(["en", "zh-TW"]);
    const one = parseConfig("languages: en\n");
    expect(one.ok && one.config.languages).toEqual(["en"]);
  });

  it.each([
    ["languages: [en, fr]\n", 'unknown language "fr" in "languages"; papershelf has words for zh-TW, en'],
    ["languages: [en, en]\n", '"languages" names en twice'],
    ["languages: []\n", '"languages" should be a list of zh-TW, en, found []'],
  ])("refuses %j with what is wrong, at its line", (text, message) => {
    const result = parseConfig(`data: data/papers.yaml\n${text}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ line, message: m }) => ({ line, message: m }))).toEqual([
      { line: 2, message },
    ]);
  });
});
