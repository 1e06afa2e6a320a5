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
