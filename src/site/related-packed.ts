/**
 * The related entries of every record in a few typed arrays, as the term thread sends them: structured
 * cloning the Map of 10,000 lists of 5 objects (with their shared terms) cost the main thread 120-250 ms to
 * read back. The main thread unpacks one record's list when its page is made.
 */
import type { RelatedEntry, RelatedLookup } from "./related.js";

export interface PackedRelated {
  /** Record d's related entries are items [start[d], start[d + 1]). */
  start: Int32Array;
  /** Each item's record (an index into the ids) and score. */
  other: Int32Array;
  score: Float64Array;
  /** Item i's shared terms are `terms[termIds[k]]` for k in [termStart[i], termStart[i + 1]). */
  termStart: Int32Array;
  termIds: Int32Array;
  terms: string[];
}

export function packRelated(
  ids: readonly string[],
  related: ReadonlyMap<string, RelatedEntry[]>,
): PackedRelated {
  const index = new Map(ids.map((id, d) => [id, d]));
  const lists = ids.map((id) => related.get(id) ?? []);
  const items = lists.reduce((n, list) => n + list.length, 0);
  const start = new Int32Array(ids.length + 1);
  const other = new Int32Array(items);
  const score = new Float64Array(items);
  const termStart = new Int32Array(items + 1);
  const termIdsOf = new Map<string, number>();
  const termIds: number[] = [];
  let i = 0;
  lists.forEach((list, d) => {
    start[d] = i;
    for (const r of list) {
      other[i] = index.get(r.id) ?? -1;
      score[i] = r.score;
      termStart[i] = termIds.length;
      for (const term of r.sharedTerms) {
        let t = termIdsOf.get(term);
        if (t === undefined) termIdsOf.set(term, (t = termIdsOf.size));
        termIds.push(t);
      }
      i++;
    }
  });
  start[ids.length] = i;
  termStart[items] = termIds.length;
  return { start, other, score, termStart, termIds: Int32Array.from(termIds), terms: [...termIdsOf.keys()] };
}

/** The typed arrays of a PackedRelated, to transfer rather than copy. */
export function packedBuffers(p: PackedRelated): ArrayBuffer[] {
  return [p.start, p.other, p.score, p.termStart, p.termIds].map((a) => a.buffer as ArrayBuffer);
}

/** A lookup by id that unpacks a record's list when it is asked for. */
export function unpackRelated(ids: readonly string[], p: PackedRelated): RelatedLookup {
  const index = new Map(ids.map((id, d) => [id, d]));
  return {
    get(id) {
      const d = index.get(id);
      if (d === undefined) return undefined;
      const list: RelatedEntry[] = [];
      for (let i = p.start[d] as number; i < (p.start[d + 1] as number); i++) {
        const sharedTerms: string[] = [];
        for (let k = p.termStart[i] as number; k < (p.termStart[i + 1] as number); k++)
          sharedTerms.push(p.terms[p.termIds[k] as number] as string);
        list.push({ id: ids[p.other[i] as number] as string, score: p.score[i] as number, sharedTerms });
      }
      return list;
    },
  };
}
