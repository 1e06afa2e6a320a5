/**
 * JSON text written straight into UTF-8 bytes, for the search index (tens of MB at 10,000 records, nearly
 * all of it small numbers): made as strings, the index was millions of small pieces, joined and then
 * encoded again, and their garbage cost the term thread as much as the writing. Each helper writes exactly
 * what JSON.stringify writes for its value.
 */
import type { Scratch } from "./scratch.js";

const encoder = new TextEncoder();

/** How many decimal digits a non-negative integer has. */
export function digitCount(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : String(n).length;
}

export class JsonBytes {
  private bytes: Uint8Array;
  private used = 0;

  /** `expected`: the bytes the text will take, if known (it still grows past it). */
  constructor(scratch: Pick<Scratch, "take">, expected: number) {
    this.bytes = new Uint8Array(scratch.take(Math.max(64, expected)));
  }

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.bytes.length - this.used >= n) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  /** One ASCII character (a bracket or a comma), by its code. */
  char(code: number): void {
    this.reserve(1);
    this.bytes[this.used++] = code;
  }

  /** A non-negative integer, as JSON.stringify writes it. */
  integer(n: number): void {
    const digits = digitCount(n);
    this.reserve(digits);
    const bytes = this.bytes;
    let at = this.used + digits;
    this.used = at;
    do {
      bytes[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** A string as JSON.stringify writes it (quoted and escaped), in UTF-8. */
  string(value: string): void {
    this.text(JSON.stringify(value));
  }

  /** Text that is already JSON, in UTF-8 (a UTF-16 unit takes at most 3 bytes). */
  text(json: string): void {
    this.reserve(json.length * 3);
    this.used += encoder.encodeInto(json, this.bytes.subarray(this.used)).written;
  }

  /** The bytes written (a view of the buffer, which may be longer). */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.used);
  }
}
