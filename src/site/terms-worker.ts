/**
 * The term thread's code (started by terms-thread.ts): numbers the records' terms, then sends back the
 * related entries, a run of records at a time as each is computed, and then the search index, written as
 * UTF-8 in one buffer that is transferred, not copied. It imports nothing but the term modules, so it starts
 * in a few milliseconds.
 */
import { parentPort } from "node:worker_threads";
import { termsOfEntries, type TermInput } from "./entry-terms.js";
import { RELATED_RUN_RECORDS, packedBuffers, type PackedRelated } from "./related-packed.js";

export type TermThreadReply = { related: PackedRelated } | { searchIndex: Uint8Array } | { error: string };

const port = parentPort;
if (port)
  port.once("message", (input: TermInput) => {
    try {
      const terms = termsOfEntries(input);
      terms.relatedRuns(RELATED_RUN_RECORDS, (related) =>
        port.postMessage({ related } satisfies TermThreadReply, packedBuffers(related)),
      );
      const searchIndex = terms.searchIndexBytes();
      port.postMessage({ searchIndex } satisfies TermThreadReply, [searchIndex.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ error: String((error as Error).stack ?? error) } satisfies TermThreadReply);
    }
  });
