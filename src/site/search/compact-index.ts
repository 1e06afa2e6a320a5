/**
 * The search index as the site serves it, and its expansion into MiniSearch's own serialisation (what
 * `MiniSearch.loadJS` reads). MiniSearch writes every posting as `"<document number>": count` with the
 * number in full, so its bytes per posting grow with the number of records (640 B a record gzipped at
 * 1,000 records, 818 at 10,000: the same 325 postings a record, each with a longer number); here each term's
 * documents are gaps from the previous one, small numbers whatever the size of the list, which gzip keeps
 * linear (about 360 B a record at 1,000 and 335 at 10,000 on the bench's synthetic records).
 * This module is pure and imports only types: it is bundled into the browser script.
 */
import type { AsPlainObject } from "minisearch";

/** Names the format, so a page never reads an index written for another (a stale cached file). */
export const COMPACT_INDEX_FORMAT = "papershelf-search-index/1";

/** One field's postings of a term: the field's number, the documents as gaps, each one's term count. */
export type FieldPostings = [fieldId: number, gaps: number[], counts: number[]];

export interface CompactSearchIndex {
  format: typeof COMPACT_INDEX_FORMAT;
  /** The indexed fields, in MiniSearch's field-number order. */
  fields: string[];
  /** Document number → the record's id. */
  ids: string[];
  /** Document number → distinct terms per field (null or absent for a field the record lacks). */
  lengths: (number | null)[][];
  /** Per field, MiniSearch's running mean of `lengths`. */
  averages: number[];
  /** Every term, in code-unit order, with its postings per field. */
  postings: [term: string, byField: FieldPostings[]][];
  /**
   * A Chinese character as a reader may type it → the characters of the index it stands for in the other
   * script (chinese-forms.ts: {"调": "調"}); absent for a list without Chinese. The page folds a query
   * term the index lacks with it (variants.ts).
   */
  variants?: Record<string, string>;
}

export function isCompactSearchIndex(value: unknown): value is CompactSearchIndex {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { format?: unknown }).format === COMPACT_INDEX_FORMAT
  );
}

/** MiniSearch's serialised index (format version 2) from the compact one: what `MiniSearch.loadJS` reads. */
export function expandSearchIndex(compact: CompactSearchIndex): AsPlainObject {
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  compact.ids.forEach((id, doc) => {
    documentIds[doc] = id;
    // MiniSearch reads a missing field's length as it reads its own JSON: null in the array.
    fieldLength[doc] = compact.lengths[doc] as number[];
  });
  const index: AsPlainObject["index"] = compact.postings.map(([term, byField]) => {
    const data: Record<string, Record<string, number>> = {};
    for (const [fieldId, gaps, counts] of byField) {
      const docs: Record<string, number> = {};
      let doc = 0;
      for (let i = 0; i < gaps.length; i++) {
        doc += gaps[i] as number;
        docs[doc] = counts[i] as number;
      }
      data[fieldId] = docs;
    }
    return [term, data];
  });
  return {
    documentCount: compact.ids.length,
    nextId: compact.ids.length,
    documentIds,
    fieldIds: Object.fromEntries(compact.fields.map((field, fieldId) => [field, fieldId])),
    fieldLength,
    averageFieldLength: compact.averages,
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}
