/**
 * The serialised search index, built once at site build time and fetched by the page when search is used.
 *
 * It is MiniSearch's own serialisation format (what `JSON.stringify(miniSearch)` writes and
 * `MiniSearch.loadJSON` reads, format version 2), written here from plain term counts rather than through
 * `MiniSearch#addAll`: MiniSearch inserts every token occurrence into its radix tree, scanning a node's
 * children one by one, and Chinese bigrams give nodes hundreds of children, so at 10,000 records `addAll`
 * took about 17 s. Counting the same tokens in a Map takes a fraction of a second. The result is the same
 * object MiniSearch builds (tests/site/search.test.ts compares the two on the real list and on generated
 * records), with terms in code-unit order.
 */
import type { AsPlainObject } from "minisearch";
import type { SearchDocument } from "./options.js";
import { tokenize } from "./tokenize.js";

/** MiniSearch's `serializationVersion` this writer follows. */
const SERIALIZATION_VERSION = 2;

/** Term counts of every document, per field: `postings[term][field]` is [doc, count, doc, count, …]. */
function countPostings(documents: readonly SearchDocument[], fields: readonly string[]) {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const postings: number[][][] = [];
  const fieldLength: number[][] = [];
  const averageFieldLength = fields.map(() => 0);
  let counts = new Int32Array(1024);
  const touched: number[] = [];
  documents.forEach((document, doc) => {
    // A missing field leaves a hole, which JSON writes as null, as MiniSearch's own arrays do.
    const lengths: number[] = [];
    fields.forEach((field, fieldId) => {
      const value = document[field];
      // MiniSearch skips a missing field: no length, no terms, and the average is left as it was.
      if (value === undefined || value === null) return;
      touched.length = 0;
      for (const term of tokenize(String(value))) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.push(term) - 1;
          termIds.set(term, id);
          postings.push(fields.map(() => []));
          if (id >= counts.length) {
            const grown = new Int32Array(counts.length * 2);
            grown.set(counts);
            counts = grown;
          }
        }
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] as number) + 1;
      }
      // The field's length is its number of distinct terms, and the average is MiniSearch's running mean.
      lengths[fieldId] = touched.length;
      averageFieldLength[fieldId] =
        ((averageFieldLength[fieldId] as number) * doc + touched.length) / (doc + 1);
      for (const id of touched) {
        (postings[id]?.[fieldId] as number[]).push(doc, counts[id] as number);
        counts[id] = 0;
      }
    });
    fieldLength.push(lengths);
  });
  return { terms, postings, fieldLength, averageFieldLength };
}

/** JSON text of the MiniSearch index over `documents` (deterministic: same documents, same bytes). */
export function buildSearchIndex(documents: readonly SearchDocument[], fields: readonly string[]): string {
  const { terms, postings, fieldLength, averageFieldLength } = countPostings(documents, fields);
  const order = terms
    .map((_, id) => id)
    .sort((a, b) => {
      const x = terms[a] as string;
      const y = terms[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  // The index is most of the file (tens of MB at 10,000 records): written as text directly rather than
  // as millions of small objects for JSON.stringify to walk.
  const index: string[] = [];
  for (const id of order) {
    const byField: string[] = [];
    (postings[id] as number[][]).forEach((list, fieldId) => {
      if (list.length === 0) return;
      const pairs: string[] = [];
      for (let i = 0; i < list.length; i += 2) pairs.push(`"${list[i]}":${list[i + 1]}`);
      byField.push(`"${fieldId}":{${pairs.join(",")}}`);
    });
    index.push(`[${JSON.stringify(terms[id])},{${byField.join(",")}}]`);
  }
  const head: Omit<AsPlainObject, "index" | "serializationVersion"> = {
    documentCount: documents.length,
    nextId: documents.length,
    documentIds: Object.fromEntries(documents.map((d, doc) => [doc, d.id])),
    fieldIds: Object.fromEntries(fields.map((field, fieldId) => [field, fieldId])),
    fieldLength: Object.fromEntries(fieldLength.map((lengths, doc) => [doc, lengths])),
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
  };
  const json = JSON.stringify(head);
  return `${json.slice(0, -1)},"index":[${index.join(",")}],"serializationVersion":${SERIALIZATION_VERSION}}`;
}
