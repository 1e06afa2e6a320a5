/**
 * The build's own term numbering (term-ids.ts) must cut text exactly as the browser's tokenizer does and
 * number terms as TermTable does: otherwise the search index would hold terms no query can produce.
 */
import { describe, expect, it } from "vitest";
import { entrySearchText, searchFields } from "../../src/site/index.js";
import { TermTable } from "../../src/site/search/terms.js";
import { TermIds } from "../../src/site/term-ids.js";
import { makeSyntheticList, rng } from "../../bench/synthetic.js";
import { readSiteFixture } from "./helpers/fixture.js";

/** Both numberings over the same texts, in order: the vocabularies and every text's ids. */
function bothWays(texts: readonly string[]) {
  const table = new TermTable();
  const ids = new TermIds();
  const expected = texts.map((t) => Array.from(table.idsOf(t)));
  const got = texts.map((t) => ids.add(t)).map((n) => Array.from(ids.of(n)));
  return { expected, got, expectedTerms: table.terms, gotTerms: ids.terms };
}

function expectSame(texts: readonly string[]) {
  const { expected, got, expectedTerms, gotTerms } = bothWays(texts);
  expect(gotTerms).toEqual(expectedTerms);
  for (let i = 0; i < texts.length; i++) expect(got[i], JSON.stringify(texts[i])).toEqual(expected[i]);
}

/**
 * Characters where a hand-written tokenizer could part from the regex one: full-width and compatibility forms
 * that NFKC changes (Ａ, ﬁ, ㍻ → 平成, ｶ → カ), the kana prolonged sound mark (a letter, but not kana script),
 * Hangul, a Han character outside the BMP, lone surrogates, emoji, final sigma, digits and separators.
 */
const PIECES = [
  ..."微調模型實驗のカタカナひらがな한국어ー々〆",
  ..."ＡＢＣａｂｃ１２３ﬁ㍻ｶﾞ",
  "𠀀",
  "𪚥",
  "\ud800",
  "\udc00",
  "😀",
  ..."ΣΑΣ σς",
  ..."abcXYZ019_-'.,;:!?/()[]{}<>\n\t ",
  "é",
  "e\u0301",
  "İ",
];

describe("TermIds", () => {
  it("cuts and numbers the real list's searched text as TermTable does", async () => {
    const data = await readSiteFixture();
    const fields = searchFields();
    expectSame(
      data.entries.flatMap((e) => {
        const text = entrySearchText(e);
        return fields.map((f) => text[f] ?? "");
      }),
    );
  });

  it("does on generated records", () => {
    expectSame(makeSyntheticList(300).entries.flatMap((e) => [e.title, e.summary ?? ""]));
  });

  it("does on random mixes of scripts, compatibility forms and broken surrogates", () => {
    const random = rng(7);
    const texts = Array.from({ length: 2_000 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 40) },
        () => PIECES[Math.floor(random() * PIECES.length)],
      ).join(""),
    );
    expectSame(texts);
  });

  it("keeps each text's ids apart, and an empty text has none", () => {
    const ids = new TermIds();
    const a = ids.add("微調 model");
    const b = ids.add("");
    const c = ids.add("model 微調");
    expect(Array.from(ids.of(a)).map((id) => ids.terms[id])).toEqual(["微調", "調", "model"]);
    expect(Array.from(ids.of(b))).toEqual([]);
    expect(Array.from(ids.of(c)).map((id) => ids.terms[id])).toEqual(["model", "微調", "調"]);
  });

  it("reads a one-byte text from its Latin-1 bytes as it reads the text", () => {
    // ASCII (read from the bytes) and the Latin-1 letters NFKC or lowercasing change (read as text), mixed
    // in texts that also pass through `add`, so a word has one id whichever way it came.
    const pieces = [
      ..."abcXYZ019_-'.,;:!?/()\n\t ",
      "GPT-4",
      "Model",
      "é",
      "ª",
      "²",
      "µ",
      "\u00a0",
      "ß",
      "Å",
    ];
    const random = rng(11);
    const texts = Array.from({ length: 2_000 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(""),
    );
    const table = new TermTable();
    const expected = texts.map((t) => Array.from(table.idsOf(t)));
    const ids = new TermIds();
    const got = texts.map((t, i) => {
      const bytes = Buffer.from(`#${t}#`, "latin1");
      const n = i % 3 === 0 ? ids.add(t) : ids.addLatin1(bytes, 1, bytes.length - 1);
      return Array.from(ids.of(n));
    });
    expect(ids.terms).toEqual(table.terms);
    for (let i = 0; i < texts.length; i++) expect(got[i], JSON.stringify(texts[i])).toEqual(expected[i]);
  });
});
