/**
 * "Related entries": for each record, the records whose text is most alike by tf-idf cosine (as
 * arxiv-sanity-lite ranks arXiv papers), over title, abstract and 摘要, with CJK as character bigrams.
 *
 * All pairs would be 50 million dot products at 10,000 records. Instead each record looks only through the
 * posting lists of its own strongest terms, and each posting list keeps only its strongest records (both
 * caps below), so the work is linear in the number of records. The candidates found that way are then
 * scored exactly, and the terms they share are reported. Terms in a single record (they relate nothing) and
 * terms in over half of them (they tell nothing) are dropped.
 */
import { tokenize } from "./search/tokenize.js";

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

/** A sparse unit vector: term ids ascending, weights alongside. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

function keep(term: string): boolean {
  if (STOPWORDS.has(term)) return false;
  // Numbers and single Latin letters say nothing about a topic; a single CJK character ends a run.
  return term.length > 1 && !/^\d+$/.test(term);
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of tokenize(text)) if (keep(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function buildVectors(documents: readonly RelatedDocument[]): { vectors: Vector[]; vocabulary: string[] } {
  const counts = documents.map((d) => termCounts(d.text));
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  for (const [term, f] of df) {
    if (f < 2 || f > n / 2) continue;
    ids.set(term, vocabulary.length);
    vocabulary.push(term);
  }
  const vectors = counts.map((c) => {
    const entries: [number, number][] = [];
    for (const [term, tf] of c) {
      const id = ids.get(term);
      if (id === undefined) continue;
      // Sub-linear tf, smoothed idf: a long 摘要 repeating a word does not drown the title.
      entries.push([id, (1 + Math.log(tf)) * Math.log(1 + n / (df.get(term) ?? 1))]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return {
      terms: Int32Array.from(entries, ([id]) => id),
      weights: Float64Array.from(entries, ([, w]) => w / norm),
    };
  });
  return { vectors, vocabulary };
}

/** Exact cosine of two unit vectors, with the per-term products (merge of two sorted lists). */
function cosine(a: Vector, b: Vector): { score: number; shared: [number, number][] } {
  let i = 0;
  let j = 0;
  let score = 0;
  const shared: [number, number][] = [];
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i] as number;
    const tb = b.terms[j] as number;
    if (ta === tb) {
      const product = (a.weights[i] as number) * (b.weights[j] as number);
      score += product;
      shared.push([ta, product]);
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return { score, shared };
}

/** The heaviest `limit` positions of a vector, heaviest first. */
function heaviest(vector: Vector, limit: number): number[] {
  return Array.from(vector.weights.keys())
    .sort((x, y) => (vector.weights[y] as number) - (vector.weights[x] as number))
    .slice(0, limit);
}

/** Related entries for every document, keyed by id; ties break by document order, so output is stable. */
export function computeRelated(
  documents: readonly RelatedDocument[],
  count = RELATED_COUNT,
): Map<string, RelatedEntry[]> {
  const { vectors, vocabulary } = buildVectors(documents);
  const postings: { doc: number; weight: number }[][] = vocabulary.map(() => []);
  vectors.forEach((v, doc) =>
    v.terms.forEach((t, k) => postings[t]?.push({ doc, weight: v.weights[k] ?? 0 })),
  );
  for (let t = 0; t < postings.length; t++) {
    const list = postings[t] as { doc: number; weight: number }[];
    if (list.length > POSTINGS_PER_TERM)
      postings[t] = list.sort((a, b) => b.weight - a.weight || a.doc - b.doc).slice(0, POSTINGS_PER_TERM);
  }

  const result = new Map<string, RelatedEntry[]>();
  const partial = new Map<number, number>();
  vectors.forEach((vector, doc) => {
    partial.clear();
    for (const k of heaviest(vector, QUERY_TERMS)) {
      const w = vector.weights[k] as number;
      for (const p of postings[vector.terms[k] as number] ?? [])
        if (p.doc !== doc) partial.set(p.doc, (partial.get(p.doc) ?? 0) + w * p.weight);
    }
    const candidates = [...partial].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES);
    const scored = candidates
      .map(([other]) => ({ other, ...cosine(vector, vectors[other] as Vector) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || a.other - b.other)
      .slice(0, count);
    result.set(
      (documents[doc] as RelatedDocument).id,
      scored.map((c) => ({
        id: (documents[c.other] as RelatedDocument).id,
        score: c.score,
        sharedTerms: c.shared
          .sort((x, y) => y[1] - x[1])
          .slice(0, SHARED_TERMS_SHOWN)
          .map(([t]) => vocabulary[t] as string),
      })),
    );
  });
  return result;
}
