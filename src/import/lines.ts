/**
 * The line layer of the importer: which lines are headings, separators, blank or text. HackMD lists are
 * structured by lines (a `---` ends an entry, `###` starts one), so the block structure is read line by line;
 * only the inline content of a line goes through the Markdown parser (see inline.ts).
 */

import { parseAtxHeading } from "../markdown/index.js";

export type LineKind = "blank" | "heading" | "separator" | "text";

export interface SourceLine {
  /** 1-based. */
  number: number;
  text: string;
  kind: LineKind;
  /** For headings: 1–6. */
  level?: number;
  /** For headings: the text after the #s, without a closing #-sequence. */
  heading?: string;
}

// A thematic break. In a HackMD list every such line separates entries, so it ends whatever precedes it.
const SEPARATOR = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Splits Markdown into classified lines. Lines inside fenced code blocks are always "text". */
export function classifyLines(markdown: string): SourceLine[] {
  const raw = markdown.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (raw.length > 0 && raw[raw.length - 1] === "") raw.pop();
  let fence: string | undefined;
  return raw.map((text, i): SourceLine => {
    const number = i + 1;
    if (fence !== undefined) {
      const close = FENCE_OPEN.exec(text);
      if (
        close?.[1] &&
        close[1][0] === fence[0] &&
        close[1].length >= fence.length &&
        /^\s*$/.test(text.slice(close[0].length))
      )
        fence = undefined;
      return { number, text, kind: "text" };
    }
    const open = FENCE_OPEN.exec(text);
    if (open?.[1] && !(open[1][0] === "`" && text.slice(open[0].length).includes("`"))) {
      fence = open[1];
      return { number, text, kind: "text" };
    }
    if (/^\s*$/.test(text)) return { number, text, kind: "blank" };
    if (SEPARATOR.test(text)) return { number, text, kind: "separator" };
    const heading = parseAtxHeading(text);
    if (heading) return { number, text, kind: "heading", level: heading.level, heading: heading.content };
    return { number, text, kind: "text" };
  });
}

/** A run of source lines kept verbatim. */
export interface TextBlock {
  startLine: number;
  endLine: number;
  /** The lines joined with "\n", leading and trailing blank lines removed; nothing else changed. */
  text: string;
}

/** The lines as one verbatim block, or undefined when they are all blank. */
export function toBlock(lines: readonly SourceLine[]): TextBlock | undefined {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.kind === "blank") start++;
  while (end > start && lines[end - 1]?.kind === "blank") end--;
  const first = lines[start];
  const last = lines[end - 1];
  if (!first || !last) return undefined;
  return {
    startLine: first.number,
    endLine: last.number,
    text: lines
      .slice(start, end)
      .map((l) => l.text)
      .join("\n"),
  };
}

/** Blocks joined by a blank line (two asides in a row, an aside and a heading's own intro). */
export function joinBlocks(blocks: readonly TextBlock[]): TextBlock | undefined {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last) return undefined;
  return { startLine: first.startLine, endLine: last.endLine, text: blocks.map((b) => b.text).join("\n\n") };
}
