/**
 * The term thread's code (started by terms-thread.ts): numbers the records' terms, then sends back the
 * related entries and then the search index, written as UTF-8 in one buffer that is transferred, not copied.
 * It imports nothing but the term modules, so it starts in a few milliseconds.
 */
import { parentPort } from "node:worker_threads";
import { termsOfEntries, type TermInput } from "./entry-terms.js";
import { packedBuffers, type PackedRelated } from "./related-packed.js";

export type TermThreadReply = { related: PackedRelated } | { searchIndex: Uint8Array } | { error: string };

const port = parentPort;
if (port)
  port.once("message", (input: TermInput) => {
    try {
      const terms = termsOfEntries(input);
      const related = terms.relatedPacked();
      port.postMessage({ related } satisfies TermThreadReply, packedBuffers(related));
      const searchIndex = terms.searchIndexBytes();
      port.postMessage({ searchIndex } satisfies TermThreadReply, [searchIndex.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ error: String((error as Error).stack ?? error) } satisfies TermThreadReply);
    }
  });
