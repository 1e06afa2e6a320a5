/**
 * Turns a rule's finding into a file position: the node at its data path, or — for a sentence inside a
 * 摘要 — the exact line and column inside the YAML scalar, so an annotation lands on that line of the diff.
 */
import type { Position, RecordSource } from "../records/index.js";
import type { Finding } from "./types.js";

/** Where a finding points in the file. */
export function locateFinding(source: RecordSource, finding: Finding): Position {
  if (finding.atKey) {
    const key = finding.path[finding.path.length - 1];
    const at = source.keyPosition(finding.path.slice(0, -1), String(key));
    if (at) return at;
  }
  if (finding.range) {
    const inside = locateInScalar(source, finding.path, finding.range);
    if (inside) return inside;
  }
  return source.position(finding.path);
}

/**
 * Maps [start, end) offsets of a scalar's value to file positions. Exact for block literals (`|`, how
 * summaries are written), plain scalars and quoted scalars without escapes on one line; undefined for
 * folded and escaped forms, where the caller falls back to the whole node.
 */
export function locateInScalar(
  source: RecordSource,
  path: readonly (string | number)[],
  [start, end]: readonly [number, number],
): Position | undefined {
  const node = source.nodeAt(path);
  if (node?.kind !== "scalar") return undefined;
  const { start: from, end: to } = node;
  const raw = source.text.slice(from, to);
  const oneLine = !raw.includes("\n");
  switch (node.style) {
    case "literal":
      return blockLiteralRange(source, from, String(node.value), start, end);
    case "plain":
      return oneLine ? source.rangeToPosition(from + start, from + end) : undefined;
    case "single-quoted":
      return oneLine && !raw.slice(1, -1).includes("''")
        ? source.rangeToPosition(from + 1 + start, from + 1 + end)
        : undefined;
    case "double-quoted":
      return oneLine && !raw.includes("\\")
        ? source.rangeToPosition(from + 1 + start, from + 1 + end)
        : undefined;
    default:
      return undefined;
  }
}

/** In a block literal, value line k is file line header+1+k, shifted right by the block's indentation. */
function blockLiteralRange(
  source: RecordSource,
  headerOffset: number,
  value: string,
  start: number,
  end: number,
): Position {
  const header = source.positionAt(headerOffset).line;
  const indent = blockIndent(source.text, headerOffset);
  const at = (offset: number) => {
    const before = value.slice(0, offset);
    const lineIndex = (before.match(/\n/g) ?? []).length;
    const column = offset - (before.lastIndexOf("\n") + 1);
    return { line: header + 1 + lineIndex, column: indent + 1 + column };
  };
  const a = at(start);
  const b = at(Math.max(start, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** Indentation of a block scalar's content: the leading spaces of its first non-blank line. */
function blockIndent(text: string, headerOffset: number): number {
  const bodyStart = text.indexOf("\n", headerOffset) + 1;
  if (bodyStart === 0) return 0;
  const match = /^(?:[ \t]*\n)*( *)/.exec(text.slice(bodyStart, bodyStart + 4096));
  return match?.[1]?.length ?? 0;
}
