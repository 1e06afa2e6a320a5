/**
 * Reading optional files: the README a build may be creating, the cache and state of a first check run,
 * the issue form a project may not have. One helper, so "missing" means the same everywhere.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Diagnostic } from "./diagnostics.js";

/**
 * A file's UTF-8 text. fs's `readFile(file, "utf8")` decodes chunk by chunk through a StringDecoder (Node 20),
 * which cost 100 ms of the 17 MB data file of 10,000 records; one Buffer read decoded at once takes ~15 ms and
 * gives the same string (invalid bytes become U+FFFD either way).
 */
export async function readUtf8(file: string): Promise<string> {
  return (await readFile(file)).toString("utf8");
}

/** Where a file stops being UTF-8: the first byte that is not, 1-based line and column (in characters). */
export interface InvalidUtf8 {
  line: number;
  column: number;
  byte: number;
}

/**
 * The first byte of `bytes` that is not UTF-8, given `text`, their decoding (in which each such byte became
 * U+FFFD). A file written back from that text would carry U+FFFD where its bytes were: an edit of one record
 * would change other lines. Only a text holding U+FFFD is compared byte by byte (a scan that costs
 * milliseconds on 17 MB); a U+FFFD the file really holds is UTF-8 and is not reported.
 */
export function firstInvalidUtf8(bytes: Uint8Array, text: string): InvalidUtf8 | undefined {
  if (!text.includes("\uFFFD")) return undefined;
  const again = Buffer.from(text, "utf8");
  let at = 0;
  while (at < bytes.length && at < again.length && bytes[at] === again[at]) at++;
  if (at === bytes.length && at === again.length) return undefined;
  // The text before the byte: everything up to the last whole character before it.
  let start = at;
  while (start > 0 && ((bytes[start] as number) & 0xc0) === 0x80) start--;
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, start).toString("utf8");
  const lineStart = before.lastIndexOf("\n") + 1;
  return {
    line: before.split("\n").length,
    column: [...before.slice(lineStart)].length + 1,
    byte: bytes[at] ?? 0,
  };
}

/** The message for a file that is not UTF-8, the same wherever it is read. */
export function invalidUtf8Message(found: InvalidUtf8): string {
  return `not UTF-8: byte 0x${found.byte.toString(16).toUpperCase().padStart(2, "0")} at line ${found.line}, column ${found.column}; save the file as UTF-8 (papershelf would otherwise write U+FFFD in its place)`;
}

/** A diagnostic for a records file that is not UTF-8, at its first bad byte. */
export function invalidUtf8Diagnostic(file: string, found: InvalidUtf8): Diagnostic {
  const { line, column } = found;
  return { ruleId: "encoding", severity: "error", message: invalidUtf8Message(found), file, line, column };
}

export type StrictText = { ok: true; text: string } | { ok: false; invalid: InvalidUtf8 };

/** Bytes as UTF-8 text; bytes that are not UTF-8 are refused with where they break. */
export function decodeUtf8Strict(bytes: Uint8Array): StrictText {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
  const invalid = firstInvalidUtf8(bytes, text);
  return invalid ? { ok: false, invalid } : { ok: true, text };
}

/**
 * A file's UTF-8 text; a file that is not UTF-8 is refused with where it breaks. Read in one call: fs/promises
 * reads in 512 KiB chunks, each a trip through libuv's pool and back through the event loop (a 26 MB records
 * file: 25-50 ms that way, 15-20 ms in one read, measured here).
 */
export async function readUtf8Strict(file: string): Promise<StrictText> {
  return decodeUtf8Strict(readFileSync(file));
}

/** The file's UTF-8 text, or undefined when it does not exist. Any other failure (a folder, no permission) throws. */
export async function readTextOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await readUtf8(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw cause;
  }
}
