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
import { chineseVariants } from "./chinese-forms.js";
import { COMPACT_INDEX_FORMAT, type CompactSearchIndex } from "./compact-index.js";
import { JsonBytes, digitCount } from "./json-bytes.js";
import { FRESH, type Scratch } from "./scratch.js";
import type { SearchDocument } from "./options.js";
import { TermTable } from "./terms.js";

/** A document's text as term ids (see terms.ts), one array per indexed field; undefined for a missing field. */
export type FieldTerms = readonly (Int32Array | undefined)[];

/**
 * Every (term, field) pair's postings, [doc, count] in document order, in one flat array of pairs: pair
 * `term * fieldCount + field` holds postings [start[pair], start[pair + 1]), posting i being
 * `postings[2i]` (the document) and `postings[2i + 1]` (its count). Side by side, a posting written out of
 * order (as they all are: the texts come record by record) misses the cache once, not twice. Two passes over the
 * documents (count, then fill) rather than a growing array per pair: at 10,000 records that was 3.5
 * million pushes into 45,000 arrays, and their growth was most of the memory the build used. Each pass
 * finds a text's distinct terms by stamping each term with the last text it was seen in (no counts to
 * reset, no list of the terms touched): a second faster than counting every text twice.
 */
function countPostings(
  documents: readonly FieldTerms[],
  fieldCount: number,
  vocabularySize: number,
  scratch: Pick<Scratch, "take" | "give">,
) {
  const start = new Int32Array(vocabularySize * fieldCount + 1);
  // The number of the text a term was last seen in; texts are numbered from 1 on, across both passes.
  const seenIn = new Int32Array(vocabularySize);
  const { fieldLength, averageFieldLength, texts } = countPairs(documents, fieldCount, start, seenIn);
  for (let pair = 1; pair < start.length; pair++)
    start[pair] = (start[pair] as number) + (start[pair - 1] as number);
  // Every posting is written below before it is read, so a scratch buffer's old contents do not matter.
  const length = 2 * (start[start.length - 1] as number);
  const postings = new Int32Array(scratch.take(length * 4), 0, length);
  fillPostings(documents, fieldCount, start, seenIn, texts, postings);
  return { start, postings, fieldLength, averageFieldLength, postingBytes: postingBytes(start, postings) };
}

// The passes of countPostings, each a function of its own: V8 optimises a long loop while it runs (on-stack
// replacement), and in one function holding them all, each next loop, never run before, threw the optimised
// code away and was optimised anew (9 compilations of the whole function per build, on a new thread's cold
// code, where one per pass is needed).

/** Pass 1: each (term, field) pair's number of postings, at `start[pair + 1]`; the fields' lengths. */
function countPairs(
  documents: readonly FieldTerms[],
  fieldCount: number,
  start: Int32Array,
  seenIn: Int32Array,
) {
  const fieldLength: number[][] = [];
  const averageFieldLength = Array.from({ length: fieldCount }, () => 0);
  let text = 0;
  for (let doc = 0; doc < documents.length; doc++) {
    const fieldTerms = documents[doc] as FieldTerms;
    // A missing field leaves a hole, which JSON writes as null, as MiniSearch's own arrays do.
    const lengths: number[] = [];
    for (let fieldId = 0; fieldId < fieldTerms.length; fieldId++) {
      const ids = fieldTerms[fieldId];
      // MiniSearch skips a missing field: no length, no terms, and the average is left as it was.
      if (ids === undefined) continue;
      text++;
      let distinct = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        if (seenIn[id] === text) continue;
        seenIn[id] = text;
        distinct++;
        const pair = id * fieldCount + fieldId + 1;
        start[pair] = (start[pair] as number) + 1;
      }
      // The field's length is its number of distinct terms, and the average is MiniSearch's running mean.
      lengths[fieldId] = distinct;
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] as number) * doc + distinct) / (doc + 1);
    }
    fieldLength.push(lengths);
  }
  return { fieldLength, averageFieldLength, texts: text };
}

/** Pass 2: the postings, [doc, count] in document order (texts numbered on from pass 1's `texts`). */
function fillPostings(
  documents: readonly FieldTerms[],
  fieldCount: number,
  start: Int32Array,
  seenIn: Int32Array,
  texts: number,
  postings: Int32Array,
): void {
  const fill = start.slice(0, -1);
  // Where the current text's posting of a term is, to count the term's later occurrences in it.
  const postingOf = new Int32Array(seenIn.length);
  let text = texts;
  for (let doc = 0; doc < documents.length; doc++) {
    const fieldTerms = documents[doc] as FieldTerms;
    for (let fieldId = 0; fieldId < fieldTerms.length; fieldId++) {
      const ids = fieldTerms[fieldId];
      if (ids === undefined) continue;
      text++;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        if (seenIn[id] === text) {
          const at = postingOf[id] as number;
          postings[2 * at + 1] = (postings[2 * at + 1] as number) + 1;
          continue;
        }
        seenIn[id] = text;
        const pair = id * fieldCount + fieldId;
        const at = fill[pair] as number;
        fill[pair] = at + 1;
        postings[2 * at] = doc;
        postings[2 * at + 1] = 1;
        postingOf[id] = at;
      }
    }
  }
}

/** The postings' bytes as the index writes them: each gap and count, and a comma or bracket after each. */
function postingBytes(start: Int32Array, postings: Int32Array): number {
  let bytes = 0;
  for (let pair = 0; pair + 1 < start.length; pair++) {
    let previous = 0;
    for (let at = start[pair] as number; at < (start[pair + 1] as number); at++) {
      const doc = postings[2 * at] as number;
      bytes += digitCount(doc - previous) + digitCount(postings[2 * at + 1] as number) + 2;
      previous = doc;
    }
  }
  return bytes;
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
  // The text is JSON.stringify's output (well-formed: a lone surrogate is escaped), so it decodes exactly.
  return new TextDecoder().decode(
    writeSearchIndexBytes(
      documents.map((d) => d.id),
      terms,
      table.terms,
      fields,
    ),
  );
}

/**
 * The same text as UTF-8, as the site build writes it: at 10,000 records the index is about 15 MB, nearly
 * all of it the postings' small numbers, written here as ASCII digits straight into one buffer (no string
 * per number, no joining, no second pass to encode: see json-bytes.ts).
 */
export function writeSearchIndexBytes(
  ids: readonly string[],
  documents: readonly FieldTerms[],
  vocabulary: readonly string[],
  fields: readonly string[],
  /** Where the large arrays come from (search/scratch.ts); the bytes returned are the caller's. */
  scratch: Pick<Scratch, "take" | "give"> = FRESH,
): Uint8Array {
  const fieldCount = fields.length;
  const { start, postings, fieldLength, averageFieldLength, postingBytes } = countPostings(
    documents,
    fieldCount,
    vocabulary.length,
    scratch,
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
  const variants = chineseVariants(order.map((id) => vocabulary[id] as string));
  const head: Omit<CompactSearchIndex, "postings"> = {
    format: COMPACT_INDEX_FORMAT,
    fields: [...fields],
    ids: [...ids],
    lengths: fieldLength,
    averages: averageFieldLength,
    ...(Object.keys(variants).length > 0 ? { variants } : {}),
  };
  const json = JSON.stringify(head);
  // Sized for what is known: the postings exactly, the terms and brackets roughly (it grows if need be).
  let termUnits = 0;
  for (const id of order) termUnits += (vocabulary[id] as string).length;
  const out = new JsonBytes(
    scratch,
    json.length * 3 + postingBytes + termUnits * 3 + order.length * (8 + 12 * fieldCount),
  );
  out.text(`${json.slice(0, -1)},"postings":[`);
  let firstTerm = true;
  for (const id of order) {
    // [term,[[field,[gaps],[counts]],...]]
    if (!firstTerm) out.char(COMMA);
    firstTerm = false;
    out.char(OPEN);
    out.string(vocabulary[id] as string);
    out.char(COMMA);
    out.char(OPEN);
    let firstField = true;
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
      const from = start[id * fieldCount + fieldId] as number;
      const to = start[id * fieldCount + fieldId + 1] as number;
      if (from === to) continue;
      if (!firstField) out.char(COMMA);
      firstField = false;
      out.char(OPEN);
      out.integer(fieldId);
      out.char(COMMA);
      out.char(OPEN);
      // Documents were counted in order, so each gap is positive (the first is from document 0).
      for (let at = from, previous = 0; at < to; at++) {
        if (at > from) out.char(COMMA);
        out.integer((postings[2 * at] as number) - previous);
        previous = postings[2 * at] as number;
      }
      out.char(CLOSE);
      out.char(COMMA);
      out.char(OPEN);
      for (let at = from; at < to; at++) {
        if (at > from) out.char(COMMA);
        out.integer(postings[2 * at + 1] as number);
      }
      out.char(CLOSE);
      out.char(CLOSE);
    }
    out.char(CLOSE);
    out.char(CLOSE);
  }
  out.char(CLOSE);
  out.char(BRACE_CLOSE);
  scratch.give(postings.buffer as ArrayBuffer);
  return out.result();
}

const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const BRACE_CLOSE = 0x7d;
