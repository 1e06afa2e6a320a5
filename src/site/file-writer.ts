/**
 * A writer thread for many small files: the build renders pages on the main thread and hands them here in
 * batches; this thread makes the folders and writes them with plain synchronous calls, on the other core.
 *
 * Why a thread rather than fs/promises: each `writeFile` promise is three trips through libuv's pool (open,
 * write, close), each resumed by the main thread's event loop, which is busy rendering. At 10,000 pages that
 * bookkeeping cost the main thread about 3 s of CPU, more than rendering them; synchronous calls on a thread
 * of their own cost a fraction of it and leave the main thread to render.
 *
 * The thread's code is a string run with `eval` so it needs no file of its own: it works the same from the
 * TypeScript sources, the bundled CLI and the npm package.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** Files per message: enough to make the message cost small beside the writes, little enough to start soon. */
const BATCH_FILES = 32;
/** A batch is sent early once it holds this many characters. */
const BATCH_CHARS = 1 << 20;
/**
 * A file this long (the list pages, the search index, papers.json: megabytes each at 10,000 records) is
 * written here, in slices, rather than copied to the writer thread: a message copies its text twice
 * (serialised, then read back), and on this kind of machine every megabyte of fresh memory costs more
 * than writing it.
 */
const LARGE_CHARS = 1 << 18;
/** Characters per write of a large file: its UTF-8 fits a reused buffer, never one as large as the file. */
const SLICE_CHARS = 1 << 16;
/**
 * Batches sent and not yet written before the main thread waits: a few keep the writer busy while the next
 * batch renders, and the pages held in memory stay a few megabytes however large the site.
 */
const BATCHES_IN_FLIGHT = 4;

type Batch = [path: string, content: string][];
type Reply = { written: number } | { error: { message: string; code?: string } };

const WRITER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
const folders = new Set();
parentPort.on("message", (batch) => {
  try {
    for (const [file, content] of batch) {
      const folder = dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, content);
    }
    parentPort.postMessage({ written: batch.length });
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** Writes files (absolute paths) on a thread of its own; `close` waits for every write and reports the first failure. */
export class FileWriter {
  private readonly worker = new Worker(WRITER_SOURCE, { eval: true });
  private batch: Batch = [];
  private batchChars = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor() {
    this.worker.on("message", (reply: Reply) => {
      this.inFlight--;
      if ("error" in reply)
        this.failure ??= Object.assign(new Error(reply.error.message), { code: reply.error.code });
      this.wake?.();
    });
    this.worker.on("error", (error) => {
      this.failure ??= error;
      this.inFlight = 0;
      this.wake?.();
    });
  }

  /** Queues a file; resolves at once unless enough batches are waiting to be written. */
  async write(file: string, content: string | readonly string[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (typeof content !== "string" || content.length >= LARGE_CHARS) {
      writeInSlices(file, typeof content === "string" ? [content] : content);
      return;
    }
    this.batch.push([file, content]);
    this.batchChars += content.length;
    if (this.batch.length >= BATCH_FILES || this.batchChars >= BATCH_CHARS) await this.send();
  }

  /** Writes what is queued, waits for every write, and stops the thread. Throws the first write error. */
  async close(): Promise<void> {
    try {
      if (this.batch.length > 0) await this.send();
      while (this.inFlight > 0 && !this.failure) await this.reply();
      if (this.failure) throw this.failure;
    } finally {
      await this.worker.terminate();
    }
  }

  private async send(): Promise<void> {
    while (this.inFlight >= BATCHES_IN_FLIGHT && !this.failure) await this.reply();
    if (this.failure) throw this.failure;
    this.worker.postMessage(this.batch);
    this.inFlight++;
    this.batch = [];
    this.batchChars = 0;
  }

  private reply(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }
}

/** UTF-8 of a few slices (at most 3 bytes a UTF-16 unit). Reused, so large files need no fresh memory. */
const sliceBytes = Buffer.allocUnsafe(SLICE_CHARS * 3 * 2);

/**
 * Writes a large text, or a text in pieces, in slices through one reused buffer, never holding its whole
 * UTF-8 (see LARGE_CHARS). Pieces must not end inside a surrogate pair; slices never do.
 */
function writeInSlices(file: string, pieces: readonly string[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  let used = 0;
  const flush = () => {
    for (let written = 0; written < used;) written += writeSync(fd, sliceBytes, written, used - written);
    used = 0;
  };
  try {
    for (const piece of pieces)
      for (let at = 0; at < piece.length;) {
        let end = Math.min(piece.length, at + SLICE_CHARS);
        // Never split a surrogate pair between two slices: each half alone would be written as U+FFFD.
        const last = piece.charCodeAt(end - 1);
        if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end--;
        if (used + (end - at) * 3 > sliceBytes.length) flush();
        used += sliceBytes.write(piece.slice(at, end), used);
        at = end;
      }
    flush();
  } finally {
    closeSync(fd);
  }
}
