/**
 * "Related entries": for each record, the records whose text is most alike by tf-idf cosine (as
 * arxiv-sanity-lite ranks arXiv papers), over title, abstract and 摘要, with CJK as character bigrams.
 *
 * All pairs would be 50 million dot products at 10,000 records. Instead each record looks only through the
 * posting lists (an inverted index) of its own strongest terms, and each posting list keeps only its
 * strongest records (both caps below), so the work is linear in the number of records. The candidates found
 * that way are then scored exactly, and the terms they share are reported. Terms in a single record (they
 * relate nothing) and terms in over half of them (they tell nothing) are dropped.
 *
 * Every "best k of many" is a bounded heap (top-k.ts), and the per-record scratch space is typed arrays
 * reused across records: at 10,000 records, sorting candidate lists and allocating a Map per record cost
 * seconds, most of it in the garbage collector.
 */
import { TermCounter, TermTable } from "./search/terms.js";
import { TopK } from "./top-k.js";

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

/** How many related entries a page shows. */
export const RELATED_COUNT = 5;
/** A record searches through its this-many heaviest terms. */
const QUERY_TERMS = 24;
/** A term's posting list keeps its this-many heaviest records. */
const POSTINGS_PER_TERM = 64;
/** Candidates scored exactly per record. */
const CANDIDATES = 20;
const SHARED_TERMS_SHOWN = 4;

/** Short English words that carry no topic. */
const STOPWORDS = new Set(
  (
    "a an and are as at be by can for from has have in is it its of on or that the this to was we were " +
    "which with our their these those using use used via into than then also not but more most such only " +
    "new based show shows over under both each other two one all any may how what when where who while"
  ).split(" "),
);

/** Sparse unit vectors in one layout: record d's terms are `terms[start[d]..start[d + 1])`, ids ascending. */
interface Vectors {
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
  vocabulary: readonly string[];
}

function keep(term: string): boolean {
  if (STOPWORDS.has(term)) return false;
  // Numbers and single Latin letters say nothing about a topic; a single CJK character ends a run.
  return term.length > 1 && !/^\d+$/.test(term);
}

/** Each record's distinct kept terms (as ids, ascending) with their counts, and each term's record count. */
function countTerms(docTerms: readonly (readonly Int32Array[])[], vocabulary: readonly string[]) {
  const kept = Uint8Array.from(vocabulary, (term) => (keep(term) ? 1 : 0));
  const df = new Int32Array(vocabulary.length);
  const counter = new TermCounter();
  const terms: Int32Array[] = [];
  const counts: Int32Array[] = [];
  for (const parts of docTerms) {
    for (const ids of parts) counter.add(ids);
    const own = Int32Array.from(counter.touched.filter((id) => kept[id] === 1)).sort();
    const ownCounts = new Int32Array(own.length);
    own.forEach((t, k) => {
      ownCounts[k] = counter.count(t);
      df[t] = (df[t] as number) + 1;
    });
    counter.reset();
    terms.push(own);
    counts.push(ownCounts);
  }
  return { df, docTerms: terms, docCounts: counts };
}

function buildVectors(documents: readonly (readonly Int32Array[])[], vocabulary: readonly string[]): Vectors {
  const { df, docTerms, docCounts } = countTerms(documents, vocabulary);
  const n = documents.length;
  // Sub-linear tf, smoothed idf: a long 摘要 repeating a word does not drown the title. 0: term dropped.
  const idf = Float64Array.from(df, (f) => (f < 2 || f > n / 2 ? 0 : Math.log(1 + n / f)));
  const start = new Int32Array(n + 1);
  let total = 0;
  docTerms.forEach((terms, d) => {
    start[d] = total;
    for (const t of terms) if ((idf[t] as number) > 0) total++;
  });
  start[n] = total;
  const terms = new Int32Array(total);
  const weights = new Float64Array(total);
  docTerms.forEach((own, d) => {
    const counts = docCounts[d] as Int32Array;
    let at = start[d] as number;
    let squares = 0;
    own.forEach((t, k) => {
      const w = idf[t] as number;
      if (w === 0) return;
      const weight = (1 + Math.log(counts[k] as number)) * w;
      terms[at] = t;
      weights[at++] = weight;
      squares += weight * weight;
    });
    const norm = Math.sqrt(squares) || 1;
    for (let k = start[d] as number; k < at; k++) weights[k] = (weights[k] as number) / norm;
  });
  return { start, terms, weights, vocabulary };
}

/**
 * Each term's posting list: the records that have it, heaviest first, at most POSTINGS_PER_TERM of them.
 * Built as one flat array of positions grouped by term (counting sort), then trimmed by a bounded heap.
 */
function buildPostings(v: Vectors, n: number): { docs: Int32Array[]; weights: Float64Array[] } {
  const total = v.terms.length;
  const docOf = new Int32Array(total);
  for (let d = 0; d < n; d++) docOf.fill(d, v.start[d], v.start[d + 1]);
  const offsets = new Int32Array(v.vocabulary.length + 1);
  for (let k = 0; k < total; k++) {
    const slot = (v.terms[k] as number) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let t = 0; t < v.vocabulary.length; t++)
    offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const fill = offsets.slice(0, -1);
  const byTerm = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    const t = v.terms[k] as number;
    byTerm[fill[t] as number] = k;
    fill[t] = (fill[t] as number) + 1;
  }
  const heap = new TopK(POSTINGS_PER_TERM);
  const docs: Int32Array[] = [];
  const weights: Float64Array[] = [];
  for (let t = 0; t < v.vocabulary.length; t++) {
    heap.clear();
    // Positions grow with the record, so the heap's tie-break on the lower position is the lower record.
    for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
      const k = byTerm[i] as number;
      heap.push(v.weights[k] as number, k);
    }
    // The order within a list does not matter: a candidate's sum is taken in the query terms' order.
    const kept = new Int32Array(heap.length);
    const keptWeights = new Float64Array(heap.length);
    for (let i = 0; i < heap.length; i++) {
      kept[i] = docOf[heap.idAt(i)] as number;
      keptWeights[i] = heap.scoreAt(i);
    }
    docs.push(kept);
    weights.push(keptWeights);
  }
  return { docs, weights };
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
): Map<string, RelatedEntry[]> {
  const n = ids.length;
  const v = buildVectors(documents, vocabulary);
  const postings = buildPostings(v, n);
  const partial = new Float64Array(n);
  const touched = new Int32Array(n);
  // The current record's weights by term id, so a candidate's exact score is one pass over its own terms.
  const dense = new Float64Array(v.vocabulary.length);
  const queryTerms = new TopK(QUERY_TERMS);
  const candidates = new TopK(CANDIDATES);
  const best = new TopK(count);
  const shared = new TopK(SHARED_TERMS_SHOWN);
  const result = new Map<string, RelatedEntry[]>();
  for (let doc = 0; doc < n; doc++) {
    const from = v.start[doc] as number;
    const to = v.start[doc + 1] as number;
    queryTerms.clear();
    for (let k = from; k < to; k++) {
      queryTerms.push(v.weights[k] as number, k - from);
      dense[v.terms[k] as number] = v.weights[k] as number;
    }
    let touchedCount = 0;
    for (let q = 0; q < queryTerms.length; q++) {
      const offset = queryTerms.idAt(q);
      const term = v.terms[from + offset] as number;
      const w = v.weights[from + offset] as number;
      const docs = postings.docs[term] as Int32Array;
      const weights = postings.weights[term] as Float64Array;
      for (let p = 0; p < docs.length; p++) {
        const other = docs[p] as number;
        if (other === doc) continue;
        if (partial[other] === 0) touched[touchedCount++] = other;
        partial[other] = (partial[other] as number) + w * (weights[p] as number);
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
    for (let k = from; k < to; k++) dense[v.terms[k] as number] = 0;
  }
  return result;
}

/** Cosine of the current record (in `dense`) and record `other`, summed in ascending term order. */
function exactScore(v: Vectors, dense: Float64Array, other: number): number {
  let score = 0;
  for (let k = v.start[other] as number; k < (v.start[other + 1] as number); k++)
    score += (dense[v.terms[k] as number] as number) * (v.weights[k] as number);
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
