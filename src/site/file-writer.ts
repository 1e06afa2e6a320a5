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
import { THREAD_RESOURCE_LIMITS } from "./thread-limits.js";

/** Bytes per buffer: a few dozen entry pages, or a slice of a large file. */
const BUFFER_BYTES = 1 << 18;
/**
 * Buffers in all: while the writer thread writes some, the main thread fills another; when all are out,
 * the main thread waits, so the pages held in memory stay a megabyte or two however large the site.
 */
const BUFFERS = 6;

/** Part of a file in a buffer: bytes [start, end); `first` creates (or truncates) it, `last` closes it. */
type Segment = [path: string, start: number, end: number, first: boolean, last: boolean];
type Reply = { buffer: ArrayBuffer } | { done: true } | { error: { message: string; code?: string } };

const WRITER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, rmdirSync, rmSync, unlinkSync, writeSync } = fs;
const { O_NOFOLLOW, O_WRONLY } = fs.constants;
const { dirname, sep } = require("node:path");
// Folders known to exist (made here, or found in the recycled folder).
const folders = new Set();
// Open files: their descriptor, and the size the file had before (recycled files), to cut it to what is written.
const open = new Map();
// Recycling (see recycle): the files found there not written yet, the folders found, and the folders written into.
let recycled;
let found = new Set();
let foundFolders = [];
const used = new Set();
let failed = false;
const gone = (p) => rmSync(p, { recursive: true, force: true });

/**
 * Takes a folder an earlier build wrote as the place to write this one's files: notes its files and folders,
 * and removes whatever else is there (a link is removed, never followed: nothing is written through one).
 */
function recycle(root) {
  recycled = root;
  folders.add(root);
  for (const pending = [root]; pending.length > 0; ) {
    const folder = pending.pop();
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      // Not path.join, which normalises every path it makes (a third of the walk's time): \`root\` is already
      // normal, as the paths written into it are, and a name never holds a separator.
      const p = folder + sep + entry.name;
      if (entry.isDirectory()) {
        folders.add(p);
        foundFolders.push(p);
        pending.push(p);
      } else if (entry.isFile()) found.add(p);
      else gone(p);
    }
  }
}

/** Makes \`folder\` (and those above it), removing any file of the recycled folder in the way. */
function makeFolder(folder) {
  if (recycled !== undefined)
    for (let up = folder; up.length > recycled.length && !folders.has(up); up = dirname(up))
      if (found.delete(up)) unlinkSync(up);
  mkdirSync(folder, { recursive: true });
  for (let up = folder; !folders.has(up); up = dirname(up)) folders.add(up);
}

function openFile(file) {
  const folder = dirname(file);
  if (!folders.has(folder)) makeFolder(folder);
  unused.delete(folder);
  if (recycled !== undefined) {
    for (let up = folder; up.length >= recycled.length && !used.has(up); up = dirname(up)) used.add(up);
    if (folders.has(file)) {
      // A folder where a file goes.
      gone(file);
      for (const f of folders) if (f.startsWith(file + sep)) folders.delete(f);
      folders.delete(file);
    } else if (found.delete(file)) {
      // Written over in place: no new inode, and no blocks freed and taken again when the size is the same.
      const fd = openSync(file, O_WRONLY | O_NOFOLLOW);
      const { nlink, size } = fstatSync(fd);
      // A file with another name elsewhere (a hard link) is left as it is: the new one gets an inode of its own.
      if (nlink === 1) return { fd, size, written: 0 };
      closeSync(fd);
      unlinkSync(file);
    }
  }
  return { fd: openSync(file, "w"), size: 0, written: 0 };
}

// Folders to make before their files are written (makeAhead), in the order asked, and how many are made.
let ahead = [];
let aheadDone = 0;
// Folders made ahead that no file has gone into yet: removed at the end, if still empty.
const unused = new Set();
/** Makes a few of the folders asked for ahead, then lets the messages that came meanwhile go first. */
function makeSomeAhead() {
  const end = Math.min(ahead.length, aheadDone + 64);
  try {
    for (; aheadDone < end && !failed; aheadDone++) {
      const folder = ahead[aheadDone];
      if (folders.has(folder)) continue;
      makeFolder(folder);
      unused.add(folder);
    }
  } catch {
    // Left to the write into it, which reports what is wrong.
    ahead = [];
    aheadDone = 0;
  }
  if (aheadDone < ahead.length && !failed) setImmediate(makeSomeAhead);
}

/**
 * Removes the folders made ahead that nothing was written into (asked for an entry the site turned out not
 * to have), and, recycling, what the recycled folder held that this build did not write.
 */
function finish() {
  for (const folder of unused)
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (a file went into a folder below it): it stays.
    }
  if (recycled === undefined) return;
  // (A folder no longer in \`folders\` was removed for a file of the same name.)
  for (const folder of foundFolders) if (folders.has(folder) && !used.has(folder)) gone(folder);
  for (const file of found) if (used.has(dirname(file))) gone(file);
}

parentPort.on("message", (message) => {
  if (message.ahead !== undefined) {
    // Asked again (the records told of as they are read, then the rest): the new ones queue behind.
    const idle = aheadDone === ahead.length;
    for (const folder of message.ahead) ahead.push(folder);
    if (idle) setImmediate(makeSomeAhead);
    return;
  }
  // Every other message gets one answer: its buffer back, "done", or the first error.
  if (message.recycle !== undefined || message.finish) {
    if (!failed)
      try {
        if (message.finish) finish();
        else recycle(message.recycle);
      } catch (error) {
        return fail(error);
      }
    return parentPort.postMessage({ done: true });
  }
  const { buffer, segments } = message;
  if (failed) return parentPort.postMessage({ buffer }, [buffer]);
  const bytes = new Uint8Array(buffer);
  try {
    for (const [file, start, end, first, last] of segments) {
      if (first) open.set(file, openFile(file));
      const handle = open.get(file);
      for (let at = start; at < end; ) at += writeSync(handle.fd, bytes, at, end - at);
      handle.written += end - start;
      if (last) {
        if (handle.size > handle.written) ftruncateSync(handle.fd, handle.written);
        closeSync(handle.fd);
        open.delete(file);
      }
    }
    parentPort.postMessage({ buffer }, [buffer]);
  } catch (error) {
    fail(error);
  }
});

function fail(error) {
  failed = true;
  for (const { fd } of open.values()) closeSync(fd);
  open.clear();
  parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
}
`;

const encoder = new TextEncoder();

/**
 * A file's text, its text in pieces (none ending inside a surrogate pair; made as they are asked for, if
 * they come from a generator), or its bytes.
 */
export type FileContent = string | Iterable<string> | Uint8Array;

/** Where `fill` is in a file's pieces: the piece being encoded (undefined: take the next), and how far. */
interface PieceCursor {
  pieces: Iterator<string>;
  piece: string | undefined;
  at: number;
  /** Nothing of the file is in a buffer yet. */
  first: boolean;
}

/** Writes files (absolute paths) on a thread of its own; `close` waits for every write and reports the first failure. */
export class FileWriter {
  // A small young generation (thread-limits.ts says why).
  private readonly worker = new Worker(WRITER_SOURCE, { eval: true, resourceLimits: THREAD_RESOURCE_LIMITS });
  private readonly free: ArrayBuffer[] = Array.from({ length: BUFFERS }, () => new ArrayBuffer(BUFFER_BYTES));
  private outstanding = 0;
  private bytes: Uint8Array | undefined;
  private used = 0;
  private segments: Segment[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  /**
   * @param recycle a folder an earlier build wrote, into which the files go instead of a fresh one: its
   *   files are written over in place, and what this build does not write is removed at `close`. On a file
   *   system that must not soon reuse a deleted file's inode (ext4 without a journal, as on this project's
   *   VMs), writing 20,000 new files and folders just after the last build's were deleted spent seconds in
   *   the kernel looking for inodes; written over, the same files cost what writing their bytes costs.
   */
  constructor(recycle?: string) {
    this.worker.on("message", (reply: Reply) => {
      this.outstanding--;
      if ("error" in reply)
        this.failure ??= Object.assign(new Error(reply.error.message), { code: reply.error.code });
      else if ("buffer" in reply) this.free.push(reply.buffer);
      this.wake?.();
    });
    if (recycle !== undefined) {
      this.worker.postMessage({ recycle });
      this.outstanding++;
    }
    this.worker.on("error", (error) => {
      this.failure ??= error;
      this.outstanding = 0;
      this.wake?.();
    });
    // Out of memory, say: a write that will never be answered must not be waited for.
    this.worker.on("exit", () => {
      if (this.outstanding === 0) return;
      this.failure ??= new Error("the site's writer thread stopped before it finished");
      this.outstanding = 0;
      this.wake?.();
    });
  }

  /**
   * Asks for `folders` (absolute paths) to be made ahead of the files written into them, a few at a time
   * whenever the thread would otherwise wait for the next buffer; asked again, it makes the new ones after
   * those asked before. In a first build into an empty folder, making 10,000 entry folders and their files
   * is most of this thread's work, while it waits for the first pages. Nothing is answered: a folder that
   * cannot be made is left to the write that needs it, which reports why. A folder made ahead that no file
   * goes into, not even below it, is removed at `close`.
   */
  makeAhead(folders: readonly string[]): void {
    this.worker.postMessage({ ahead: folders });
  }

  /**
   * Encodes a file (its text, or its text in pieces) into the buffers, or copies its bytes there, sending
   * each buffer as it fills; resolves at once unless every buffer is out.
   */
  async write(file: string, content: FileContent): Promise<void> {
    if (this.failure) throw this.failure;
    if (content instanceof Uint8Array) return this.writeBytes(file, content);
    const pieces = typeof content === "string" ? [content] : content;
    const cursor: PieceCursor = { pieces: pieces[Symbol.iterator](), piece: undefined, at: 0, first: true };
    // The pieces are encoded by `fill`, a plain method; this one only waits, between buffers. With the loop
    // over a list page's 20,000 pieces here, V8 compiled this async function while the loop ran, and in one
    // build out of three or four then threw the compiled code away ~1,300 times, 0.2 ms each.
    for (;;) {
      if (this.bytes === undefined) await this.take();
      if (!this.fill(file, cursor)) break;
      await this.send();
    }
    const last = this.segments.at(-1);
    if (last?.[0] === file) last[4] = true;
    else this.segments.push([file, this.used, this.used, false, true]);
  }

  /**
   * Encodes the file's pieces from `cursor` on into the current buffer: false once every piece is in, true
   * when the buffer is full first (the cursor then holds where to go on).
   */
  private fill(file: string, cursor: PieceCursor): boolean {
    const bytes = this.bytes as Uint8Array;
    for (;;) {
      let piece = cursor.piece;
      if (piece === undefined) {
        const next = cursor.pieces.next();
        if (next.done === true) {
          // No piece at all is an empty file, as one empty piece is (an empty .nojekyll).
          if (cursor.first) this.addSegment(file, this.used, true);
          cursor.first = false;
          return false;
        }
        cursor.piece = piece = next.value;
        cursor.at = 0;
      }
      const start = this.used;
      // encodeInto stops before a character that does not fit, never inside one.
      const { read, written } = encoder.encodeInto(
        cursor.at === 0 ? piece : piece.slice(cursor.at),
        bytes.subarray(start),
      );
      cursor.at += read;
      this.used += written;
      if (written > 0 || cursor.first) this.addSegment(file, start, cursor.first);
      cursor.first = false;
      if (cursor.at < piece.length) return true;
      cursor.piece = undefined;
    }
  }

  /**
   * Notes bytes [start, this.used) of the buffer as `file`'s. A piece that follows the file's last one in the
   * buffer lengthens it: a list page comes in a piece per card (20,000 for the index at 10,000 records),
   * and as segments of their own they were as many `writeSync` calls and tuples to copy to the thread.
   */
  private addSegment(file: string, start: number, first: boolean): void {
    const previous = this.segments.at(-1);
    if (!first && previous !== undefined && previous[0] === file && previous[2] === start)
      previous[2] = this.used;
    else this.segments.push([file, start, this.used, first, false]);
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

  /**
   * Writes what is buffered, waits for every write (and, recycling, for the removal of what was not
   * written), and stops the thread. Throws the first write error. Called again, answers as the first call.
   */
  close(): Promise<void> {
    return (this.closed ??= this.finish());
  }

  /** Stops the thread at once, with what it has not written yet (a build that failed). */
  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  private closed: Promise<void> | undefined;

  private async finish(): Promise<void> {
    try {
      if (this.segments.length > 0) await this.send();
      // The thread answers in order: once it has finished, every write before is done.
      this.worker.postMessage({ finish: true });
      this.outstanding++;
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
