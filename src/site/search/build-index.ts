/**
 * The serialised search index, built once at site build time and fetched by the page when search is used.
 *
 * It holds what MiniSearch's own serialisation holds (format version 2, what `MiniSearch.loadJS` reads),
 * with each term's documents written as gaps (compact-index.ts says why); the page expands it before
 * loading. It is written from plain term counts rather than through `MiniSearch#addAll`: MiniSearch inserts
 * every token occurrence into its radix tree, scanning a node's children one by one, and Chinese bigrams
 * give nodes hundreds of children, so at 10,000 records `addAll` took about 17 s. Counting the same tokens
 * in a Map takes a fraction of a second. Expanded, it is the same object MiniSearch builds
 * (tests/site/search.test.ts compares the two on the real list and on generated records), with terms in
 * code-unit order.
 */
import { COMPACT_INDEX_FORMAT, type CompactSearchIndex } from "./compact-index.js";
import type { SearchDocument } from "./options.js";
import { TermCounter, TermTable } from "./terms.js";

/** A document's text as term ids (see terms.ts), one array per indexed field; undefined for a missing field. */
export type FieldTerms = readonly (Int32Array | undefined)[];

/**
 * Every (term, field) pair's postings, [doc, count] in document order, in two flat arrays: pair
 * `term * fieldCount + field` holds `docs/counts[start[pair]..start[pair + 1])`. Two passes over the
 * documents (count, then fill) rather than a growing array per pair: at 10,000 records that was 3.5
 * million pushes into 45,000 arrays, and their growth was most of the memory the build used.
 */
function countPostings(documents: readonly FieldTerms[], fieldCount: number, vocabularySize: number) {
  const fieldLength: number[][] = [];
  const averageFieldLength = Array.from({ length: fieldCount }, () => 0);
  const counter = new TermCounter();
  const start = new Int32Array(vocabularySize * fieldCount + 1);
  documents.forEach((fieldTerms, doc) => {
    // A missing field leaves a hole, which JSON writes as null, as MiniSearch's own arrays do.
    const lengths: number[] = [];
    fieldTerms.forEach((ids, fieldId) => {
      // MiniSearch skips a missing field: no length, no terms, and the average is left as it was.
      if (ids === undefined) return;
      counter.add(ids);
      const distinct = counter.touched.length;
      // The field's length is its number of distinct terms, and the average is MiniSearch's running mean.
      lengths[fieldId] = distinct;
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] as number) * doc + distinct) / (doc + 1);
      for (const id of counter.touched) {
        const pair = id * fieldCount + fieldId + 1;
        start[pair] = (start[pair] as number) + 1;
      }
      counter.reset();
    });
    fieldLength.push(lengths);
  });
  for (let pair = 1; pair < start.length; pair++)
    start[pair] = (start[pair] as number) + (start[pair - 1] as number);
  const fill = start.slice(0, -1);
  const docs = new Int32Array(start[start.length - 1] as number);
  const counts = new Int32Array(docs.length);
  documents.forEach((fieldTerms, doc) => {
    fieldTerms.forEach((ids, fieldId) => {
      if (ids === undefined) return;
      counter.add(ids);
      for (const id of counter.touched) {
        const pair = id * fieldCount + fieldId;
        const at = fill[pair] as number;
        docs[at] = doc;
        counts[at] = counter.count(id);
        fill[pair] = at + 1;
      }
      counter.reset();
    });
  });
  return { start, docs, counts, fieldLength, averageFieldLength };
}

/** JSON text of the search index over `documents` (deterministic: same documents, same bytes). */
export function buildSearchIndex(documents: readonly SearchDocument[], fields: readonly string[]): string {
  const table = new TermTable();
  const terms = documents.map((document) =>
    fields.map((field) => {
      const value = document[field];
      return value === undefined || value === null ? undefined : table.idsOf(String(value));
    }),
  );
  return writeSearchIndexPieces(
    documents.map((d) => d.id),
    terms,
    table.terms,
    fields,
  ).join("");
}

/**
 * The same text in pieces (their concatenation), as the site build writes it: at 10,000 records the index
 * is tens of MB, and joined it would be one string of twice that (a Chinese term makes the whole string two
 * bytes a character), copied again to be written. In pieces, each term's postings are a one-byte string and
 * nothing as large as the file is ever made.
 */
export function writeSearchIndexPieces(
  ids: readonly string[],
  documents: readonly FieldTerms[],
  vocabulary: readonly string[],
  fields: readonly string[],
): string[] {
  const fieldCount = fields.length;
  const { start, docs, counts, fieldLength, averageFieldLength } = countPostings(
    documents,
    fieldCount,
    vocabulary.length,
  );
  const hasPostings = (id: number) => start[(id + 1) * fieldCount] !== start[id * fieldCount];
  const order = vocabulary
    .map((_, id) => id)
    .filter(hasPostings)
    .sort((a, b) => {
      const x = vocabulary[a] as string;
      const y = vocabulary[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  // The postings are most of the file (millions at 10,000 records): written as text directly rather than
  // as millions of small arrays for JSON.stringify to walk, from pieces made once (small numbers).
  const numbers: string[] = [];
  const numberText = (n: number) => (n < 1024 ? (numbers[n] ??= String(n)) : String(n));
  const parts: string[] = [];
  const lines: string[] = [];
  for (const id of order) {
    // The term apart from its postings, which stay ASCII (see writeSearchIndexPieces).
    lines.push(`${lines.length === 0 ? "" : ","}[${JSON.stringify(vocabulary[id])},[`);
    parts.length = 0;
    let firstField = true;
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
      const from = start[id * fieldCount + fieldId] as number;
      const to = start[id * fieldCount + fieldId + 1] as number;
      if (from === to) continue;
      parts.push(firstField ? "[" : ",[", numberText(fieldId), ",[");
      firstField = false;
      // Documents were counted in order, so each gap is positive (the first is from document 0).
      for (let at = from, previous = 0; at < to; at++) {
        if (at > from) parts.push(",");
        parts.push(numberText((docs[at] as number) - previous));
        previous = docs[at] as number;
      }
      parts.push("],[");
      for (let at = from; at < to; at++) {
        if (at > from) parts.push(",");
        parts.push(numberText(counts[at] as number));
      }
      parts.push("]]");
    }
    parts.push("]]");
    lines.push(parts.join(""));
  }
  const head: Omit<CompactSearchIndex, "postings"> = {
    format: COMPACT_INDEX_FORMAT,
    fields: [...fields],
    ids: [...ids],
    lengths: fieldLength,
    averages: averageFieldLength,
  };
  const json = JSON.stringify(head);
  return [`${json.slice(0, -1)},"postings":[`, ...lines, "]}"];
}
