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
import { TermCounter, TermTable } from "./terms.js";

/** MiniSearch's `serializationVersion` this writer follows. */
const SERIALIZATION_VERSION = 2;

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

/** JSON text of the MiniSearch index over `documents` (deterministic: same documents, same bytes). */
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
    index.push(`[${JSON.stringify(vocabulary[id])},{${byField.join(",")}}]`);
  }
  const head: Omit<AsPlainObject, "index" | "serializationVersion"> = {
    documentCount: ids.length,
    nextId: ids.length,
    documentIds: Object.fromEntries(ids.map((id, doc) => [doc, id])),
    fieldIds: Object.fromEntries(fields.map((field, fieldId) => [field, fieldId])),
    fieldLength: Object.fromEntries(fieldLength.map((lengths, doc) => [doc, lengths])),
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
  };
  const json = JSON.stringify(head);
  return `${json.slice(0, -1)},"index":[${index.join(",")}],"serializationVersion":${SERIALIZATION_VERSION}}`;
}
