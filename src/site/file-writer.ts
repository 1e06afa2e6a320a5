/**
 * A writer thread for the site's files: the main thread renders pages and encodes them as UTF-8 into a few
 * reused buffers; this thread makes the folders and writes the bytes with plain synchronous calls, on the
 * other core, and hands each buffer back.
 *
 * Why a thread rather than fs/promises: each `writeFile` promise is three trips through libuv's pool (open,
 * write, close), each resumed by the main thread's event loop, which is busy rendering; at 10,000 entry pages
 * that bookkeeping cost more CPU than rendering them (4.4 s for the pages with their writes, 1.7 s without,
 * measured on the shared machine). Why reused buffers rather than strings in
 * messages: a message copies a string twice (serialised, then read back), and on a virtual machine every
 * megabyte of fresh memory costs more than writing it; the list pages, the search index and papers.json are
 * tens of MB at 10,000 records. A buffer moves between the threads without a copy (it is transferred).
 *
 * The thread's code is a string run with `eval` so it needs no file of its own: it works the same from the
 * TypeScript sources, the bundled CLI and the npm package.
 */
import { Worker } from "node:worker_threads";

/** Bytes per buffer: a few dozen entry pages, or a slice of a large file. */
const BUFFER_BYTES = 1 << 18;
/**
 * Buffers in all: while the writer thread writes some, the main thread fills another; when all are out,
 * the main thread waits, so the pages held in memory stay a megabyte or two however large the site.
 */
const BUFFERS = 6;

/** Part of a file in a buffer: bytes [start, end); `first` creates (or truncates) it, `last` closes it. */
type Segment = [path: string, start: number, end: number, first: boolean, last: boolean];
type Reply = { buffer: ArrayBuffer } | { error: { message: string; code?: string } };

const WRITER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { closeSync, mkdirSync, openSync, writeSync } = require("node:fs");
const { dirname } = require("node:path");
const folders = new Set();
const open = new Map();
let failed = false;
parentPort.on("message", ({ buffer, segments }) => {
  if (failed) return parentPort.postMessage({ buffer }, [buffer]);
  const bytes = new Uint8Array(buffer);
  try {
    for (const [file, start, end, first, last] of segments) {
      let fd = open.get(file);
      if (first) {
        const folder = dirname(file);
        if (!folders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          folders.add(folder);
        }
        fd = openSync(file, "w");
        open.set(file, fd);
      }
      for (let at = start; at < end; ) at += writeSync(fd, bytes, at, end - at);
      if (last) {
        closeSync(fd);
        open.delete(file);
      }
    }
    parentPort.postMessage({ buffer }, [buffer]);
  } catch (error) {
    failed = true;
    for (const fd of open.values()) closeSync(fd);
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

const encoder = new TextEncoder();

/**
 * A file's text, its text in pieces (none ending inside a surrogate pair; made as they are asked for, if
 * they come from a generator), or its bytes.
 */
export type FileContent = string | Iterable<string> | Uint8Array;

/** Writes files (absolute paths) on a thread of its own; `close` waits for every write and reports the first failure. */
export class FileWriter {
  private readonly worker = new Worker(WRITER_SOURCE, { eval: true });
  private readonly free: ArrayBuffer[] = Array.from({ length: BUFFERS }, () => new ArrayBuffer(BUFFER_BYTES));
  private outstanding = 0;
  private bytes: Uint8Array | undefined;
  private used = 0;
  private segments: Segment[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor() {
    this.worker.on("message", (reply: Reply) => {
      this.outstanding--;
      if ("error" in reply)
        this.failure ??= Object.assign(new Error(reply.error.message), { code: reply.error.code });
      else this.free.push(reply.buffer);
      this.wake?.();
    });
    this.worker.on("error", (error) => {
      this.failure ??= error;
      this.outstanding = 0;
      this.wake?.();
    });
  }

  /**
   * Encodes a file (its text, or its text in pieces) into the buffers, or copies its bytes there, sending
   * each buffer as it fills; resolves at once unless every buffer is out.
   */
  async write(file: string, content: FileContent): Promise<void> {
    if (this.failure) throw this.failure;
    if (content instanceof Uint8Array) return this.writeBytes(file, content);
    let first = true;
    for (const piece of typeof content === "string" ? [content] : content) {
      let at = 0;
      // An empty piece still opens the file (an empty .nojekyll).
      while (at < piece.length || first) {
        const bytes = this.bytes ?? (await this.take());
        const start = this.used;
        // encodeInto stops before a character that does not fit, never inside one.
        const { read, written } = encoder.encodeInto(
          at === 0 ? piece : piece.slice(at),
          bytes.subarray(start),
        );
        at += read;
        this.used += written;
        if (written > 0 || first) this.segments.push([file, start, this.used, first, false]);
        first = false;
        if (at < piece.length) await this.send();
      }
    }
    const last = this.segments.at(-1);
    if (last?.[0] === file) last[4] = true;
    else this.segments.push([file, this.used, this.used, false, true]);
  }

  private async writeBytes(file: string, content: Uint8Array): Promise<void> {
    let at = 0;
    let first = true;
    while (at < content.length || first) {
      const bytes = this.bytes ?? (await this.take());
      const start = this.used;
      const length = Math.min(content.length - at, bytes.length - start);
      bytes.set(content.subarray(at, at + length), start);
      at += length;
      this.used += length;
      const last = at === content.length;
      this.segments.push([file, start, this.used, first, last]);
      first = false;
      if (!last) await this.send();
    }
  }

  /** Writes what is buffered, waits for every write, and stops the thread. Throws the first write error. */
  async close(): Promise<void> {
    try {
      if (this.segments.length > 0) await this.send();
      while (this.outstanding > 0 && !this.failure) await this.reply();
      if (this.failure) throw this.failure;
    } finally {
      await this.worker.terminate();
    }
  }

  /** The next free buffer, waiting for the writer thread to hand one back if need be. */
  private async take(): Promise<Uint8Array> {
    while (this.free.length === 0 && !this.failure) await this.reply();
    if (this.failure) throw this.failure;
    this.bytes = new Uint8Array(this.free.pop() as ArrayBuffer);
    this.used = 0;
    return this.bytes;
  }

  private async send(): Promise<void> {
    if (this.failure) throw this.failure;
    const buffer = (this.bytes ?? (await this.take())).buffer as ArrayBuffer;
    this.worker.postMessage({ buffer, segments: this.segments }, [buffer]);
    this.outstanding++;
    this.bytes = undefined;
    this.segments = [];
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
