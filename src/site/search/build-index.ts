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

/** Term counts of every document, per field: `postings[term][field]` is [doc, count, doc, count, …]. */
function countPostings(documents: readonly FieldTerms[], fieldCount: number) {
  const postings: (number[][] | undefined)[] = [];
  const fieldLength: number[][] = [];
  const averageFieldLength = Array.from({ length: fieldCount }, () => 0);
  const counter = new TermCounter();
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
        const byField = (postings[id] ??= Array.from({ length: fieldCount }, () => []));
        (byField[fieldId] as number[]).push(doc, counter.count(id));
      }
      counter.reset();
    });
    fieldLength.push(lengths);
  });
  return { postings, fieldLength, averageFieldLength };
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
  return writeSearchIndex(
    documents.map((d) => d.id),
    terms,
    table.terms,
    fields,
  );
}

/** The same, from texts already cut into term ids (`vocabulary[id]` is the term), as the site build does. */
export function writeSearchIndex(
  ids: readonly string[],
  documents: readonly FieldTerms[],
  vocabulary: readonly string[],
  fields: readonly string[],
): string {
  const { postings, fieldLength, averageFieldLength } = countPostings(documents, fields.length);
  const order = vocabulary
    .map((_, id) => id)
    .filter((id) => postings[id] !== undefined)
    .sort((a, b) => {
      const x = vocabulary[a] as string;
      const y = vocabulary[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  // The postings are most of the file (millions at 10,000 records): written as text directly rather than
  // as millions of small arrays for JSON.stringify to walk.
  const lines: string[] = [];
  for (const id of order) {
    const byField: string[] = [];
    (postings[id] as number[][]).forEach((list, fieldId) => {
      if (list.length === 0) return;
      const gaps: number[] = [];
      const counts: number[] = [];
      // Documents were counted in order, so each gap is positive (the first is from document 0).
      for (let i = 0, previous = 0; i < list.length; i += 2) {
        gaps.push((list[i] as number) - previous);
        counts.push(list[i + 1] as number);
        previous = list[i] as number;
      }
      byField.push(`[${fieldId},[${gaps.join(",")}],[${counts.join(",")}]]`);
    });
    lines.push(`[${JSON.stringify(vocabulary[id])},[${byField.join(",")}]]`);
  }
  const head: Omit<CompactSearchIndex, "postings"> = {
    format: COMPACT_INDEX_FORMAT,
    fields: [...fields],
    ids: [...ids],
    lengths: fieldLength,
    averages: averageFieldLength,
  };
  const json = JSON.stringify(head);
  return `${json.slice(0, -1)},"postings":[${lines.join(",")}]}`;
}
