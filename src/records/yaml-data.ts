/**
 * YAML text → plain data plus a tree of source ranges, in one js-yaml pass. js-yaml's `listener` sees every
 * node open and close (RESEARCH.md "YAML speed": 10,000 records load ~10× faster than with the `yaml`
 * package, positions included). Never throws on bad input: a syntax error, a repeated key, an alias or a
 * tag comes back as a result with the offset it is about.
 *
 * Aliases are refused: they resolve to shared references (a walk over them can blow up) and a hand-written
 * list never needs them. Anchors and tags are refused with them: a data file has no use for either, and
 * refusing them keeps every node's range exact and the reading the same as the `yaml` package's.
 */
import { load, YAMLException, type State } from "js-yaml";
import { CORE_12_SCHEMA } from "./yaml-schema.js";

export type ScalarStyle = "plain" | "single-quoted" | "double-quoted" | "literal" | "folded";

/** [start, end) character offsets into the text. */
interface NodeBase {
  start: number;
  end: number;
}
export interface ScalarNode extends NodeBase {
  kind: "scalar";
  style: ScalarStyle;
  /** The value as loaded (string, number, boolean or null). */
  value: unknown;
}
export interface MapNode extends NodeBase {
  kind: "map";
  /** The mapping as loaded. */
  value: unknown;
  flow: boolean;
  pairs: { key: SourceNode; value: SourceNode }[];
}
export interface SeqNode extends NodeBase {
  kind: "seq";
  /** The list as loaded. */
  value: unknown;
  flow: boolean;
  items: SourceNode[];
}
export type SourceNode = ScalarNode | MapNode | SeqNode;

export type YamlProblemKind = "syntax" | "duplicate-key" | "alias";

export type YamlLoadResult =
  | { ok: true; data: unknown; root: SourceNode | undefined; warnings: YamlProblem[] }
  | { ok: false; problem: YamlProblem };

export interface YamlProblem {
  kind: YamlProblemKind;
  message: string;
  start: number;
  end: number;
}

/** Thrown from the listener to stop the load at a refused construct; caught in `loadYaml`. */
class Refused extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message);
  }
}

const ALIAS_IN_VALUE: YamlProblem = { kind: "alias", start: 0, end: 0, message: "aliases are not allowed" };

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** First offset at or after `from` that is not whitespace or a comment: where a node's text begins. */
function skipSeparation(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) i++;
    else if (c === 0x23 /* # */ && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
      const newline = text.indexOf("\n", i);
      i = newline === -1 ? text.length : newline;
    } else break;
  }
  return i;
}

/** Offset just after the last non-blank character before `end` (not before `start`). */
function trimEnd(text: string, start: number, end: number): number {
  let i = Math.min(end, text.length);
  while (i > start && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

function styleOf(char: number): ScalarStyle {
  switch (char) {
    case 0x27 /* ' */:
      return "single-quoted";
    case 0x22 /* " */:
      return "double-quoted";
    case 0x7c /* | */:
      return "literal";
    case 0x3e /* > */:
      return "folded";
    default:
      return "plain";
  }
}

/** The name after `&` or `*` at `offset`. */
function propertyName(text: string, offset: number): string {
  return /^[^\s,[\]{}]*/.exec(text.slice(offset + 1, offset + 200))?.[0] ?? "";
}

function refuse(text: string, offset: number): never {
  const char = text[offset];
  const name = propertyName(text, offset);
  const end = offset + 1 + name.length;
  if (char === "*")
    throw new Refused({
      kind: "alias",
      start: offset,
      end,
      message: `YAML alias "*${name}": aliases are not allowed in the data file; write the value out where it is used`,
    });
  if (char === "&")
    throw new Refused({
      kind: "alias",
      start: offset,
      end,
      message: `YAML anchor "&${name}": anchors and aliases are not allowed in the data file; write the value out where it is used`,
    });
  const tag = /^!\S*/.exec(text.slice(offset, offset + 200))?.[0] ?? "!";
  throw new Refused({
    kind: "syntax",
    start: offset,
    end: offset + tag.length,
    message: `YAML tag "${tag}": tags are not used in the data file; write the value plainly (quote it to keep it text)`,
  });
}

/** `&anchor`, `*alias`, `!tag`. */
const isProperty = (c: number) => c === 0x26 || c === 0x2a || c === 0x21;
const NO_CHILDREN: readonly SourceNode[] = [];

/**
 * A block collection's children without the empty node js-yaml opens where it looks for one more item and
 * finds the document's end (`...`, or `---` before a next document): the file `a: 1\n...\n` is one valid
 * document, and that node made its mapping look like a `? key` construct.
 */
function withoutDocumentEnd(text: string, children: readonly SourceNode[]): readonly SourceNode[] {
  const tail = children[children.length - 1];
  if (tail?.kind !== "scalar" || tail.value !== null || tail.start !== tail.end) return children;
  const at = skipSeparation(text, tail.start);
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return at === lineStart && /^(?:\.\.\.|---)(?:[ \t\r\n]|$)/.test(text.slice(at, at + 4))
    ? children.slice(0, -1)
    : children;
}

/** Builds the finished node for a frame that js-yaml just closed. Runs once per node: kept lean. */
function finish(
  text: string,
  open: number,
  children: readonly SourceNode[],
  shift: number,
  state: State,
): SourceNode {
  const result: unknown = state.result;
  const kind = state.kind as string | null;
  // Nothing was read (`key:` with no value): an empty scalar at the place the value would start.
  if (kind === null && result === null) {
    let i = open;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
    if (isProperty(text.charCodeAt(i))) refuse(text, i);
    return { kind: "scalar", style: "plain", value: null, start: open, end: open };
  }
  // js-yaml reads a value that might be a mapping's first key inside a second node and keeps the inner
  // node's result: the outer node is a wrapper with the same value.
  const only = children.length === 1 ? children[0] : undefined;
  if (only && Object.is(only.value, result)) return only;

  const start = skipSeparation(text, open);
  const first = text.charCodeAt(start);
  if (isProperty(first)) refuse(text, start);
  const close = state.position + shift;
  if (kind === "scalar") {
    const style = styleOf(first);
    if (style === "single-quoted" || style === "double-quoted") {
      checkAfterQuote(text, close);
      checkQuotedLines(text, start, close);
    }
    return { kind: "scalar", style, value: result, start, end: trimEnd(text, start, close) };
  }
  const flow = first === 0x5b /* [ */ || first === 0x7b; /* { */
  children = withoutDocumentEnd(text, children);
  const last = children[children.length - 1];
  const end = flow ? trimEnd(text, start, close) : (last?.end ?? start);
  if (kind === "sequence" && Array.isArray(result)) {
    const items = alignItems(text, children, result, start);
    if (items) return { kind: "seq", flow, items, value: result, start, end };
  }
  if (kind === "mapping" && children.length % 2 === 0) {
    const pairs: MapNode["pairs"] = [];
    for (let i = 0; i < children.length; i += 2)
      pairs.push({ key: children[i] as SourceNode, value: children[i + 1] as SourceNode });
    if (pairs.length === Object.keys(result as object).length)
      return { kind: "map", flow, pairs, value: result, start, end };
  }
  // Explicit keys (`? key`), a pair inside a flow list ([a: b]) and the like: valid YAML, but not the
  // shape of a data file, and their nodes would not line up with the data.
  throw new Refused({
    kind: "syntax",
    start,
    end: trimEnd(text, start, close),
    message:
      "YAML syntax error: this construct (an explicit ? key or a key: value pair inside [ ]) is not supported in the data file; write a plain mapping or list",
  });
}

/**
 * js-yaml takes `'text'#note` as a value and a comment; YAML (and the `yaml` package) needs a space
 * before `#`, so this is refused like any syntax error.
 */
function checkAfterQuote(text: string, close: number): void {
  if (text[close] !== "#") return;
  throw new Refused({
    kind: "syntax",
    start: close,
    end: close + 1,
    message: "YAML syntax error: a comment needs a space before its #",
  });
}

/**
 * A quoted value may run over several lines, each indented more than the line it starts on. js-yaml also
 * reads less indented lines into it (an unclosed quote then swallows the next keys); YAML and the `yaml`
 * package refuse that, and so does the data file.
 */
function checkQuotedLines(text: string, start: number, close: number): void {
  let newline = text.indexOf("\n", start);
  if (newline === -1 || newline >= close) return;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === 0x20) indent++;
  while (newline !== -1 && newline < close) {
    let i = newline + 1;
    while (text.charCodeAt(i) === 0x20) i++;
    const c = text.charCodeAt(i);
    const blank = c === 0x0a || c === 0x0d || Number.isNaN(c);
    if (!blank && i - newline - 1 <= indent && i < close)
      throw new Refused({
        kind: "syntax",
        start: i,
        end: i,
        message:
          "YAML syntax error: a quoted value continues on a line that is not indented under it (is a closing quote missing?)",
      });
    newline = text.indexOf("\n", newline + 1);
  }
}

/**
 * The items of a block list, one per value. js-yaml reads an empty item (`-` and nothing else) without a
 * node, and then takes a less indented `-` below it into the same list (`a:\n  -\n    -\n  - b` gives one
 * list of three). An empty item is always a slip in a data file, so it is refused where it stands.
 */
function alignItems(
  text: string,
  children: readonly SourceNode[],
  values: readonly unknown[],
  start: number,
): SourceNode[] | undefined {
  if (children.length === values.length) return children as SourceNode[];
  if (children.length > values.length) return undefined;
  let next = 0;
  let after = start;
  for (let i = 0; i < values.length; i++) {
    const child = children[next];
    if (child && Object.is(child.value, values[i])) {
      after = child.end;
      next++;
      continue;
    }
    const dash = /-(?=[\s]|$)/g;
    dash.lastIndex = after;
    const at = dash.exec(text)?.index ?? after;
    throw new Refused({
      kind: "syntax",
      start: at,
      end: at + 1,
      message: "YAML syntax error: an empty list item (a - with no value); remove it or write its value",
    });
  }
  return undefined;
}

/** The key a duplicate-key error points at, and the line of its first use, for a message that names both. */
function duplicateKeyProblem(
  children: readonly SourceNode[],
  offset: number,
  positionLine: (o: number) => number,
): YamlProblem {
  const keys = children.filter((_, i) => i % 2 === 0);
  const repeated = keys.find((k) => k.start === offset);
  const name = repeated ? String(repeated.value) : undefined;
  const first = name === undefined ? undefined : keys.find((k) => String(k.value) === name);
  const end = repeated?.end ?? offset;
  if (name === undefined || !first || first === repeated)
    return {
      kind: "duplicate-key",
      start: offset,
      end,
      message: "duplicate key: a mapping may name each key once",
    };
  return {
    kind: "duplicate-key",
    start: offset,
    end,
    message: `duplicate key "${name}" (first on line ${positionLine(first.start)}); a mapping may name each key once: keep one`,
  };
}

function describeSyntaxError(error: YAMLException): string {
  const reason = error.reason || error.message.split("\n")[0] || "invalid YAML";
  return `YAML syntax error: ${reason}`;
}

/**
 * Where a second YAML document starts: a `---` line after any line of content (a first `---` only
 * starts the one document). Undefined when there is none. A marker line cannot sit inside a block or quoted
 * value, so a match is a marker.
 */
function secondDocument(text: string): number | undefined {
  const marker = /^---(?=[ \t]|\r?$)/gm;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    const before = text.slice(0, match.index);
    if (/^[ \t]*[^\s#%-]/m.test(before) || /^[ \t]*-(?!--)/m.test(before)) return match.index;
  }
  return undefined;
}

/**
 * Loads `text` (one YAML document) with js-yaml: the data, every node's range, or the first problem.
 * `lineOf` turns an offset into a 1-based line for messages that name another place.
 */
export function loadYaml(text: string, lineOf: (offset: number) => number): YamlLoadResult {
  // js-yaml drops a leading byte-order mark before reading, so its offsets are one short of ours.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The nodes being read, innermost last: where js-yaml opened each, and the children closed in it so far.
  // Parallel arrays reused across nodes rather than an object per node: this runs 340,000 times on 10k records.
  const opens: number[] = [];
  const kids: (SourceNode[] | undefined)[] = [];
  let depth = 0;
  let root: SourceNode | undefined;
  const warnings: YamlProblem[] = [];
  try {
    const data = load(text, {
      schema: CORE_12_SCHEMA,
      onWarning: (w: YAMLException) => {
        const at = (w.mark?.position ?? 0) + shift;
        warnings.push({ kind: "syntax", start: at, end: at, message: describeSyntaxError(w) });
      },
      listener(event, state) {
        if (event === "open") {
          opens[depth] = state.position + shift;
          kids[depth] = undefined;
          depth++;
          return;
        }
        depth--;
        const node = finish(text, opens[depth] ?? 0, kids[depth] ?? NO_CHILDREN, shift, state);
        kids[depth] = undefined;
        if (depth > 0) (kids[depth - 1] ??= []).push(node);
        else root = node;
      },
    });
    return { ok: true, data: data === undefined ? null : data, root, warnings };
  } catch (error) {
    if (!(error instanceof Refused) && !(error instanceof YAMLException)) throw error;
    // A second document (`---` after the records) breaks the file in ways js-yaml and the node checks
    // describe as something else ("an explicit ? key…"): say what it is.
    const second = secondDocument(text);
    if (second !== undefined)
      return {
        ok: false,
        problem: {
          kind: "syntax",
          start: second,
          end: second + 3,
          message:
            "YAML syntax error: a second document starts here; the data file is one document: remove this line, or the document after it",
        },
      };
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    const at = Math.min((error.mark?.position ?? 0) + shift, text.length);
    if (error.reason === "duplicated mapping key")
      return { ok: false, problem: duplicateKeyProblem(kids[depth - 1] ?? NO_CHILDREN, at, lineOf) };
    const unknownAlias = /^unidentified alias "(.*)"$/.exec(error.reason);
    if (unknownAlias) {
      const name = unknownAlias[1] ?? "";
      const start = Math.max(0, at - name.length - 1);
      return {
        ok: false,
        problem: {
          kind: "alias",
          start,
          end: at,
          message: `YAML alias "*${name}" has no anchor "&${name}" before it; define the anchor earlier or write the value out`,
        },
      };
    }
    return {
      ok: false,
      problem: { kind: "syntax", start: at, end: at, message: describeSyntaxError(error) },
    };
  }
}

/**
 * Told of each record of a papers file as the quick reader reads it (`loadYamlQuick`), so that work on the
 * records can start while the rest of the file is read (the site makes each entry's folder meanwhile). What
 * it is told is not checked yet: a record may be malformed, and a file that then fails to load, or that the
 * quick reader leaves to the full one, has told it of some records only. So it is for work that the result
 * of the parse confirms or undoes, never for work that needs a valid record.
 */
export type EntryListener = (entry: unknown) => void;

/** Thrown by the quick reader's listener: this file needs the full reader to say what it is. */
class Unsure extends Error {}
const UNSURE = new Unsure("the quick reader defers to the full one");

/** Own keys of a loaded mapping (a plain object), counted without building an array. */
function keyCount(value: unknown): number {
  let n = 0;
  for (const key in value as object) if (Object.hasOwn(value as object, key)) n++;
  return n;
}

/**
 * The data of a file that the full reader (`loadYaml`) would accept without a problem or a warning, read
 * without building the node tree; undefined for anything else (a syntax error, an alias, a construct that
 * needs the tree to be judged…), and the caller then runs `loadYaml`, which says what and where.
 *
 * Positions are only needed to point at a problem, and most runs over a valid file point at none: `build`
 * on 10,000 records spent ~40% of its parse building 340,000 nodes nobody read. This makes the same checks
 * as `finish` on the same events, only with counts in place of child lists, and gives up wherever `finish`
 * would refuse or would need the children to decide; tests/records/parsers-agree.test.ts loads random valid
 * and broken files both ways and requires: whatever this accepts, `loadYaml` accepts with the same data.
 *
 * `onEntry` is told of each item of the top-level `entries` list as soon as it is read, in order, before the
 * rest of the file is read or anything is checked (see EntryListener).
 */
export function loadYamlQuick(text: string, onEntry?: EntryListener): { data: unknown } | undefined {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Per open node: where js-yaml opened it, how many children closed in it, and the last one's value.
  const opens: number[] = [];
  const counts: number[] = [];
  const lastValues: unknown[] = [];
  let depth = 0;
  // For onEntry: the last key of the root mapping read, and whether the value being read is the entries list.
  let rootKey: unknown;
  let inEntries = false;
  try {
    const data = load(text, {
      schema: CORE_12_SCHEMA,
      onWarning: () => {
        throw UNSURE;
      },
      listener(event, state) {
        if (event === "open") {
          // A value of the root mapping (its keys and values sit at depth 1, key first): the entries when
          // its key is "entries" and it starts as a list does.
          if (onEntry !== undefined && depth === 1 && (counts[0] ?? 0) % 2 === 1 && rootKey === "entries") {
            const first = text.charCodeAt(skipSeparation(text, state.position + shift));
            inEntries = first === 0x2d /* - */ || first === 0x5b; /* [ */
          }
          opens[depth] = state.position + shift;
          counts[depth] = 0;
          lastValues[depth] = undefined;
          depth++;
          return;
        }
        depth--;
        const result: unknown = state.result;
        const kind = state.kind as string | null;
        const open = opens[depth] ?? 0;
        const count = counts[depth] ?? 0;
        if (kind === null) {
          // An empty value is fine unless a property (&, *, !) stands where it would start; anything else
          // without a kind is an alias.
          if (result !== null) throw UNSURE;
          let i = open;
          while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
          if (isProperty(text.charCodeAt(i))) throw UNSURE;
        } else if (!(count === 1 && Object.is(lastValues[depth], result))) {
          // Not a wrapper around its only child (that child was checked when it closed).
          const start = skipSeparation(text, open);
          const first = text.charCodeAt(start);
          if (isProperty(first)) throw UNSURE;
          if (kind === "scalar") {
            if (first === 0x27 || first === 0x22) {
              const close = state.position + shift;
              checkAfterQuote(text, close);
              checkQuotedLines(text, start, close);
            }
          } else if (kind === "sequence") {
            if (!Array.isArray(result) || count !== result.length) throw UNSURE;
          } else if (kind !== "mapping" || count % 2 !== 0 || count / 2 !== keyCount(result)) throw UNSURE;
        }
        if (onEntry !== undefined) {
          // The items of the entries list close at depth 2. (A root in flow style sits one deeper: it tells
          // nothing, and the records are read as well without.)
          if (depth === 1) {
            if ((counts[0] ?? 0) % 2 === 0) rootKey = result;
            else inEntries = false;
          } else if (depth === 2 && inEntries && kind === "mapping") onEntry(result);
        }
        if (depth > 0) {
          counts[depth - 1] = (counts[depth - 1] ?? 0) + 1;
          lastValues[depth - 1] = result;
        }
      },
    });
    return { data: data === undefined ? null : data };
  } catch (error) {
    if (error instanceof Unsure || error instanceof Refused || error instanceof YAMLException)
      return undefined;
    throw error;
  }
}

/**
 * Only the data, no positions (an old version of the file for `--changed-since`): undefined when it does
 * not load. `lenient` lets a repeated key keep its last value, as that old file may have had one.
 */
export function loadYamlValue(text: string, lenient = false): { ok: true; data: unknown } | { ok: false } {
  try {
    const data = load(text, {
      schema: CORE_12_SCHEMA,
      json: lenient,
      // An alias resolves to a shared reference; refused here too, so no walk over the data can blow up.
      listener(event, state) {
        if (event === "close" && state.kind === null && state.result !== null)
          throw new Refused(ALIAS_IN_VALUE);
      },
    });
    return { ok: true, data: data === undefined ? null : data };
  } catch (error) {
    if (error instanceof YAMLException || error instanceof Refused) return { ok: false };
    throw error;
  }
}
