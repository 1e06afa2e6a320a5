/**
 * The term thread's code (started by terms-thread.ts): numbers the records' terms, then sends back the
 * related entries and then the search index, encoded as UTF-8 in one buffer that is transferred, not copied.
 * It imports nothing but the term modules, so it starts in a few milliseconds.
 */
import { parentPort } from "node:worker_threads";
import { termsOfEntries, type TermInput } from "./entry-terms.js";
import { packRelated, packedBuffers, type PackedRelated } from "./related-packed.js";

export type TermThreadReply = { related: PackedRelated } | { searchIndex: Uint8Array } | { error: string };

const encoder = new TextEncoder();

/** The pieces' UTF-8, one after another, in one buffer (a piece takes at most 3 bytes a UTF-16 unit). */
function encodePieces(pieces: readonly string[]): Uint8Array {
  let units = 0;
  for (const piece of pieces) units += piece.length;
  let bytes = new Uint8Array(units + (units >> 2) + 64);
  let used = 0;
  for (const piece of pieces) {
    if (bytes.length - used < piece.length * 3) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, used + piece.length * 3));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    used += encoder.encodeInto(piece, bytes.subarray(used)).written;
  }
  return bytes.subarray(0, used);
}

const port = parentPort;
if (port)
  port.once("message", (input: TermInput) => {
    try {
      const terms = termsOfEntries(input);
      const related = packRelated(input.ids, terms.related());
      port.postMessage({ related } satisfies TermThreadReply, packedBuffers(related));
      const searchIndex = encodePieces(terms.searchIndex());
      port.postMessage({ searchIndex } satisfies TermThreadReply, [searchIndex.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ error: String((error as Error).stack ?? error) } satisfies TermThreadReply);
    }
  });
