/**
 * The build's wiring of the term numbering (term-ids.ts) to its two readers: the search index and the
 * related entries, from one pass over every record's searched text. It reads plain texts (`TermInput`), not
 * entry views, so the term thread (terms-worker.ts) can run it on a copy of them while the pages are made.
 */
import { relatedFromTerms, relatedPackedRuns } from "./related.js";
import type { PackedRelated } from "./related-packed.js";
import { writeSearchIndexBytes, type FieldTerms } from "./search/build-index.js";
import { Scratch } from "./search/scratch.js";
import { TermIds } from "./term-ids.js";

/** A code unit above 0xFF: the text needs two bytes a character. */
const WIDE = /[\u0100-\uffff]/;

/** The fields related entries compare, as arxiv-sanity-lite does: title, abstract and 摘要. */
export const RELATED_FIELDS = ["title", "abstract", "summary"] as const;

/**
 * What the term numbering reads of the records: plain data, posted to the term thread. The texts travel in
 * one buffer, which moves to the thread without a copy: posted as 80,000 strings at 10,000 records (or
 * joined into one), copying them cost the main thread a third of a second. A text of characters up to
 * U+00FF (an English abstract, a title, names) takes a byte a character, the others two (UTF-16): as UTF-16
 * throughout, the buffer was 27 MB at 10,000 records, and each fresh megabyte costs the main thread ~5 ms.
 */
export interface TermInput {
  ids: string[];
  /** The searched fields, in the search index's order. */
  fields: string[];
  /**
   * Every text, one after another: as Latin-1 bytes when `oneByte` says so, else as UTF-16 code units
   * (exactly: lone surrogates stay as they are).
   */
  units: ArrayBuffer;
  /**
   * Record d's text of searched field f is bytes [bounds[2k], bounds[2k + 1]) of `units` with
   * k = d * fields.length + f; a start of -1 means the field is not in the record's search text.
   */
  bounds: Int32Array;
  /** 1 where text k is Latin-1 (one byte a character), 0 where it is UTF-16. */
  oneByte: Uint8Array;
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
  const bounds = new Int32Array(texts.length * fields.length * 2);
  const oneByte = new Uint8Array(texts.length * fields.length);
  let bytes = 0;
  let k = 0;
  for (const own of texts)
    for (let f = 0; f < fields.length; f++, k++) {
      const text = own[f];
      bounds[2 * k] = text === undefined ? -1 : bytes;
      if (text !== undefined) {
        const narrow = !WIDE.test(text);
        oneByte[k] = narrow ? 1 : 0;
        bytes += narrow ? text.length : text.length * 2;
      }
      bounds[2 * k + 1] = bytes;
    }
  // "utf16le" writes and reads code units as they are, where TextEncoder/TextDecoder would replace a lone
  // surrogate (which a record may hold) with U+FFFD; "latin1" is exact for a text without a unit above 0xFF.
  const buffer = new ArrayBuffer(bytes);
  const view = Buffer.from(buffer);
  k = 0;
  for (const own of texts)
    for (let f = 0; f < fields.length; f++, k++) {
      const text = own[f];
      if (text !== undefined && text !== "")
        view.write(text, bounds[2 * k] as number, oneByte[k] === 1 ? "latin1" : "utf16le");
    }
  return { ids, fields, units: buffer, bounds, oneByte, unsearchedRelated };
}

/**
 * The text buffers that `termsOfEntries` has taken: it reuses each as scratch memory once the texts are cut,
 * so a second call with the same TermInput would read the search index's or the vectors' bytes as text.
 */
const consumed = new WeakSet<ArrayBuffer>();

/**
 * Every entry's searched text cut into term ids once, for both the search index and the related entries
 * (tokenizing and looking up 5 million terms twice cost a second at 10,000 records). It takes `input` over:
 * its text buffer becomes scratch memory, so an input serves one call (pack another with `termInput`).
 */
export function termsOfEntries(input: TermInput) {
  if (consumed.has(input.units))
    throw new Error("termsOfEntries: this TermInput was used already (its texts are gone); pack a new one");
  consumed.add(input.units);
  const { ids, fields, bounds, oneByte } = input;
  // Each text is decoded on its own, as it is cut: decoded at once, the texts made one string as large as
  // the buffer (tens of MB of fresh memory at 10,000 records) that outlived its use. "utf16le" reads the
  // code units as they are, lone surrogates included.
  const units = Buffer.from(input.units);
  let characters = input.unsearchedRelated.reduce((n, texts) => n + texts.join("").length, 0);
  for (let k = 0; k < oneByte.length; k++)
    if ((bounds[2 * k] as number) !== -1)
      characters += ((bounds[2 * k + 1] as number) - (bounds[2 * k] as number)) / (oneByte[k] === 1 ? 1 : 2);
  const table = new TermIds(characters);
  const texts = ids.map((_, d) =>
    fields.map((_, f) => {
      const k = d * fields.length + f;
      const start = bounds[2 * k] as number;
      return start === -1
        ? -1
        : oneByte[k] === 1
          ? table.addLatin1(units, start, bounds[2 * k + 1] as number)
          : table.add(units.toString("utf16le", start, bounds[2 * k + 1] as number));
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
  // Every text is cut: the texts' buffer is free for the steps below, then each one's spent arrays.
  const scratch = new Scratch();
  scratch.give(input.units);
  const relatedTerms = () => relatedTexts.map((own) => own.map((t) => table.of(t)));
  const searchIndexBytes = () => {
    const terms: FieldTerms[] = texts.map((own) => own.map((t) => (t === -1 ? undefined : table.of(t))));
    return writeSearchIndexBytes(ids, terms, table.terms, fields, scratch);
  };
  return {
    /** search-index.json as UTF-8, as the term thread sends it. */
    searchIndexBytes,
    /** The same as text (the site built in memory; the JSON is well-formed, so it decodes exactly). */
    searchIndex: () => new TextDecoder().decode(searchIndexBytes()),
    related: () => relatedFromTerms(ids, relatedTerms(), table.terms, undefined, scratch),
    /**
     * The related entries in the arrays the term thread sends (related-packed.ts), in runs of `runRecords`
     * records, each given to `emit` as soon as it is computed.
     */
    relatedRuns: (runRecords: number, emit: (run: PackedRelated) => void) =>
      relatedPackedRuns(relatedTerms(), table.terms, runRecords, emit, undefined, scratch),
  };
}
