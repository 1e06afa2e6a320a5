/**
 * The parsed YAML document with its source positions. `yaml` keeps the exact offsets of every node
 * (js-yaml cannot), so every finding can point at file:line:column.
 */
import { isMap, isSeq, isScalar, isPair, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Position } from "./diagnostics.js";
import { toPlainData } from "./yaml-data.js";

export type PathSegment = string | number;

export class RecordSource {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
    this.lineCounter = new LineCounter();
    // uniqueKeys makes a repeated key an error rather than silently keeping the last value.
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, uniqueKeys: true, prettyErrors: false });
  }

  /**
   * The document as plain data, or why it cannot be (an alias without its anchor, an alias bomb) and where.
   * Call only on a document without syntax errors.
   */
  toData(): { ok: true; data: unknown } | { ok: false; message: string; position: Position } {
    const result = toPlainData(this.doc);
    if (result.ok) return result;
    return { ok: false, message: result.message, position: this.rangeToPosition(...result.range) };
  }

  /** 1-based line and column of a character offset. */
  positionAt(offset: number): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line, column: col };
  }

  rangeToPosition(start: number, end: number): Position {
    const a = this.positionAt(start);
    const b = this.positionAt(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The node at a data path, or undefined when the path does not exist in the document. */
  nodeAt(path: readonly PathSegment[]): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        node = pair?.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    return (node ?? undefined) as Node | undefined;
  }

  /** Position of the key `key` inside the mapping at `path` (for unknown or duplicate fields). */
  keyPosition(path: readonly PathSegment[], key: string): Position | undefined {
    const node = this.nodeAt(path);
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? this.rangeToPosition(range[0], range[1]) : undefined;
  }

  /**
   * Position of the deepest existing node along `path`: a finding about a missing field points at the
   * record that lacks it.
   */
  position(path: readonly PathSegment[]): Position {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.nodeAt(path.slice(0, depth));
      if (node?.range) return this.rangeToPosition(node.range[0], node.range[1]);
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /** Line span of the i-th entry (its whole mapping), used to map diffs and annotations to records. */
  entryPosition(index: number): Position {
    return this.position(["entries", index]);
  }
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
