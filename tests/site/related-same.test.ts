/**
 * The related entries as the build computes them (relatedPackedFromTerms, written into the term thread's
 * arrays) must be exactly what the plainer reference computes: the same entries, bit-identical scores,
 * the same shared terms in the same order, on the real list and on generated records with CJK and odd text.
 */
import { describe, expect, it } from "vitest";
import { termsOfEntries } from "../../src/site/entry-terms.js";
import {
  EXACT_UP_TO,
  isTopicTerm,
  relatedPackedFromTerms,
  relatedPackedRuns,
} from "../../src/site/related.js";
import {
  RELATED_RUN_RECORDS,
  runEnd,
  unpackRelated,
  type PackedRelated,
} from "../../src/site/related-packed.js";
import { TermIds } from "../../src/site/term-ids.js";
import { termInput } from "../../src/site/term-input.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readSiteFixture } from "./helpers/fixture.js";
import { referenceRelatedFromTerms } from "./helpers/related-reference.js";

/** Every record's texts as ids, numbered as the build numbers them. */
function numbered(texts: readonly (readonly string[])[]) {
  const table = new TermIds();
  const ids = texts.map((own) => own.map((text) => table.add(text)));
  return { documents: ids.map((own) => own.map((t) => table.of(t))), vocabulary: table.terms };
}

function expectSame(texts: readonly (readonly string[])[], count?: number): number {
  const ids = texts.map((_, i) => `r${i}`);
  const { documents, vocabulary } = numbered(texts);
  const expected = referenceRelatedFromTerms(ids, documents, vocabulary, count);
  const got = unpackRelated(ids, [relatedPackedFromTerms(documents, vocabulary, count)]);
  let found = 0;
  for (const id of ids) {
    const list = got.get(id);
    expect(list, id).toEqual(expected.get(id));
    // toEqual treats 0 and -0 alike; the scores must be the same doubles.
    list?.forEach((r, k) => expect(Object.is(r.score, expected.get(id)?.[k]?.score)).toBe(true));
    found += list?.length ?? 0;
  }
  return found;
}

/**
 * Each record's top `count` by tf-idf cosine over every other record, worked out pair by pair: the weights
 * as related.ts documents them (1 + ln tf, times ln(1 + n/df) for terms in 2 to n/2 records, topic terms
 * only, each vector of length 1), ties to the earlier record.
 */
function bruteForceTop(
  texts: readonly (readonly string[])[],
  count: number,
): { id: number; score: number }[][] {
  const { documents, vocabulary } = numbered(texts);
  const n = documents.length;
  const tfs = documents.map((own) => {
    const tf = new Map<number, number>();
    for (const ids of own)
      for (const t of ids) if (isTopicTerm(vocabulary[t] as string)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const df = new Map<number, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = tfs.map((tf) => {
    const v = new Map<number, number>();
    for (const [t, c] of tf) {
      const f = df.get(t) as number;
      if (f >= 2 && f <= n / 2) v.set(t, (1 + Math.log(c)) * Math.log(1 + n / f));
    }
    const norm = Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0)) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  return vectors.map((mine, d) =>
    vectors
      .map((theirs, o) => {
        let score = 0;
        for (const [t, w] of mine) score += w * (theirs.get(t) ?? 0);
        return { id: o, score };
      })
      .filter((r) => r.id !== d && r.score > 1e-12)
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, count),
  );
}

describe("relatedPackedFromTerms", () => {
  it(`gives every record its true top entries by cosine on lists of up to ${EXACT_UP_TO} records`, async () => {
    const real = (await readSiteFixture()).entries.map((e) => [e.title, e.abstract ?? "", e.summary ?? ""]);
    const generated = makeSyntheticList(EXACT_UP_TO).entries.map((e) => [e.title, "", e.summary ?? ""]);
    for (const texts of [real, generated]) {
      const ids = texts.map((_, i) => `r${i}`);
      const { documents, vocabulary } = numbered(texts);
      const got = unpackRelated(ids, [relatedPackedFromTerms(documents, vocabulary)]);
      const truth = bruteForceTop(texts, 5);
      let compared = 0;
      truth.forEach((top, d) => {
        const list = got.get(`r${d}`) ?? [];
        // The same scores, to rounding (the sums run in another order), and the same records where the
        // scores are apart (two records within rounding of each other may come either way).
        expect(
          list.map((r) => r.score),
          `r${d}`,
        ).toHaveLength(top.length);
        list.forEach((r, k) => {
          expect(Math.abs(r.score - (top[k]?.score as number)), `r${d} #${k}`).toBeLessThan(1e-9);
          const near = top.filter((t) => Math.abs(t.score - r.score) < 1e-9).map((t) => `r${t.id}`);
          expect(near, `r${d} #${k}`).toContain(r.id);
          compared++;
        });
      });
      expect(compared).toBeGreaterThan(texts.length * 3);
    }
  });

  it("gives exactly the reference's related entries on the real list", async () => {
    const entries = (await readSiteFixture()).entries;
    const texts = entries.map((e) => [e.title, e.abstract ?? "", e.summary ?? ""]);
    expect(expectSame(texts)).toBeGreaterThan(entries.length);
    expect(expectSame(texts, 1)).toBeGreaterThan(0);
  });

  it("gives exactly the reference's related entries on generated records with CJK, repeats and odd text", () => {
    const odd = ["lone \ud800 high", "𠀀𪚥 微調 𠀀𪚥", "", "diffusion diffusion diffusion", "é́ ＡＢＣ ﬁ"];
    const texts = makeSyntheticList(700).entries.map((e, i) => [
      `${e.title} ${odd[i % odd.length] ?? ""}`,
      i % 3 === 0 ? "" : `${e.title} with ${i % 7} tuning and retrieval`,
      e.summary ?? "",
    ]);
    expect(expectSame(texts)).toBeGreaterThan(700 * 4);
    expect(expectSame(texts, 12)).toBeGreaterThan(700 * 10);
  });

  it("is what the build's term numbering gives for its related entries", async () => {
    const entries = (await readSiteFixture()).entries;
    const terms = termsOfEntries(termInput(entries));
    // As the term thread sends them: in runs.
    const runs: PackedRelated[] = [];
    terms.relatedRuns(RELATED_RUN_RECORDS, (run) => runs.push(run));
    const packed = unpackRelated(
      entries.map((e) => e.id),
      runs,
    );
    const map = terms.related();
    for (const e of entries) expect(packed.get(e.id)).toEqual(map.get(e.id));
  });

  it("gives the same entries in runs of records, each run covering the records after the last", () => {
    const texts = makeSyntheticList(130).entries.map((e) => [e.title, e.summary ?? ""]);
    const ids = texts.map((_, i) => `r${i}`);
    const { documents, vocabulary } = numbered(texts);
    const whole = unpackRelated(ids, [relatedPackedFromTerms(documents, vocabulary)]);
    for (const runRecords of [1, 7, 64, 130, 500]) {
      const runs: PackedRelated[] = [];
      relatedPackedRuns(documents, vocabulary, runRecords, (run) => runs.push(run));
      expect(runs.map((r) => r.first)).toEqual(runs.map((_, k) => k * runRecords));
      expect(runEnd(runs.at(-1) as PackedRelated)).toBe(130);
      const inRuns = unpackRelated(ids, runs);
      for (const id of ids) expect(inRuns.get(id), `${id} in runs of ${runRecords}`).toEqual(whole.get(id));
      // A record outside every run has no entry rather than another record's.
      expect(unpackRelated(ids, runs.slice(1)).get("r0")).toBeUndefined();
    }
    expect(ids.some((id) => (whole.get(id) ?? []).length > 0)).toBe(true);
    expect(() => relatedPackedRuns(documents, vocabulary, 0, () => undefined)).toThrow(RangeError);
    const none: PackedRelated[] = [];
    relatedPackedRuns([], [], 500, (run) => none.push(run));
    expect(none.map((r) => [r.first, runEnd(r)])).toEqual([[0, 0]]);
  });

  it("refuses a TermInput it has used, whose texts became scratch memory, and reads a new one alike", async () => {
    const entries = (await readSiteFixture()).entries;
    const input = termInput(entries);
    const first = termsOfEntries(input);
    const related = first.related();
    // Its steps reuse the texts' buffer as scratch memory, so a second call would read their bytes as text.
    first.searchIndexBytes();
    expect(() => termsOfEntries(input)).toThrow(/used already/);
    const again = termsOfEntries(termInput(entries)).related();
    for (const e of entries) expect(again.get(e.id)).toEqual(related.get(e.id));
  });
});
