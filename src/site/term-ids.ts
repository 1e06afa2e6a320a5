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

/**
 * Each ASCII byte's lowercase when it is part of a word (a letter or digit: `WORD_CHAR`), else 0: the
 * separators. (No ASCII character is CJK, and NFKC changes none.)
 */
const ASCII_LOWER = Uint8Array.from({ length: 0x80 }, (_, b) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b).toLowerCase().charCodeAt(0) : 0,
);

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

  /**
   * The same as `add(latin1.toString("latin1", start, end))`, read straight from the bytes when they are all
   * ASCII (an English abstract, a title, names: most of the build's text): NFKC leaves ASCII as it is and
   * lowercasing it is a table, so no string is made for the text, its normal form or its lowercase, and a
   * word already seen is found without one. Any other byte: the text goes through `add`.
   */
  addLatin1(latin1: Buffer, start: number, end: number): number {
    if (!isAscii(latin1, start, end)) return this.add(latin1.toString("latin1", start, end));
    this.asciiWords(latin1, start, end);
    this.starts.push(this.length);
    return this.starts.length - 2;
  }

  /** The words of the ASCII text `bytes[start..end)`. */
  private asciiWords(bytes: Uint8Array, start: number, end: number): void {
    let i = start;
    while (i < end) {
      if (ASCII_LOWER[bytes[i] as number] === 0) {
        i++;
        continue;
      }
      const from = i;
      let hash = 0;
      for (; i < end; i++) {
        const lower = ASCII_LOWER[bytes[i] as number] as number;
        if (lower === 0) break;
        hash = Math.imul(hash ^ lower, 0x01000193);
      }
      this.push(this.wordIds.idOfAscii(bytes, from, i, hash, this.terms));
    }
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
 * A hash table from a pair of code points to an id. A pair of BMP characters (nearly every Chinese bigram)
 * is one 32-bit key, `first << 16 | second` (a lone character has 0xFFFF for its second, which is not CJK),
 * kept with its id in one typed array, key then id (open addressing, linear probing from the key's
 * multiplicative hash, at most half full): one cache line per lookup, where three parallel arrays took
 * three. A pair with a character outside the BMP goes to a Map (a JavaScript Map would box the BMP keys
 * above 2^31, and they are millions of lookups).
 */
class CodePointPairs {
  /** Key at 2·slot, id at 2·slot + 1 (-1: the slot is empty). */
  private slots = emptySlots(1 << 12);
  private shift = 32 - 12;
  private size = 0;
  private readonly astral = new Map<number, number>();

  private slot(key: number): number {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (slots[2 * at + 1] !== -1 && slots[2 * at] !== key) at = (at + 1) & mask;
    return at;
  }

  /** The id of (first, second), or -1; `second` is -1 for a character alone. */
  get(first: number, second: number): number {
    if (first > 0xffff || second > 0xffff) return this.astral.get(astralKey(first, second)) ?? -1;
    return this.slots[2 * this.slot((first << 16) | (second & 0xffff)) + 1] as number;
  }

  set(first: number, second: number, value: number): void {
    if (first > 0xffff || second > 0xffff) {
      this.astral.set(astralKey(first, second), value);
      return;
    }
    const key = (first << 16) | (second & 0xffff);
    const at = this.slot(key);
    this.slots[2 * at] = key;
    this.slots[2 * at + 1] = value;
    if (++this.size * 4 > this.slots.length) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    this.slots = emptySlots(old.length);
    this.shift--;
    for (let i = 0; i < old.length; i += 2)
      if (old[i + 1] !== -1) {
        const at = this.slot(old[i] as number);
        this.slots[2 * at] = old[i] as number;
        this.slots[2 * at + 1] = old[i + 1] as number;
      }
  }
}

/** Room for `count` key-id pairs, all empty. */
function emptySlots(count: number): Int32Array {
  return new Int32Array(2 * count).fill(-1);
}

/** A pair with a character outside the BMP as one exact number (second + 1 < 2^21). */
function astralKey(first: number, second: number): number {
  return first * 0x200000 + second + 1;
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
    return this.insert(at, hash, text.slice(from, to), terms);
  }

  /**
   * The same for the ASCII word `bytes[from..to)`, lowercased through ASCII_LOWER (`hash` is of the
   * lowercase), so a word gets the id it gets from `idOf` in any text.
   */
  idOfAscii(bytes: Uint8Array, from: number, to: number, hash: number, terms: string[]): number {
    const mask = this.ids.length - 1;
    let at = hash & mask;
    for (;;) {
      const id = this.ids[at] as number;
      if (id === -1) break;
      if (this.hashes[at] === hash && sameAscii(terms[id] as string, bytes, from, to)) return id;
      at = (at + 1) & mask;
    }
    let word = "";
    for (let k = from; k < to; k++) word += String.fromCharCode(ASCII_LOWER[bytes[k] as number] as number);
    return this.insert(at, hash, word, terms);
  }

  /** A new word, at the empty slot `at` its probe ended on: its id is the next in `terms`. */
  private insert(at: number, hash: number, word: string, terms: string[]): number {
    const id = terms.push(word) - 1;
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

/** True when every byte of `bytes[start..end)` is ASCII. */
function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** True when `term` is the lowercase of the ASCII word `bytes[from..to)`. */
function sameAscii(term: string, bytes: Uint8Array, from: number, to: number): boolean {
  if (term.length !== to - from) return false;
  for (let k = 0; k < term.length; k++)
    if (term.charCodeAt(k) !== ASCII_LOWER[bytes[from + k] as number]) return false;
  return true;
}

/** True when `term` is `text[from..to)`. */
function sameText(term: string, text: string, from: number, to: number): boolean {
  if (term.length !== to - from) return false;
  for (let k = 0; k < term.length; k++) if (term.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}
