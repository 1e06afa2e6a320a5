/**
 * Terms numbered as they are first seen, through the browser's tokenizer (tokenize.ts): what
 * `buildSearchIndex` and `computeRelated` use on plain texts, and the reference that the build's own faster
 * numbering (../term-ids.ts) is tested against.
 */
import { tokenize } from "./tokenize.js";

export class TermTable {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The ids of a text's terms, in order (repeats kept), adding new terms to the table. */
  idsOf(text: string): Int32Array {
    const tokens = tokenize(text);
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const term = tokens[i] as string;
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.push(term) - 1;
        this.ids.set(term, id);
      }
      out[i] = id;
    }
    return out;
  }
}

/** Counts per id without a Map: a zeroed array as long as the table, and the ids touched since the last reset. */
export class TermCounter {
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
