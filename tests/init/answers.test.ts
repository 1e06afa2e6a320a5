import { describe, expect, it } from "vitest";
import { parseCategories, parseLanguages, parseName } from "../../src/init/index.js";

describe("init answers", () => {
  it("reads languages in the order given, with common spellings, once each", () => {
    expect(parseLanguages("zh, English, zh-TW")).toEqual({ ok: true, value: ["zh-TW", "en"] });
    expect(parseLanguages("fr")).toEqual({
      ok: false,
      message: 'unknown language "fr"; papershelf has words for en, zh-TW',
    });
    expect(parseLanguages(" , ").ok).toBe(false);
  });

  it("makes unique kebab-case ids from category titles, numbered when a title has no Latin letters", () => {
    expect(parseCategories("Language models, 影像模型，Language Models\nVision")).toEqual({
      ok: true,
      value: [
        { id: "language-models", title: "Language models" },
        { id: "category-2", title: "影像模型" },
        { id: "language-models-2", title: "Language Models" },
        { id: "vision", title: "Vision" },
      ],
    });
    expect(parseCategories(" ,, ")).toEqual({ ok: false, message: "name at least one category" });
    // Titles that differ only in case are two categories (above); the same title twice is a slip.
    expect(parseCategories("C++, Vision, C++")).toEqual({
      ok: false,
      message: '"C++" is named twice; give each category once',
    });
  });

  it("keeps a name on one line and refuses an empty one", () => {
    expect(parseName("  My   list \n")).toEqual({ ok: true, value: "My list" });
    expect(parseName("  ").ok).toBe(false);
  });
});
