/**
 * The build's wiring of the term numbering (term-ids.ts) to its two readers: the search index and the
 * related entries, from one pass over every record's searched text. It reads plain texts (`TermInput`), not
 * entry views, so the term thread (terms-worker.ts) can run it on a copy of them while the pages are made.
 */
import { relatedFromTerms } from "./related.js";
import { writeSearchIndexPieces, type FieldTerms } from "./search/build-index.js";
import { TermIds } from "./term-ids.js";

/** The fields related entries compare, as arxiv-sanity-lite does: title, abstract and 摘要. */
export const RELATED_FIELDS = ["title", "abstract", "summary"] as const;

/**
 * What the term numbering reads of the records: plain data, posted to the term thread. The texts travel as
 * one string and their bounds rather than as 80,000 strings at 10,000 records (copying those to the thread
 * cost the main thread a tenth of a second, and the thread's young generation as much again).
 */
export interface TermInput {
  ids: string[];
  /** The searched fields, in the search index's order. */
  fields: string[];
  /** Every text, one after another. */
  packed: string;
  /**
   * Record d's text of searched field f is `packed.slice(bounds[2k], bounds[2k + 1])` with
   * k = d * fields.length + f; a start of -1 means the field is not in the record's search text.
   */
  bounds: Int32Array;
  /**
   * Record d's entry-view text of each RELATED_FIELDS field that is not searched, in that order (empty when
   * all three are searched, as they are in the record anatomy today).
   */
  unsearchedRelated: string[][];
}

/** Packs the records' searched texts (`texts[d][f]`, undefined: not searched) into a TermInput. */
export function packTermInput(
  ids: string[],
  fields: string[],
  texts: readonly (readonly (string | undefined)[])[],
  unsearchedRelated: string[][],
): TermInput {
  const parts: string[] = [];
  const bounds = new Int32Array(texts.length * fields.length * 2);
  let at = 0;
  let k = 0;
  for (const own of texts)
    for (let f = 0; f < fields.length; f++, k += 2) {
      const text = own[f];
      if (text === undefined) {
        bounds[k] = -1;
        continue;
      }
      parts.push(text);
      bounds[k] = at;
      at += text.length;
      bounds[k + 1] = at;
    }
  return { ids, fields, packed: parts.join(""), bounds, unsearchedRelated };
}

/**
 * Every entry's searched text cut into term ids once, for both the search index and the related entries
 * (tokenizing and looking up 5 million terms twice cost a second at 10,000 records).
 */
export function termsOfEntries(input: TermInput) {
  const { ids, fields, packed, bounds } = input;
  const table = new TermIds();
  const texts = ids.map((_, d) =>
    fields.map((_, f) => {
      const k = (d * fields.length + f) * 2;
      const start = bounds[k] as number;
      return start === -1 ? -1 : table.add(packed.slice(start, bounds[k + 1]));
    }),
  );
  const relatedAt = RELATED_FIELDS.map((field) => fields.indexOf(field));
  const relatedTexts = texts.map((own, i) => {
    let unsearched = 0;
    return relatedAt.map((at) => {
      const searched = at === -1 ? -1 : (own[at] ?? -1);
      return searched === -1 ? table.add(input.unsearchedRelated[i]?.[unsearched++] ?? "") : searched;
    });
  });
  return {
    searchIndex: () => {
      const terms: FieldTerms[] = texts.map((own) => own.map((t) => (t === -1 ? undefined : table.of(t))));
      return writeSearchIndexPieces(ids, terms, table.terms, fields);
    },
    related: () =>
      relatedFromTerms(
        ids,
        relatedTexts.map((own) => own.map((t) => table.of(t))),
        table.terms,
      ),
  };
}
