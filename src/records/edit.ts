/**
 * Edits to data/papers.yaml that keep every other byte: the intake inserts a record, `fix` replaces a URL.
 * Each edit splices text (so comments, quoting and blank lines elsewhere survive) and is then verified by
 * re-parsing: if anything but the intended change differs, the edit is refused rather than written.
 * Reading uses the same js-yaml load as everything else (RecordSource: node ranges and scalar styles);
 * only the new record's text comes from the `yaml` package's stringify, which can force block literals
 * and never fold long lines, so a written record reads back byte for byte on the next edit.
 */
import { randomBytes } from "node:crypto";
import { open, realpath, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { stringifyYaml as stringify } from "./yaml-stringify.js";
import type { Diagnostic } from "./diagnostics.js";
import { EntrySchema, type Entry, type PapersFile } from "./schema.js";
import { RecordSource, type PathSegment, type SeqNode, type SourceNode } from "./source.js";
import { flattenCategories } from "./validate.js";
import { loadYamlValue } from "./yaml-data.js";

export type EditResult = { ok: true; text: string } | { ok: false; errors: Diagnostic[] };

const ENTRY_KEY_ORDER = Object.keys(EntrySchema.properties);

function failure(file: string, message: string, line = 1, column = 1): EditResult {
  return { ok: false, errors: [{ ruleId: "edit", severity: "error", message, file, line, column }] };
}

/** Entry keys in schema order, so every record reads the same way in diffs. */
function orderEntry(entry: Entry): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of ENTRY_KEY_ORDER) {
    const value = (entry as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  for (const [key, value] of Object.entries(entry))
    if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered;
}

/**
 * One entry as a YAML sequence item ("- id: …" lines), indented by `indent` spaces. Multi-line text becomes
 * a block literal, long lines are never folded (a folded 摘要 would change on the next round trip).
 */
export function stringifyEntry(entry: Entry, indent = 2): string {
  const text = stringify([orderEntry(entry)], { lineWidth: 0, blockQuote: "literal", indent: 2 });
  const pad = " ".repeat(indent);
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

interface Loaded {
  source: RecordSource;
  data: PapersFile;
  entries: SeqNode;
}

function load(text: string, file: string): Loaded | EditResult {
  const source = new RecordSource(file, text);
  const plain = source.toData();
  if (!plain.ok) {
    const why =
      source.loaded.ok || source.loaded.problem.kind === "alias"
        ? plain.message
        : `the file has YAML errors (${plain.message})`;
    return failure(file, `cannot edit: ${why}`, plain.position.line, plain.position.column);
  }
  const entries = source.nodeAt(["entries"]);
  if (entries?.kind !== "seq") return failure(file, 'cannot edit: the file has no "entries:" list');
  return { source, data: plain.data as PapersFile, entries };
}

/** The file's line break, read from its first line: what an edit writes its new lines with. */
function lineBreakOf(text: string): "\n" | "\r\n" {
  const first = text.indexOf("\n");
  return first > 0 && text[first - 1] === "\r" ? "\r\n" : "\n";
}

/** `inserted` (made with "\n") with the line breaks of `text`: a CRLF file stays CRLF through an edit. */
function withLineBreaksOf(text: string, inserted: string): string {
  return lineBreakOf(text) === "\n" ? inserted : inserted.replace(/\n/g, "\r\n");
}

/** Offset of the first character of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset just after the line end that closes an item whose content ends at `end`. */
function afterLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === "\n") return end;
  const newline = text.indexOf("\n", end);
  return newline === -1 ? text.length : newline + 1;
}

/** [start, end) of an entry's lines: from its "- " line to the end of its last value's line. */
function itemSpan(text: string, node: SourceNode): [number, number] {
  return [lineStart(text, node.start), afterLine(text, node.end)];
}

/** Indentation of the sequence's dashes, read from the first item. */
function dashIndent(text: string, entries: SeqNode): number {
  const first = entries.items[0];
  if (!first) return 2;
  const start = lineStart(text, first.start);
  const dash = text.indexOf("-", start);
  return dash >= start ? dash - start : 2;
}

function verify(
  before: PapersFile,
  afterText: string,
  file: string,
  expected: (data: PapersFile) => PapersFile,
): EditResult {
  const after = new RecordSource(file, afterText);
  const plain = after.toData();
  if (!plain.ok) return failure(file, `edit refused: the result would not load (${plain.message})`);
  const want = JSON.stringify(expected(structuredClone(before)));
  const got = JSON.stringify(plain.data);
  if (want !== got)
    return failure(
      file,
      "edit refused: the result differs from the intended change beyond the edited record",
    );
  return { ok: true, text: afterText };
}

/** Where a new entry of `category` goes: after the last entry of its category, else of the nearest earlier one. */
function insertionIndex(data: PapersFile, category: string): number {
  const order = flattenCategories(data.categories).map((c) => c.category.id);
  const rank = new Map(order.map((id, i) => [id, i]));
  const target = rank.get(category) ?? order.length;
  let index = 0;
  data.entries.forEach((e, i) => {
    if ((rank.get(e.category) ?? order.length) <= target) index = i + 1;
  });
  return index;
}

/** Inserts `entry` at the end of its category (display order). No other byte of the file changes. */
export function insertEntry(text: string, entry: Entry, file = "data/papers.yaml"): EditResult {
  const loaded = load(text, file);
  if ("ok" in loaded) return loaded;
  const { data, entries } = loaded;
  if (data.entries.some((e) => e.id === entry.id))
    return failure(file, `an entry with id "${entry.id}" already exists`);
  const index = insertionIndex(data, entry.category);
  let next: string;
  if (entries.items.length === 0) {
    // `entries: []` (or an empty block): rewrite just that value as a block sequence.
    const { start, end } = entries;
    const block = withLineBreaksOf(text, `\n${stringifyEntry(entry, 2)}`);
    next =
      text.slice(0, start).replace(/(?<![ \t])[ \t]*$/, "") +
      block +
      text.slice(end).replace(/^[^\n]*\n?/, "");
  } else {
    const block = stringifyEntry(entry, dashIndent(text, entries));
    const previous = entries.items[index - 1];
    const at = previous ? itemSpan(text, previous)[1] : itemSpan(text, entries.items[0] as SourceNode)[0];
    const prefix = at === text.length && !text.endsWith("\n") ? "\n" : "";
    next = text.slice(0, at) + withLineBreaksOf(text, prefix + block) + text.slice(at);
  }
  return verify(data, next, file, (d) => {
    d.entries.splice(index, 0, JSON.parse(JSON.stringify(orderEntry(entry))) as Entry);
    return d;
  });
}

function findEntry(loaded: Loaded, id: string): number {
  return loaded.data.entries.findIndex((e) => e.id === id);
}

/** Replaces the record with id `id` by `entry` (same place). No other byte changes. */
export function replaceEntry(text: string, id: string, entry: Entry, file = "data/papers.yaml"): EditResult {
  const loaded = load(text, file);
  if ("ok" in loaded) return loaded;
  const index = findEntry(loaded, id);
  if (index === -1) return failure(file, `no entry with id "${id}"`);
  const [start, end] = itemSpan(text, loaded.entries.items[index] as SourceNode);
  const written = withLineBreaksOf(text, stringifyEntry(entry, dashIndent(text, loaded.entries)));
  const next = text.slice(0, start) + written + text.slice(end);
  return verify(loaded.data, next, file, (d) => {
    d.entries[index] = JSON.parse(JSON.stringify(orderEntry(entry))) as Entry;
    return d;
  });
}

/** Removes the record with id `id`. No other byte changes. */
export function removeEntry(text: string, id: string, file = "data/papers.yaml"): EditResult {
  const loaded = load(text, file);
  if ("ok" in loaded) return loaded;
  const index = findEntry(loaded, id);
  if (index === -1) return failure(file, `no entry with id "${id}"`);
  const [start, end] = itemSpan(text, loaded.entries.items[index] as SourceNode);
  return verify(loaded.data, text.slice(0, start) + text.slice(end), file, (d) => {
    d.entries.splice(index, 1);
    return d;
  });
}

/** True when `value` reads back as the same string written plain (no quotes). */
function plainIsSafe(value: string): boolean {
  if (value === "" || /^[\s]|[\s]$|[\n\r\t]|: |\s#|^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  const parsed = loadYamlValue(value);
  return parsed.ok && parsed.data === value;
}

/** One scalar replacement: the value at `path` becomes `value`. */
export interface ScalarEdit {
  path: readonly PathSegment[];
  value: string;
}

/** The replacement text of one scalar, keeping its quoting style where it can; an error when it cannot. */
function replacement(
  loaded: Loaded,
  edit: ScalarEdit,
  file: string,
): { start: number; end: number; written: string } | EditResult {
  const node = loaded.source.nodeAt(edit.path);
  if (node?.kind !== "scalar") return failure(file, `no single value at ${edit.path.join(".")}`);
  if (node.style === "literal" || node.style === "folded") {
    const pos = loaded.source.position(edit.path);
    return failure(
      file,
      `cannot replace the block text at ${edit.path.join(".")} in place`,
      pos.line,
      pos.column,
    );
  }
  const { value } = edit;
  let written: string;
  if (node.style === "plain" && plainIsSafe(value)) written = value;
  else if (node.style === "single-quoted" && !/[\n\r]/.test(value))
    written = `'${value.replace(/'/g, "''")}'`;
  else written = JSON.stringify(value); // JSON escapes are valid in YAML double-quoted scalars
  return { start: node.start, end: node.end, written };
}

function setAt(data: PapersFile, edit: ScalarEdit): void {
  let target: unknown = data;
  for (const seg of edit.path.slice(0, -1)) target = (target as Record<string | number, unknown>)[seg];
  (target as Record<string | number, unknown>)[edit.path[edit.path.length - 1] as string | number] =
    edit.value;
}

/** Replaces one scalar value (e.g. a URL). Keeps the quoting style where it can; no other byte changes. */
export function setScalar(
  text: string,
  dataPath: readonly PathSegment[],
  value: string,
  file = "data/papers.yaml",
): EditResult {
  const { text: next, results } = setScalars(text, [{ path: dataPath, value }], file);
  const result = results[0];
  return result && !result.ok ? result : { ok: true, text: next };
}

/**
 * Replaces many scalars with one load and one check of the result: `fix` on a list with a thousand dead
 * links would otherwise parse the whole file twice per link. Each edit succeeds or is refused on its own
 * (a block text, a path that is not a value); should the combined result fail the check, the edits are
 * tried one by one so each refusal names its own cause.
 */
export function setScalars(
  text: string,
  edits: readonly ScalarEdit[],
  file = "data/papers.yaml",
): { text: string; results: EditResult[] } {
  const loaded = load(text, file);
  if ("ok" in loaded) return { text, results: edits.map(() => loaded) };
  const results: EditResult[] = [];
  const splices: { start: number; end: number; written: string }[] = [];
  const accepted: ScalarEdit[] = [];
  for (const edit of edits) {
    const planned = replacement(loaded, edit, file);
    if ("ok" in planned) {
      results.push(planned);
      continue;
    }
    results.push({ ok: true, text: "" });
    splices.push(planned);
    accepted.push(edit);
  }
  if (splices.length === 0) return { text, results };
  // Splice from the end so earlier offsets stay valid; two edits of one value keep the last.
  const ordered = [...splices].reverse().sort((a, b) => b.start - a.start);
  let next = text;
  let limit = Infinity;
  for (const s of ordered) {
    if (s.end > limit) continue;
    next = next.slice(0, s.start) + s.written + next.slice(s.end);
    limit = s.start;
  }
  const checked = verify(loaded.data, next, file, (d) => {
    for (const edit of accepted) setAt(d, edit);
    return d;
  });
  if (checked.ok) return { text: next, results: results.map((r) => (r.ok ? checked : r)) };
  if (edits.length === 1) return { text, results: [checked] };
  let current = text;
  const oneByOne = edits.map((edit) => {
    const single = setScalars(current, [edit], file);
    if (single.results[0]?.ok) current = single.text;
    return single.results[0] ?? checked;
  });
  return { text: current, results: oneByOne };
}

/** Shared with the field edits (edit-fields.ts), which splice inside one record. */
export {
  load as loadForEdit,
  verify as verifyEdit,
  lineStart,
  afterLine,
  withLineBreaksOf,
  failure as editFailure,
};

/**
 * Writes through a temp file in the same folder + rename, so a crash never leaves a half-written file.
 * `text` may come as the parts it was made of (a generated README): they are encoded into one reused
 * buffer rather than joined first, so a 17 MB file costs no second copy of itself (on this project's VMs
 * every fresh megabyte of memory costs ~4 ms of page faults).
 *
 * As write-file-atomic does: a symbolic link is written through (the file it names changes, the link stays
 * a link; a rename onto the link replaced it with a copy), and an existing file keeps its permission bits.
 */
export async function writeTextAtomic(file: string, text: string | readonly string[]): Promise<void> {
  const target = await realpath(file).catch(() => file);
  const mode = await stat(target).then(
    (existing) => existing.mode & 0o7777,
    () => undefined,
  );
  // A file made read-only is left alone: the rename below would replace it all the same (a reviewer's
  // `chmod 444 README.md` went unnoticed).
  if (mode !== undefined && (mode & 0o222) === 0) throw cannotWrite(file, "EACCES");
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`,
  );
  // A folder that may not be written in: the error names the file asked for, not the temporary one.
  const handle = await open(temp, "w").catch((error: NodeJS.ErrnoException) => {
    throw error.code === undefined ? error : cannotWrite(file, error.code, error);
  });
  try {
    if (typeof text === "string") await handle.writeFile(text, "utf8");
    else await writeParts(handle, text);
    // After open, which the umask trims: the file's own bits, as they were.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The system error for `file` that cannot be written: what the CLI reports as "cannot write <file>: …". */
function cannotWrite(file: string, code: string, cause?: Error): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: cannot write ${file}`, { cause }), {
    code,
    syscall: "write",
    path: file,
  });
}

/** Most bytes one UTF-16 code unit becomes in UTF-8 (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_PER_UNIT = 3;
const WRITE_BUFFER_BYTES = 1 << 20;

async function writeParts(handle: FileHandle, parts: readonly string[]): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  let used = 0;
  for (const part of parts) {
    if (part.length * MAX_UTF8_PER_UNIT > buffer.length - used) {
      if (used > 0) await handle.write(buffer, 0, used);
      used = 0;
      if (part.length * MAX_UTF8_PER_UNIT > buffer.length) {
        await handle.write(part, null, "utf8");
        continue;
      }
    }
    used += buffer.write(part, used, "utf8");
  }
  if (used > 0) await handle.write(buffer, 0, used);
}
