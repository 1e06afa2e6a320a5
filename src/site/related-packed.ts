/**
 * The related entries of every record in a few typed arrays, as the term thread sends them: structured
 * cloning the Map of 10,000 lists of 5 objects (with their shared terms) cost the main thread 120-250 ms to
 * read back. The main thread unpacks one record's list when its page is made.
 *
 * The thread sends them in runs of records, each as soon as it is computed, so the entry pages of the first
 * runs are made while it computes the next (related.ts `relatedPackedRuns`).
 */
import type { RelatedEntry, RelatedLookup } from "./related.js";

/**
 * Records per run the term thread sends: at 10,000 records, 20 runs, the first of them ready while the rest
 * are computed (the entry pages wait for their own run only); each run costs one message. (Here rather than
 * in terms-worker.ts, whose import starts listening on the thread's port.)
 */
export const RELATED_RUN_RECORDS = 500;

/** The related entries of records [first, first + start.length - 1). */
export interface PackedRelated {
  /** The first record's index. */
  first: number;
  /** Record first + r's related entries are items [start[r], start[r + 1]). */
  start: Int32Array;
  /** Each item's record (an index into the ids) and score. */
  other: Int32Array;
  score: Float64Array;
  /** Item i's shared terms are `terms[termIds[k]]` for k in [termStart[i], termStart[i + 1]). */
  termStart: Int32Array;
  termIds: Int32Array;
  terms: string[];
}

/** The index just past a run's last record. */
export const runEnd = (p: PackedRelated): number => p.first + p.start.length - 1;

/**
 * Writes PackedRelated runs as the related entries are found, record by record: each record's items, each
 * item's shared terms (vocabulary ids, numbered per run in the order they are first shown, so only the
 * shown terms travel). `takeRun` cuts off the records written since the last cut.
 */
export class PackedWriter {
  private readonly start: Int32Array;
  private readonly other: Int32Array;
  private readonly score: Float64Array;
  private readonly termStart: Int32Array;
  private readonly termIds: Int32Array;
  private terms: string[] = [];
  /** Vocabulary id → its number in `terms`, or -1; `shownIds` lists the ids set, to clear them per run. */
  private readonly shownAs: Int32Array;
  private shownIds: number[] = [];
  private items = 0;
  private shared = 0;
  /** The current run's first record, and the record after the last one started. */
  private first = 0;
  private record = 0;

  /** `runRecords`: the most records a run holds. */
  constructor(
    runRecords: number,
    perRecord: number,
    termsPerItem: number,
    private readonly vocabulary: readonly string[],
  ) {
    this.start = new Int32Array(runRecords + 1);
    this.other = new Int32Array(runRecords * perRecord);
    this.score = new Float64Array(runRecords * perRecord);
    this.termStart = new Int32Array(runRecords * perRecord + 1);
    this.termIds = new Int32Array(runRecords * perRecord * termsPerItem);
    this.shownAs = new Int32Array(vocabulary.length).fill(-1);
  }

  /** Record d's items follow (records come in order, each once). */
  startRecord(d: number): void {
    this.start[d - this.first] = this.items;
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
    if (shown === -1) {
      this.shownAs[id] = shown = this.terms.push(this.vocabulary[id] as string) - 1;
      this.shownIds.push(id);
    }
    this.termIds[this.shared++] = shown;
  }

  /** The records from the last cut up to `end` (those not started have no related entries), as a run. */
  takeRun(end = this.record): PackedRelated {
    const items = this.items;
    const records = end - this.first;
    this.start.fill(items, this.record - this.first, records + 1);
    this.termStart[items] = this.shared;
    const run: PackedRelated = {
      first: this.first,
      start: this.start.slice(0, records + 1),
      other: this.other.slice(0, items),
      score: this.score.slice(0, items),
      termStart: this.termStart.slice(0, items + 1),
      termIds: this.termIds.slice(0, this.shared),
      terms: this.terms,
    };
    for (const id of this.shownIds) this.shownAs[id] = -1;
    this.shownIds = [];
    this.terms = [];
    this.items = 0;
    this.shared = 0;
    this.first = this.record = end;
    return run;
  }
}

/** The typed arrays of a PackedRelated, to transfer rather than copy. */
export function packedBuffers(p: PackedRelated): ArrayBuffer[] {
  return [p.start, p.other, p.score, p.termStart, p.termIds].map((a) => a.buffer as ArrayBuffer);
}

/**
 * A lookup by id over runs (in record order, together covering the records asked about) that unpacks a
 * record's list when it is asked for. `runs` may grow after this is made: the term thread's arrive one by one.
 */
export function unpackRelated(ids: readonly string[], runs: readonly PackedRelated[]): RelatedLookup {
  const index = new Map(ids.map((id, d) => [id, d]));
  /** The run holding record d (binary search on their first records), or undefined. */
  const runOf = (d: number): PackedRelated | undefined => {
    let low = 0;
    let high = runs.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((runs[mid] as PackedRelated).first <= d) low = mid;
      else high = mid - 1;
    }
    const run = runs[low];
    return run && run.first <= d && d < runEnd(run) ? run : undefined;
  };
  return {
    get(id) {
      const d = index.get(id);
      const p = d === undefined ? undefined : runOf(d);
      if (d === undefined || !p) return undefined;
      const r = d - p.first;
      const list: RelatedEntry[] = [];
      for (let i = p.start[r] as number; i < (p.start[r + 1] as number); i++) {
        const sharedTerms: string[] = [];
        for (let k = p.termStart[i] as number; k < (p.termStart[i + 1] as number); k++)
          sharedTerms.push(p.terms[p.termIds[k] as number] as string);
        list.push({ id: ids[p.other[i] as number] as string, score: p.score[i] as number, sharedTerms });
      }
      return list;
    },
  };
}
