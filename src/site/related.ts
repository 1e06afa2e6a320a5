/**
 * "Related entries": for each record, the records whose text is most alike by tf-idf cosine (as
 * arxiv-sanity-lite ranks arXiv papers), over title, abstract and 摘要, with CJK as character bigrams.
 *
 * All pairs would be 50 million dot products at 10,000 records. Instead each record looks only through the
 * posting lists (an inverted index) of its own strongest terms, and each posting list keeps only its
 * strongest records (both caps below), so the work is linear in the number of records. The candidates found
 * that way are then scored exactly, and the terms they share are reported. A list of up to EXACT_UP_TO
 * records (most lists) is searched without the caps, so its related entries are the true top by cosine.
 * Terms in a single record (they relate nothing), terms in over half of them (they tell nothing) and
 * function words (`isTopicTerm`: English stopwords, Chinese bigrams holding a grammar character) are dropped.
 *
 * Every "best k of many" is a bounded heap (top-k.ts), and the per-record scratch space is typed arrays
 * reused across records: at 10,000 records, sorting candidate lists and allocating a Map per record cost
 * seconds, most of it in the garbage collector.
 */
import { FRESH, type Scratch } from "./search/scratch.js";
import { TermTable } from "./search/terms.js";
import { PackedWriter, unpackRelated, type PackedRelated } from "./related-packed.js";
import { TopK, pushBounded } from "./top-k.js";

export interface RelatedDocument {
  id: string;
  /** Title, abstract and 摘要, joined. */
  text: string;
}

export interface RelatedEntry {
  id: string;
  /** Cosine similarity, 0..1. */
  score: number;
  /** The shared terms that weigh most in the score, strongest first. */
  sharedTerms: string[];
}

/** Related entries by record id, as a page asks for them (unpacked from the term thread's arrays). */
export type RelatedLookup = Pick<ReadonlyMap<string, RelatedEntry[]>, "get">;

/** How many related entries a page shows. */
export const RELATED_COUNT = 5;
// The caps and the term filter are exported for the reference the tests hold this step to
// (tests/site/helpers/related-reference.ts), which computes with the same parameters the plain way.
/** A record searches through its this-many heaviest terms. */
export const QUERY_TERMS = 24;
/** A term's posting list keeps its this-many heaviest records. */
export const POSTINGS_PER_TERM = 64;
/** Candidates scored exactly per record. */
export const CANDIDATES = 20;
/** Shared terms shown per related entry. */
export const SHARED_TERMS_SHOWN = 4;
/**
 * Lists of at most this many records get their exact related entries: every term searched, every posting
 * kept, every record that shares a term scored. The caps above trade a little of that (on the real list
 * of 56 records they missed 4.4% of the true top 5, in 12 of its 56 lists) for a cost linear in the number
 * of records; below this size the exact answer costs milliseconds. At most 256, so a record's candidates
 * (n - 1) fit the one byte they are counted in.
 */
export const EXACT_UP_TO = 256;

/** How many records a term's posting list keeps in a list of `n` records: all of them up to EXACT_UP_TO. */
export function postingsPerTerm(n: number): number {
  return n <= EXACT_UP_TO ? Math.max(1, n) : POSTINGS_PER_TERM;
}

/**
 * How many of its terms a record searches through, and how many candidates it scores exactly, given the
 * vectors' layout (record d's terms are `start[d]..start[d + 1]`): all of them up to EXACT_UP_TO records.
 */
export function searchCaps(start: ArrayLike<number>): { queryTerms: number; candidates: number } {
  const n = start.length - 1;
  if (n > EXACT_UP_TO) return { queryTerms: QUERY_TERMS, candidates: CANDIDATES };
  let longest = 1;
  for (let d = 0; d < n; d++) longest = Math.max(longest, (start[d + 1] as number) - (start[d] as number));
  return { queryTerms: longest, candidates: Math.max(1, n - 1) };
}

/** A term of Chinese characters only: the CJK bigrams, and what joining them makes. */
export const HAN_ONLY = /^\p{Script=Han}+$/u;

/** At most this many joins on one related entry: each looks through both records' texts. */
const MAX_JOINS = 16;

/**
 * The shared terms as a reader wants them. The terms are character bigrams, so "多模態" is shared as 多模 and
 * 模態 side by side, which reads like two broken words. A shown Chinese term grows by a term that starts with
 * the character it ends with, when the joined term occurs in both records (`inBoth`: the same place, not 多模
 * in one sentence and 模態 in another): 提供, 供反, 反饋 become 提供反饋, and 零樣, 少樣, 樣本 become 零樣本,
 * 少樣本. Then a term inside another shown term goes. Each term keeps the place of the strongest term it
 * holds. Made when the page is made, from the few shown terms: the term thread, on the build's critical
 * path, is not asked for more.
 */
export function joinOverlappingTerms(terms: readonly string[], inBoth: (term: string) => boolean): string[] {
  // Most lists have no two terms that meet end to start: those are returned with nothing made.
  let meet = false;
  for (let i = 0; i < terms.length && !meet; i++) {
    const end = lastCodePoint(terms[i] as string);
    for (let j = 0; j < terms.length && !meet; j++)
      meet = j !== i && (terms[j] as string).codePointAt(0) === end;
  }
  if (!meet) return [...terms];
  // Pushed, not mapped (docs/architecture.md: "Hot code compiled once").
  const shown: { text: string; rank: number; han: boolean }[] = [];
  for (const [rank, text] of terms.entries()) shown.push({ text, rank, han: HAN_ONLY.test(text) });
  let joins = 0;
  for (let grew = true; grew && joins < MAX_JOINS;) {
    grew = false;
    for (const a of shown) {
      if (!a.han) continue;
      const end = lastCodePoint(a.text);
      for (const b of shown) {
        // The cheap test first: this runs for every pair of shown terms on every entry page.
        const first = b.text.codePointAt(0);
        if (a === b || first !== end || !b.han || joins >= MAX_JOINS) continue;
        const term = `${a.text}${b.text.slice((first as number) > 0xffff ? 2 : 1)}`;
        if (shown.some((t) => t.text === term) || !inBoth(term)) continue;
        a.text = term;
        joins++;
        grew = true;
        break;
      }
    }
  }
  // A term inside a longer shown one (樣本 in 零樣本) goes, its place passing to the longer one.
  const kept = shown.filter(
    (t) => !shown.some((o) => o.text.length > t.text.length && o.text.includes(t.text)),
  );
  for (const t of kept) for (const o of shown) if (t.text.includes(o.text)) t.rank = Math.min(t.rank, o.rank);
  return kept.sort((x, y) => x.rank - y.rank).map((t) => t.text);
}

/** The code point that ends `text` (both halves of a surrogate pair), or undefined for "". */
function lastCodePoint(text: string): number | undefined {
  const unit = text.charCodeAt(text.length - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && text.length > 1
    ? text.codePointAt(text.length - 2)
    : text.codePointAt(text.length - 1);
}

/**
 * Short English words that carry no topic, and the pieces of a web address: a 摘要 that links its code
 * (`[GitHub](https://github.com/…)`) gave "https, github, com" as what two unrelated entries shared, and
 * related them by it.
 */
const STOPWORDS = new Set(
  (
    "http https www com org net io html htm pdf abs github arxiv " +
    "a an and are as at be by can for from has have in is it its of on or that the this to was we were " +
    "which with our their these those using use used via into than then also not but more most such only " +
    "new based show shows over under both each other two one all any may how what when where who while " +
    "towards toward through within without across about between among upon"
  ).split(" "),
);

/**
 * Sparse unit vectors in one layout: record d's terms are `terms[start[d]..start[d + 1])`, ids ascending.
 * Each term's posting list, its heaviest records (at most POSTINGS_PER_TERM) in no particular order, is
 * `postingDocs/postingWeights[postingStart[t]..postingStart[t] + postingCount[t])`.
 */
interface Vectors {
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
  postingStart: Int32Array;
  postingCount: Int32Array;
  postingDocs: Int32Array;
  postingWeights: Float64Array;
  vocabulary: readonly string[];
}

/**
 * Chinese characters that are grammar rather than topic (particles, pronouns, conjunctions, measure words),
 * Traditional and Simplified. A bigram holding one ("的視", "們通", "行了", "一直") is mostly the seam between
 * two words, and on a list of dozens of records such bigrams are rare enough to look like shared topics: on
 * the real list they were a fifth of the shared terms shown, and they made an image-restoration survey the
 * closest entry to one on LLM agents. Characters that also begin topic words are left out: 對 (對話, 對齊),
 * 為 (行為), 多 (多模態), 中 (中文), 可 (可解釋).
 */
export const CJK_STOP_CHARACTERS =
  /[的了是在和與及或這那們我其並於也都就而之將被從該各此一還個以等这们与还个将从该并于]/;

/** Whether a term can tell records apart by topic (the others get no weight). */
export function isTopicTerm(term: string): boolean {
  if (STOPWORDS.has(term)) return false;
  // Numbers and single Latin letters say nothing about a topic; a single CJK character ends a run.
  return term.length > 1 && !/^\d+$/.test(term) && !CJK_STOP_CHARACTERS.test(term);
}

/**
 * A set of ids read back in ascending order without sorting: each id sets a bit, and the set bits are read
 * in order, skipping empty stretches of 1,024 ids through a coarser bitmap. Sorting each record's ~370
 * term ids took a tenth of a second at 10,000 records; this takes a fraction of that.
 */
class AscendingIds {
  /** Bit `id % 32` of word `id >> 5`. */
  private readonly words: Int32Array;
  /** Bit `w % 32` of block `w >> 5`: word w has a bit set. */
  private readonly blocks: Int32Array;

  constructor(size: number) {
    this.words = new Int32Array((size >> 5) + 1);
    this.blocks = new Int32Array((size >> 10) + 1);
  }

  add(id: number): void {
    const w = id >> 5;
    this.words[w] = (this.words[w] as number) | (1 << (id & 31));
    this.blocks[w >> 5] = (this.blocks[w >> 5] as number) | (1 << (w & 31));
  }

  /** Writes the ids into `out` in ascending order and empties the set; returns how many there were. */
  drainAscending(out: Int32Array): number {
    const { words, blocks } = this;
    let m = 0;
    for (let b = 0; b < blocks.length; b++) {
      let block = blocks[b] as number;
      if (block === 0) continue;
      blocks[b] = 0;
      while (block !== 0) {
        const lowBlock = block & -block;
        block ^= lowBlock;
        const w = (b << 5) | (31 - Math.clz32(lowBlock));
        let word = words[w] as number;
        words[w] = 0;
        while (word !== 0) {
          const low = word & -word;
          word ^= low;
          out[m++] = (w << 5) | (31 - Math.clz32(low));
        }
      }
    }
    return m;
  }
}

// buildVectors and relatedPackedRuns do their work a record at a time through the functions below, each
// called once per record. V8 optimises a function that runs a long loop while the loop runs (on-stack
// replacement), from what the code has done so far: in one function holding every loop, the first record's
// inner loop was optimised before the code after it had ever run, and each part reached for the first time
// threw the optimised code away, to be optimised again (4 to 9 compilations of the whole function per build,
// on the term thread's cold code). A function called per record is optimised once, knowing all its parts.

/** Counts, in `df`, each kept term of one record once (`seenIn` holds `stamp` for terms already counted). */
function countDocumentFrequencies(
  texts: readonly Int32Array[],
  stamp: number,
  kept: Uint8Array,
  seenIn: Int32Array,
  df: Int32Array,
): void {
  for (const ids of texts)
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i] as number;
      if (seenIn[t] === stamp) continue;
      seenIn[t] = stamp;
      if (kept[t] === 1) df[t] = (df[t] as number) + 1;
    }
}

/** What weighing a record reads and writes (see buildVectors). */
interface Weighing extends Omit<Vectors, "start" | "vocabulary"> {
  seenIn: Int32Array;
  count: Int32Array;
  idf: Float64Array;
  ownBits: AscendingIds;
  own: Int32Array;
  postingsCap: number;
}

/**
 * Record d's unit vector, written at `at` in ascending term order, and offered to its terms' posting lists;
 * returns its number of terms. `stamp` is new for each record.
 */
function weighDocument(
  texts: readonly Int32Array[],
  d: number,
  stamp: number,
  at: number,
  w: Weighing,
): number {
  const { seenIn, count, idf, ownBits, own, terms, weights } = w;
  for (const ids of texts)
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i] as number;
      if (seenIn[t] === stamp) count[t] = (count[t] as number) + 1;
      else if ((idf[t] as number) > 0) {
        seenIn[t] = stamp;
        count[t] = 1;
        ownBits.add(t);
      }
    }
  const m = ownBits.drainAscending(own);
  let squares = 0;
  for (let k = 0; k < m; k++) {
    const t = own[k] as number;
    const weight = (1 + Math.log(count[t] as number)) * (idf[t] as number);
    terms[at + k] = t;
    weights[at + k] = weight;
    squares += weight * weight;
  }
  const norm = Math.sqrt(squares) || 1;
  const { postingStart, postingCount, postingDocs, postingWeights, postingsCap } = w;
  for (let k = at; k < at + m; k++) {
    const weight = (weights[k] as number) / norm;
    weights[k] = weight;
    // Records arrive in order, so the heap's tie-break on the lower id keeps the lower record.
    const t = terms[k] as number;
    postingCount[t] = pushBounded(
      postingWeights,
      postingDocs,
      postingStart[t] as number,
      postingCount[t] as number,
      postingsCap,
      weight,
      d,
    );
  }
  return m;
}

/**
 * The vectors and posting lists, in two passes over the records' terms and with no array per record or per
 * term: the first counts each kept term's records (df), the second weighs each record's terms (now that idf
 * is known) and offers them to their terms' posting lists, each a bounded heap in one shared array.
 */
function buildVectors(
  documents: readonly (readonly Int32Array[])[],
  vocabulary: readonly string[],
  scratch: Pick<Scratch, "take">,
): Vectors {
  const n = documents.length;
  const postingsCap = postingsPerTerm(n);
  const kept = Uint8Array.from(vocabulary, (term) => (isTopicTerm(term) ? 1 : 0));
  const df = new Int32Array(vocabulary.length);
  // The record a term was last seen in, plus one: a record counts each term once, with nothing to reset.
  const seenIn = new Int32Array(vocabulary.length);
  for (let d = 0; d < n; d++)
    countDocumentFrequencies(documents[d] as readonly Int32Array[], d + 1, kept, seenIn, df);
  // Sub-linear tf, smoothed idf: a long 摘要 repeating a word does not drown the title. 0: term dropped.
  const idf = Float64Array.from(df, (f) => (f < 2 || f > n / 2 ? 0 : Math.log(1 + n / f)));
  // Each record holds each of its weighed terms once, so their df add up to the vectors' length.
  let entries = 0;
  for (let t = 0; t < vocabulary.length; t++) if ((idf[t] as number) > 0) entries += df[t] as number;
  const postingStart = new Int32Array(vocabulary.length + 1);
  for (let t = 0; t < vocabulary.length; t++)
    postingStart[t + 1] =
      (postingStart[t] as number) + ((idf[t] as number) > 0 ? Math.min(postingsCap, df[t] as number) : 0);
  const postingCount = new Int32Array(vocabulary.length);
  const postingDocs = new Int32Array(postingStart[vocabulary.length] as number);
  const postingWeights = new Float64Array(postingDocs.length);

  const start = new Int32Array(n + 1);
  // From the scratch memory (every element is written below before it is read), given back once done.
  const weights = new Float64Array(scratch.take(entries * 8), 0, entries);
  const terms = new Int32Array(scratch.take(entries * 4), 0, entries);
  // The current record's weighed terms, and each one's count in it (valid where `seenIn` is the record).
  const own = new Int32Array(vocabulary.length);
  const count = new Int32Array(vocabulary.length);
  const ownBits = new AscendingIds(vocabulary.length);
  const vectors: Vectors = {
    start,
    terms,
    weights,
    postingStart,
    postingCount,
    postingDocs,
    postingWeights,
    vocabulary,
  };
  const weigh: Weighing = { ...vectors, seenIn, count, idf, ownBits, own, postingsCap };
  let at = 0;
  for (let d = 0; d < n; d++) {
    start[d] = at;
    // Stamps past the first pass's (1..n), so no term looks already seen.
    at += weighDocument(documents[d] as readonly Int32Array[], d, n + 1 + d, at, weigh);
  }
  start[n] = at;
  return vectors;
}

/** Related entries for every document, keyed by id; ties break by document order, so output is stable. */
export function computeRelated(
  documents: readonly RelatedDocument[],
  count = RELATED_COUNT,
): Map<string, RelatedEntry[]> {
  const table = new TermTable();
  const terms = documents.map((d) => [table.idsOf(d.text)]);
  return relatedFromTerms(
    documents.map((d) => d.id),
    terms,
    table.terms,
    count,
  );
}

/**
 * The same, from texts already cut into term ids (`vocabulary[id]` is the term), as the site build does:
 * `documents[d]` holds record d's texts (title, abstract, 摘要), each as ids.
 */
export function relatedFromTerms(
  ids: readonly string[],
  documents: readonly (readonly Int32Array[])[],
  vocabulary: readonly string[],
  count = RELATED_COUNT,
  scratch: Pick<Scratch, "take" | "give"> = FRESH,
): Map<string, RelatedEntry[]> {
  const lookup = unpackRelated(ids, [relatedPackedFromTerms(documents, vocabulary, count, scratch)]);
  return new Map(ids.map((id) => [id, lookup.get(id) ?? []]));
}

/**
 * The same, written straight into the typed arrays the term thread sends (related-packed.ts): no list or
 * object per record, which at 10,000 records was 60,000 objects built, then read back to be packed.
 */
export function relatedPackedFromTerms(
  documents: readonly (readonly Int32Array[])[],
  vocabulary: readonly string[],
  count = RELATED_COUNT,
  scratch: Pick<Scratch, "take" | "give"> = FRESH,
): PackedRelated {
  const runs: PackedRelated[] = [];
  relatedPackedRuns(
    documents,
    vocabulary,
    Math.max(1, documents.length),
    (run) => runs.push(run),
    count,
    scratch,
  );
  return runs[0] as PackedRelated;
}

/**
 * The same in runs of `runRecords` records, each given to `emit` as soon as it is computed (the term thread
 * sends each on, and the main thread makes those entry pages while the next run is computed). A record's
 * entries do not change once its run is out. At least one run is emitted, the last ending at the last record.
 */
export function relatedPackedRuns(
  documents: readonly (readonly Int32Array[])[],
  vocabulary: readonly string[],
  runRecords: number,
  emit: (run: PackedRelated) => void,
  count = RELATED_COUNT,
  /** Where the vectors' large arrays come from and go back to (search/scratch.ts). */
  scratch: Pick<Scratch, "take" | "give"> = FRESH,
): void {
  if (!Number.isInteger(runRecords) || runRecords < 1)
    throw new RangeError(
      `relatedPackedRuns: runRecords must be a whole number of at least 1, not ${runRecords}`,
    );
  const n = documents.length;
  const v = buildVectors(documents, vocabulary, scratch);
  const partial = new Float64Array(n);
  const touched = new Int32Array(n);
  // The current record's weights by term id, so a candidate's exact score is one pass over its own terms.
  const dense = new Float64Array(v.vocabulary.length);
  const caps = searchCaps(v.start);
  const queryTerms = new TopK(caps.queryTerms);
  const candidates = new TopK(caps.candidates);
  const best = new TopK(count);
  const shared = new TopK(SHARED_TERMS_SHOWN);
  // Each record's candidates and their exact scores.
  const scoredOther = new Int32Array(n * caps.candidates);
  const scoredValue = new Float64Array(n * caps.candidates);
  const scoredCount = new Uint8Array(n);
  const out = new PackedWriter(Math.min(n, runRecords), count, SHARED_TERMS_SHOWN, vocabulary);
  const search: RecordSearch = {
    v,
    dense,
    partial,
    touched,
    queryTerms,
    candidates,
    best,
    shared,
    scoredOther,
    scoredValue,
    scoredCount,
    perRecord: caps.candidates,
    out,
  };
  for (let doc = 0; doc < n; doc++) {
    relateDocument(doc, search);
    if ((doc + 1) % runRecords === 0 || doc + 1 === n) emit(out.takeRun(doc + 1));
  }
  if (n === 0) emit(out.takeRun(0));
  // The vectors, tens of MB at 10,000 records, are no longer read: the search index may reuse their memory.
  scratch.give(v.weights.buffer as ArrayBuffer);
  scratch.give(v.terms.buffer as ArrayBuffer);
}

/** What finding one record's related entries reads and writes (see relatedPackedRuns). */
interface RecordSearch {
  v: Vectors;
  /** The current record's weights by term id (zero elsewhere, and again once the record is done). */
  dense: Float64Array;
  /** Each record's partial score against the current one (zero again once read), and those touched. */
  partial: Float64Array;
  touched: Int32Array;
  queryTerms: TopK;
  candidates: TopK;
  best: TopK;
  shared: TopK;
  /** Each record's candidates and their exact scores, `perRecord` slots a record. */
  scoredOther: Int32Array;
  scoredValue: Float64Array;
  scoredCount: Uint8Array;
  perRecord: number;
  out: PackedWriter;
}

/** Record doc's related entries, written to `s.out`. */
function relateDocument(doc: number, s: RecordSearch): void {
  const { v, dense, partial, touched, queryTerms, candidates, best, shared, out } = s;
  const { start, terms, weights, postingStart, postingCount, postingDocs, postingWeights } = v;
  const from = start[doc] as number;
  const to = start[doc + 1] as number;
  queryTerms.clear();
  for (let k = from; k < to; k++) {
    queryTerms.push(weights[k] as number, k - from);
    dense[terms[k] as number] = weights[k] as number;
  }
  let touchedCount = 0;
  for (let q = 0; q < queryTerms.length; q++) {
    const offset = queryTerms.idAt(q);
    const term = terms[from + offset] as number;
    const w = weights[from + offset] as number;
    const first = postingStart[term] as number;
    const last = first + (postingCount[term] as number);
    for (let p = first; p < last; p++) {
      const other = postingDocs[p] as number;
      if (other === doc) continue;
      if (partial[other] === 0) touched[touchedCount++] = other;
      partial[other] = (partial[other] as number) + w * (postingWeights[p] as number);
    }
  }
  candidates.clear();
  for (let i = 0; i < touchedCount; i++) {
    const other = touched[i] as number;
    candidates.push(partial[other] as number, other);
    partial[other] = 0;
  }
  best.clear();
  const { scoredOther, scoredValue, scoredCount, perRecord } = s;
  const mine = doc * perRecord;
  for (let c = 0; c < candidates.length; c++) {
    const other = candidates.idAt(c);
    // The cosine is symmetric to the bit (the same products, summed in the same term order), so a pair
    // already scored the other way round is not scored again.
    let score = -1;
    if (other < doc) {
      const theirs = other * perRecord;
      for (let k = theirs; k < theirs + (scoredCount[other] as number); k++)
        if (scoredOther[k] === doc) {
          score = scoredValue[k] as number;
          break;
        }
    }
    if (score === -1) score = exactScore(v, dense, other);
    scoredOther[mine + c] = other;
    scoredValue[mine + c] = score;
    if (score > 0) best.push(score, other);
  }
  scoredCount[doc] = candidates.length;
  best.sortBestFirst();
  out.startRecord(doc);
  for (let b = 0; b < best.length; b++) {
    const other = best.idAt(b);
    out.item(other, best.scoreAt(b));
    sharedTerms(v, dense, other, shared.clear());
    shared.sortBestFirst();
    for (let t = 0; t < shared.length; t++) out.sharedTerm(shared.idAt(t));
  }
  for (let k = from; k < to; k++) dense[terms[k] as number] = 0;
}

/** Cosine of the current record (in `dense`) and record `other`, summed in ascending term order. */
function exactScore(v: Vectors, dense: Float64Array, other: number): number {
  // Locals, so the loop reads no property: the hottest loop of the build (20 candidates × ~300 terms a record).
  const { terms, weights } = v;
  const end = v.start[other + 1] as number;
  let score = 0;
  for (let k = v.start[other] as number; k < end; k++)
    score += (dense[terms[k] as number] as number) * (weights[k] as number);
  return score;
}

/** Offers `heap` the shared terms of the current record and `other`, by what each adds to the score. */
function sharedTerms(v: Vectors, dense: Float64Array, other: number, heap: TopK): void {
  const { terms, weights } = v;
  const end = v.start[other + 1] as number;
  for (let k = v.start[other] as number; k < end; k++) {
    const product = (dense[terms[k] as number] as number) * (weights[k] as number);
    if (product > 0) heap.push(product, terms[k] as number);
  }
}
