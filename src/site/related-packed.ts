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

/**
 * Writes a PackedRelated as the related entries are found, record by record: each record's items, each
 * item's shared terms (vocabulary ids, numbered here in the order they are first shown, so only the shown
 * terms travel).
 */
export class PackedWriter {
  private readonly start: Int32Array;
  private readonly other: Int32Array;
  private readonly score: Float64Array;
  private readonly termStart: Int32Array;
  private readonly termIds: Int32Array;
  private readonly terms: string[] = [];
  /** Vocabulary id → its number in `terms`, or -1. */
  private readonly shownAs: Int32Array;
  private items = 0;
  private shared = 0;
  private record = 0;

  constructor(
    records: number,
    perRecord: number,
    termsPerItem: number,
    private readonly vocabulary: readonly string[],
  ) {
    this.start = new Int32Array(records + 1);
    this.other = new Int32Array(records * perRecord);
    this.score = new Float64Array(records * perRecord);
    this.termStart = new Int32Array(records * perRecord + 1);
    this.termIds = new Int32Array(records * perRecord * termsPerItem);
    this.shownAs = new Int32Array(vocabulary.length).fill(-1);
  }

  /** Record d's items follow (records come in order, each once). */
  startRecord(d: number): void {
    this.start[d] = this.items;
    this.record = d + 1;
  }

  item(other: number, score: number): void {
    this.other[this.items] = other;
    this.score[this.items] = score;
    this.termStart[this.items] = this.shared;
    this.items++;
  }

  /** A shared term of the last item, by vocabulary id. */
  sharedTerm(id: number): void {
    let shown = this.shownAs[id] as number;
    if (shown === -1) this.shownAs[id] = shown = this.terms.push(this.vocabulary[id] as string) - 1;
    this.termIds[this.shared++] = shown;
  }

  finish(): PackedRelated {
    const items = this.items;
    this.start.fill(items, this.record);
    this.termStart[items] = this.shared;
    return {
      start: this.start,
      other: this.other.slice(0, items),
      score: this.score.slice(0, items),
      termStart: this.termStart.slice(0, items + 1),
      termIds: this.termIds.slice(0, this.shared),
      terms: this.terms,
    };
  }
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
