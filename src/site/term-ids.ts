/**
 * Every record's searched text as term ids, for both the search index and the related entries, cut exactly
 * as search/tokenize.ts cuts it (the browser's tokenizer, which the index must match) and numbered as
 * search/terms.ts's TermTable numbers them: the same terms, in the same order, with the same ids
 * (tests/site/term-ids.test.ts compares the two on real, generated and hostile text).
 *
 * It is a second implementation of that tokenizer because the build cuts about 5 million terms at 10,000
 * records, and the general one makes a string for every term (a Chinese bigram is a new two-character
 * string, hashed for its Map lookup) and a small array for every text: a second of CPU, then as much again
 * in the garbage collector. Here a character's class is looked up in a table, a bigram is a number
 * (its two code points, in a typed-array hash table) until it is first seen, and all ids go into one growing Int32Array.
 */
/** What tokenize.ts's CJK_RUN matches: Han, kana and Hangul, the scripts written without spaces. */
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
/** What tokenize.ts's WORD matches: letters and digits. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

const UNKNOWN = 0;
const SEPARATOR = 1;
const WORD = 2;
const CJK = 3;

/** The class of every BMP character, filled as characters are met (one regex test per distinct character). */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classify(cp: number): number {
  const char = String.fromCodePoint(cp);
  return CJK_CHAR.test(char) ? CJK : WORD_CHAR.test(char) ? WORD : SEPARATOR;
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = bmpClass[cp] as number;
    if (c === UNKNOWN) bmpClass[cp] = c = classify(cp);
    return c;
  }
  let c = astralClass.get(cp);
  if (c === undefined) astralClass.set(cp, (c = classify(cp)));
  return c;
}

/** The term ids of many texts, one after another; text `t` is `ids[start(t)..end(t))`. */
export class TermIds {
  /** `terms[id]` is the term. */
  readonly terms: string[] = [];
  private readonly wordIds = new WordIds();
  /** CJK terms by their code points: a bigram (first, second), or one character (cp, -1). */
  private readonly cjkIds = new CodePointPairs();
  private ids: Int32Array;
  private length = 0;
  private readonly starts: number[] = [0];

  /**
   * `expectedIds`: how many ids the texts will make, at most, if known. A text makes at most one id per
   * code unit (NFKC can lengthen a text, so this is a hint: the array still grows past it). Allocated at
   * once, only the pages written are touched; grown by doubling from 64K, the copies touched about three
   * times as much fresh memory (~4 ms a MB on the project's VMs: see bench/machine.ts).
   */
  constructor(expectedIds = 1 << 16) {
    this.ids = new Int32Array(Math.max(1, expectedIds));
  }

  /** Cuts `text` into terms and records their ids; returns the text's number. */
  add(text: string): number {
    const normal = text.normalize("NFKC").toLowerCase();
    const end = normal.length;
    let i = 0;
    while (i < end) {
      const cp = normal.codePointAt(i) as number;
      const c = classOf(cp);
      if (c === SEPARATOR) i += cp > 0xffff ? 2 : 1;
      else if (c === WORD) i = this.word(normal, i);
      else i = this.cjkRun(normal, i, cp);
    }
    this.starts.push(this.length);
    return this.starts.length - 2;
  }

  /** The ids of text `t` (a view, not a copy). */
  of(t: number): Int32Array {
    return this.ids.subarray(this.starts[t], this.starts[t + 1]);
  }

  /** A maximal run of letters and digits that are not CJK, from `from`; returns where it ends. */
  private word(text: string, from: number): number {
    let i = from;
    let hash = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i) as number;
      if (classOf(cp) !== WORD) break;
      hash = Math.imul(hash ^ cp, 0x01000193);
      i += cp > 0xffff ? 2 : 1;
    }
    this.push(this.wordIds.idOf(text, from, i, hash, this.terms));
    return i;
  }

  /**
   * A maximal run of CJK characters starting with `first` at `from`: its overlapping bigrams and then its
   * last character alone, or the character alone when the run has one.
   */
  private cjkRun(text: string, from: number, first: number): number {
    let previous = first;
    let i = from + (first > 0xffff ? 2 : 1);
    while (i < text.length) {
      const cp = text.codePointAt(i) as number;
      if (classOf(cp) !== CJK) break;
      this.push(this.cjkId(previous, cp));
      previous = cp;
      i += cp > 0xffff ? 2 : 1;
    }
    this.push(this.cjkId(previous, -1));
    return i;
  }

  private cjkId(first: number, second: number): number {
    let id = this.cjkIds.get(first, second);
    if (id === -1) {
      const term = second === -1 ? String.fromCodePoint(first) : String.fromCodePoint(first, second);
      id = this.terms.push(term) - 1;
      this.cjkIds.set(first, second, id);
    }
    return id;
  }

  private push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
}

/**
 * A hash table from a pair of code points to an id, in typed arrays (open addressing, linear probing, kept
 * at most half full). A JavaScript Map would need the pair as one number above 2^31, which V8 boxes.
 */
class CodePointPairs {
  private firsts = new Int32Array(1 << 12);
  private seconds = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12).fill(-1);
  private size = 0;

  private slot(first: number, second: number): number {
    const mask = this.values.length - 1;
    let at = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca6b)) & mask;
    while (this.values[at] !== -1 && (this.firsts[at] !== first || this.seconds[at] !== second))
      at = (at + 1) & mask;
    return at;
  }

  /** The id of (first, second), or -1. */
  get(first: number, second: number): number {
    return this.values[this.slot(first, second)] as number;
  }

  set(first: number, second: number, value: number): void {
    const at = this.slot(first, second);
    this.firsts[at] = first;
    this.seconds[at] = second;
    this.values[at] = value;
    if (++this.size * 2 > this.values.length) this.grow();
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    this.firsts = new Int32Array(values.length * 2);
    this.seconds = new Int32Array(values.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    for (let i = 0; i < values.length; i++)
      if (values[i] !== -1) {
        const at = this.slot(firsts[i] as number, seconds[i] as number);
        this.firsts[at] = firsts[i] as number;
        this.seconds[at] = seconds[i] as number;
        this.values[at] = values[i] as number;
      }
  }
}

/**
 * A hash table from a word, given as a stretch of a text, to its id (open addressing, linear probing, kept
 * at most half full): a word already seen is found without cutting it out of its text, where a Map needed
 * a new string for each of the ~1.5 million words of 10,000 records, and hashed it again.
 */
class WordIds {
  private hashes = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 12).fill(-1);
  private size = 0;

  /** The id of `text[from..to)`, whose hash is `hash`; a new word gets the next id in `terms`. */
  idOf(text: string, from: number, to: number, hash: number, terms: string[]): number {
    const mask = this.ids.length - 1;
    let at = hash & mask;
    for (;;) {
      const id = this.ids[at] as number;
      if (id === -1) break;
      if (this.hashes[at] === hash && sameText(terms[id] as string, text, from, to)) return id;
      at = (at + 1) & mask;
    }
    const id = terms.push(text.slice(from, to)) - 1;
    this.hashes[at] = hash;
    this.ids[at] = id;
    if (++this.size * 2 > this.ids.length) this.grow();
    return id;
  }

  private grow(): void {
    const { hashes, ids } = this;
    this.hashes = new Int32Array(ids.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    const mask = this.ids.length - 1;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === -1) continue;
      let at = (hashes[i] as number) & mask;
      while (this.ids[at] !== -1) at = (at + 1) & mask;
      this.hashes[at] = hashes[i] as number;
      this.ids[at] = ids[i] as number;
    }
  }
}

/** True when `term` is `text[from..to)`. */
function sameText(term: string, text: string, from: number, to: number): boolean {
  if (term.length !== to - from) return false;
  for (let k = 0; k < term.length; k++) if (term.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}
