/**
 * The search index is written as bytes (search/json-bytes.ts), emulating JSON.stringify by hand: its text
 * must be exactly what JSON.stringify writes for the same object (and search.test.ts checks that object is
 * MiniSearch's own index), on the real list and on records with CJK, astral and lone surrogates, escapes
 * in ids, large counts and empty or missing fields.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildSearchIndex,
  entrySearchText,
  searchFields,
  type SearchDocument,
} from "../../src/site/index.js";
import { writeSearchIndexBytes } from "../../src/site/search/build-index.js";
import { JsonBytes, digitCount } from "../../src/site/search/json-bytes.js";
import { Scratch } from "../../src/site/search/scratch.js";
import { TermTable } from "../../src/site/search/terms.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readSiteFixture } from "./helpers/fixture.js";

/** The index's text is JSON.stringify's own: parsing and writing it again gives the same text. */
function expectCanonical(text: string): void {
  expect(text).toBe(JSON.stringify(JSON.parse(text)));
}

describe("the search index's bytes", () => {
  it("are JSON.stringify's text of the index, on the real list", async () => {
    const docs = (await readSiteFixture()).entries.map((e) => ({
      ...entrySearchText(e),
      id: e.id,
    }));
    const text = buildSearchIndex(docs, searchFields());
    expect(text.length).toBeGreaterThan(10_000);
    expectCanonical(text);
  });

  it("are JSON.stringify's text with CJK, astral characters, lone surrogates, escapes and repeated words", () => {
    const odd = [
      'quote " back \\ slash \u0000 nul \u2028 sep',
      "lone \ud800 high \udc00 low",
      "𠀀𪚥 微調模型 𠀀",
      "é́ ＡＢＣ ﬁ",
      "",
      `${"word ".repeat(1234)}微調`,
    ];
    const docs: SearchDocument[] = makeSyntheticList(40).entries.map((e, i) => ({
      ...entrySearchText(e),
      id: `${odd[i % odd.length] ?? ""}-${i}`,
      title: `${odd[i % odd.length] ?? ""} ${i}`,
      abstract: odd[(i + 1) % odd.length] ?? "",
    }));
    // A record without a field at all.
    const { note: _note, ...withoutNote } = docs[3] as SearchDocument;
    docs[3] = withoutNote as SearchDocument;
    const text = buildSearchIndex(docs, searchFields());
    expectCanonical(text);
    expect(text).toContain("𠀀𪚥");
    expect(text).toContain('"word",[');
  });

  it("are the same when written with buffers reused from earlier steps, full of old bytes", () => {
    const table = new TermTable();
    const fields = searchFields();
    const documents = makeSyntheticList(200).entries.map((e) => {
      const text = entrySearchText(e);
      return fields.map((f) => (text[f] === undefined ? undefined : table.idsOf(text[f])));
    });
    const ids = documents.map((_, i) => `r${i}`);
    const fresh = writeSearchIndexBytes(ids, documents, table.terms, fields);
    // Two old buffers, each large enough for the postings (at least 4 bytes each in the text) and for the
    // text's first estimate, full of 0xff: the postings take the smaller, the text the larger.
    const old = [new ArrayBuffer(fresh.length * 12), new ArrayBuffer(fresh.length * 13)];
    for (const buffer of old) new Uint8Array(buffer).fill(0xff);
    const scratch = new Scratch();
    for (const buffer of old) scratch.give(buffer);
    const reused = writeSearchIndexBytes(ids, documents, table.terms, fields, scratch);
    // (Booleans: a failed comparison of MB-sized buffers would print them.)
    expect(reused.buffer === old[1]).toBe(true);
    expect(new Uint8Array(old[0] as ArrayBuffer).every((b) => b === 0xff)).toBe(false);
    expect(Buffer.from(reused).equals(Buffer.from(fresh))).toBe(true);
  });

  it("writes integers and strings as JSON.stringify does", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(), fc.string(), fc.string({ unit: "binary" }))), (values) => {
        const out = new JsonBytes(new Scratch(), 1);
        for (const value of values) {
          if (typeof value === "number") {
            expect(digitCount(value)).toBe(String(value).length);
            out.integer(value);
          } else out.string(value);
          out.char(0x2c);
        }
        const expected = values.map((v) => `${JSON.stringify(v)},`).join("");
        expect(new TextDecoder().decode(out.result())).toBe(expected);
      }),
    );
  });
});
