/**
 * A YAML file loaded once with every node's source range (js-yaml, see yaml-data.ts), so every finding can
 * point at file:line:column. Line and column come from a line-start index by binary search: linear in the
 * file however many positions are asked for.
 */
import type { Position } from "./diagnostics.js";
import {
  loadYaml,
  loadYamlQuick,
  type EntryListener,
  type MapNode,
  type SourceNode,
  type YamlLoadResult,
  type YamlProblem,
} from "./yaml-data.js";

export type {
  EntryListener,
  MapNode,
  ScalarNode,
  ScalarStyle,
  SeqNode,
  SourceNode,
  YamlProblem,
} from "./yaml-data.js";

export type PathSegment = string | number;

/** Offsets at which each line starts (line 1 at index 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of `offset`, by binary search over `starts`. */
export function lineColumnAt(starts: readonly number[], offset: number): { line: number; column: number } {
  const low = lineIndexAt(starts, offset);
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** 0-based index of the line holding `offset`, by binary search over `starts`. */
function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The value of a key node as a mapping lookup sees it (js-yaml makes every key a string). */
function keyText(node: SourceNode): string {
  return node.kind === "scalar" ? String(node.value) : "";
}

export class RecordSource {
  readonly file: string;
  readonly text: string;
  private full: YamlLoadResult | undefined;
  /** The data as the quick reader got it, when the file is one the full reader accepts without a word. */
  private readonly quick: { data: unknown } | undefined;
  private starts: number[] | undefined;

  /**
   * Reads the data at once; the node tree (positions) is built the first time something asks where a node
   * is. A valid file that nobody points into (`build`, a clean `lint`) never pays for the tree.
   * `onEntry` is told of each record as it is read (EntryListener).
   */
  constructor(file: string, text: string, onEntry?: EntryListener) {
    this.file = file;
    this.text = text;
    this.quick = loadYamlQuick(text, onEntry);
    if (!this.quick) this.full = this.loadFull();
  }

  /** The load with the node tree: data and nodes, or the first problem (syntax, repeated key, alias). */
  get loaded(): YamlLoadResult {
    return (this.full ??= this.loadFull());
  }

  private loadFull(): YamlLoadResult {
    return loadYaml(this.text, (offset) => this.positionAt(offset).line);
  }

  /** The root node, undefined for an empty document or one that did not load. */
  get root(): SourceNode | undefined {
    return this.loaded.ok ? this.loaded.root : undefined;
  }

  /**
   * The document as data with its YAML warnings, or its first problem; no node tree is built for a file
   * the quick reader takes (the same data, no warnings).
   */
  get document(): { ok: true; data: unknown; warnings: YamlProblem[] } | { ok: false; problem: YamlProblem } {
    if (this.quick) return { ok: true, data: this.quick.data, warnings: [] };
    return this.loaded;
  }

  /** The document as plain data, or why it cannot be and where. */
  toData(): { ok: true; data: unknown } | { ok: false; message: string; position: Position } {
    const document = this.document;
    if (document.ok) return { ok: true, data: document.data };
    const { message, start, end } = document.problem;
    return { ok: false, message, position: this.rangeToPosition(start, end) };
  }

  /** 1-based line and column of a character offset. */
  positionAt(offset: number): { line: number; column: number } {
    this.starts ??= lineStarts(this.text);
    return lineColumnAt(this.starts, Math.max(0, Math.min(offset, this.text.length)));
  }

  rangeToPosition(start: number, end: number): Position {
    // Line indexes rather than two positionAt objects: link extraction asks this for every URL of a list.
    const starts = (this.starts ??= lineStarts(this.text));
    const from = Math.max(0, Math.min(start, this.text.length));
    const to = Math.max(from, Math.min(end, this.text.length));
    const line = lineIndexAt(starts, from);
    const endLine = lineIndexAt(starts, to);
    return {
      line: line + 1,
      column: from - (starts[line] ?? 0) + 1,
      endLine: endLine + 1,
      endColumn: to - (starts[endLine] ?? 0) + 1,
    };
  }

  /** The node at a data path, or undefined when the path does not exist in the document. */
  nodeAt(path: readonly PathSegment[]): SourceNode | undefined {
    let node = this.root;
    for (const segment of path) {
      if (node?.kind === "map") node = findPair(node, String(segment))?.value;
      else if (node?.kind === "seq" && typeof segment === "number") node = node.items[segment];
      else return undefined;
    }
    return node;
  }

  /** Position of the key `key` inside the mapping at `path` (for unknown or duplicate fields). */
  keyPosition(path: readonly PathSegment[], key: string): Position | undefined {
    const node = this.nodeAt(path);
    if (node?.kind !== "map") return undefined;
    const pair = findPair(node, key);
    return pair ? this.rangeToPosition(pair.key.start, pair.key.end) : undefined;
  }

  /**
   * Position of the deepest existing node along `path`: a finding about a missing field points at the
   * record that lacks it.
   */
  position(path: readonly PathSegment[]): Position {
    let node = this.root;
    let found = node;
    for (const segment of path) {
      if (node?.kind === "map") node = findPair(node, String(segment))?.value;
      else if (node?.kind === "seq" && typeof segment === "number") node = node.items[segment];
      else node = undefined;
      if (!node) break;
      found = node;
    }
    return found
      ? this.rangeToPosition(found.start, found.end)
      : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /** Line span of the i-th entry (its whole mapping), used to map diffs and annotations to records. */
  entryPosition(index: number): Position {
    return this.position(["entries", index]);
  }
}

/** The pair named `key`; a mapping has a few dozen keys at most, so a scan costs less than an index. */
function findPair(node: MapNode, key: string): MapNode["pairs"][number] | undefined {
  for (const pair of node.pairs) if (keyText(pair.key) === key) return pair;
  return undefined;
}

/** Splits an ajv instancePath ("/entries/3/repos/0/url") into data path segments. */
export function parseJsonPointer(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
