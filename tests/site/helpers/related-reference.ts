/**
 * The related-entries step as it was before it wrote the term thread's arrays directly (kept as written
 * then, with a Map and objects per record and a sorting TopK): the reference that the faster code must
 * match exactly, scores to the last bit and shared terms in order (tests/site/related-same.test.ts). Its
 * parameters (the caps, which terms count) and the bounded heap are the build's own, imported: this holds
 * the faster algorithm to the plain one, whatever the parameters are tuned to.
 */
import {
  SHARED_TERMS_SHOWN,
  isTopicTerm,
  postingsPerTerm,
  searchCaps,
  type RelatedEntry,
} from "../../../src/site/related.js";
import { pushBounded } from "../../../src/site/top-k.js";

/** The old step's counter (no longer used by src/): counts per id, and the ids touched since the last reset. */
class TermCounter {
  private counts = new Int32Array(1024);
  readonly touched: number[] = [];

  add(ids: Int32Array): void {
    for (const id of ids) {
      if (id >= this.counts.length) {
        const grown = new Int32Array(Math.max(this.counts.length * 2, id + 1));
        grown.set(this.counts);
        this.counts = grown;
      }
      if (this.counts[id] === 0) this.touched.push(id);
      this.counts[id] = (this.counts[id] as number) + 1;
    }
  }

  count(id: number): number {
    return this.counts[id] ?? 0;
  }

  /** Zeroes what was counted (only the touched ids, so a reset costs what the counting did). */
  reset(): void {
    for (const id of this.touched) this.counts[id] = 0;
    this.touched.length = 0;
  }
}

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

/** Counts record d's terms into `counter` (its texts together). */
function countInto(counter: TermCounter, parts: readonly Int32Array[]): void {
  for (const ids of parts) counter.add(ids);
}

/**
 * The vectors and posting lists, in two passes over the records' terms and with no array per record or per
 * term: the first counts each kept term's records (df), the second weighs each record's terms (now that idf
 * is known) and offers them to their terms' posting lists, each a bounded heap in one shared array.
 */
function buildVectors(documents: readonly (readonly Int32Array[])[], vocabulary: readonly string[]): Vectors {
  const n = documents.length;
  const postingsCap = postingsPerTerm(n);
  const kept = Uint8Array.from(vocabulary, (term) => (isTopicTerm(term) ? 1 : 0));
  const df = new Int32Array(vocabulary.length);
  const counter = new TermCounter();
  let distinct = 0;
  for (const parts of documents) {
    countInto(counter, parts);
    for (const t of counter.touched)
      if (kept[t] === 1) {
        df[t] = (df[t] as number) + 1;
        distinct++;
      }
    counter.reset();
  }
  // Sub-linear tf, smoothed idf: a long 摘要 repeating a word does not drown the title. 0: term dropped.
  const idf = Float64Array.from(df, (f) => (f < 2 || f > n / 2 ? 0 : Math.log(1 + n / f)));
  const postingStart = new Int32Array(vocabulary.length + 1);
  for (let t = 0; t < vocabulary.length; t++)
    postingStart[t + 1] =
      (postingStart[t] as number) + ((idf[t] as number) > 0 ? Math.min(postingsCap, df[t] as number) : 0);
  const postingCount = new Int32Array(vocabulary.length);
  const postingDocs = new Int32Array(postingStart[vocabulary.length] as number);
  const postingWeights = new Float64Array(postingDocs.length);

  const start = new Int32Array(n + 1);
  // Upper bounds (every kept term, before the idf drops some); the used part is `start[n]` long.
  const terms = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  const own = new Int32Array(vocabulary.length);
  let at = 0;
  for (let d = 0; d < n; d++) {
    start[d] = at;
    countInto(counter, documents[d] as readonly Int32Array[]);
    let m = 0;
    for (const t of counter.touched) if ((idf[t] as number) > 0) own[m++] = t;
    own.subarray(0, m).sort();
    let squares = 0;
    for (let k = 0; k < m; k++) {
      const t = own[k] as number;
      const weight = (1 + Math.log(counter.count(t))) * (idf[t] as number);
      terms[at + k] = t;
      weights[at + k] = weight;
      squares += weight * weight;
    }
    counter.reset();
    const norm = Math.sqrt(squares) || 1;
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
    at += m;
  }
  start[n] = at;
  return { start, terms, weights, postingStart, postingCount, postingDocs, postingWeights, vocabulary };
}

/**
 * The same, from texts already cut into term ids (`vocabulary[id]` is the term), as the site build does:
 * `documents[d]` holds record d's texts (title, abstract, 摘要), each as ids.
 */
export function referenceRelatedFromTerms(
  ids: readonly string[],
  documents: readonly (readonly Int32Array[])[],
  vocabulary: readonly string[],
  count = 5,
): Map<string, RelatedEntry[]> {
  const n = ids.length;
  const v = buildVectors(documents, vocabulary);
  const partial = new Float64Array(n);
  const touched = new Int32Array(n);
  // The current record's weights by term id, so a candidate's exact score is one pass over its own terms.
  const dense = new Float64Array(v.vocabulary.length);
  const caps = searchCaps(v.start);
  const queryTerms = new TopK(caps.queryTerms);
  const candidates = new TopK(caps.candidates);
  const best = new TopK(count);
  const shared = new TopK(SHARED_TERMS_SHOWN);
  const result = new Map<string, RelatedEntry[]>();
  const { start, terms, weights, postingStart, postingCount, postingDocs, postingWeights } = v;
  for (let doc = 0; doc < n; doc++) {
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
    for (let c = 0; c < candidates.length; c++) {
      const other = candidates.idAt(c);
      const score = exactScore(v, dense, other);
      if (score > 0) best.push(score, other);
    }
    result.set(
      ids[doc] as string,
      best.sorted().map(({ id: other, score }) => ({
        id: ids[other] as string,
        score,
        sharedTerms: sharedTerms(v, dense, other, shared.clear()),
      })),
    );
    for (let k = from; k < to; k++) dense[terms[k] as number] = 0;
  }
  return result;
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

/** The shared terms that add most to the score, strongest first. */
function sharedTerms(v: Vectors, dense: Float64Array, other: number, heap: TopK): string[] {
  for (let k = v.start[other] as number; k < (v.start[other + 1] as number); k++) {
    const product = (dense[v.terms[k] as number] as number) * (v.weights[k] as number);
    if (product > 0) heap.push(product, v.terms[k] as number);
  }
  return heap.sortedIds().map((t) => v.vocabulary[t] as string);
}
class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(Math.max(1, capacity));
    this.ids = new Int32Array(Math.max(1, capacity));
  }

  /** Empties the heap so one instance serves a loop without allocating. */
  clear(): this {
    this.size = 0;
    return this;
  }

  push(score: number, id: number): void {
    this.size = pushBounded(this.scores, this.ids, 0, this.size, this.capacity, score, id);
  }

  /** How many pairs are kept. */
  get length(): number {
    return this.size;
  }

  /** The i-th kept id in heap order (any order; cheaper than sorting when order does not matter). */
  idAt(i: number): number {
    return this.ids[i] as number;
  }

  /** The i-th kept score in heap order. */
  scoreAt(i: number): number {
    return this.scores[i] as number;
  }

  /** The kept pairs, best first. */
  sorted(): { id: number; score: number }[] {
    return Array.from({ length: this.size }, (_, i) => ({
      id: this.ids[i] as number,
      score: this.scores[i] as number,
    })).sort((a, b) => (worse(a.score, a.id, b.score, b.id) ? 1 : -1));
  }

  /** The kept ids, best first. */
  sortedIds(): number[] {
    return this.sorted().map((pair) => pair.id);
  }
}

/** True when (sa, ia) ranks below (sb, ib). */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}
