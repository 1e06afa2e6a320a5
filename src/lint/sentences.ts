/** Sentence splitting for the repeated-sentence rule, for mixed Chinese and English text. */
import { comparableText } from "./normalize.js";

export interface Sentence {
  text: string;
  /** [start, end) in the original text. */
  range: [number, number];
  /** Compared form: NFKC, lowercased, letters and digits only. */
  key: string;
}

/**
 * Splits after 。！？ always and after . ! ? when followed by whitespace or the end, so "github.com/x"
 * and "1.5B" stay whole. Markdown list markers and line breaks also end a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const prose = MAY_HAVE_BLOCKS.test(text) ? maskNonProse(text) : text;
  const out: Sentence[] = [];
  // Each run starts where the same characters do not precede it (lookbehind), so no run is rescanned.
  const boundary = /[。！？]+|(?<![.!?])[.!?]+(?=\s|$)|\n+/g;
  let start = 0;
  const push = (end: number) => {
    const raw = prose.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      out.push({
        text: text.slice(start + lead, start + lead + trimmed.length),
        range: [start + lead, start + lead + trimmed.length],
        key: comparableText(trimmed),
      });
    }
  };
  for (const match of prose.matchAll(boundary)) {
    const end = (match.index ?? 0) + (match[0].startsWith("\n") ? 0 : match[0].length);
    push(end);
    start = (match.index ?? 0) + match[0].length;
  }
  push(text.length);
  return out;
}

/** Lines that start like a list item, quote, heading, table row or fence. */
const MAY_HAVE_BLOCKS = /^[^\S\r\n\u2028\u2029]*(?:[-*+>#|`~]|\d+[.)])/m;

/**
 * Blanks out (same length, so offsets stay true) what is not prose: table rows and fenced code, whose
 * cells and lines repeat by nature, and list, quote and heading markers at the start of a line. Whole-text
 * regex passes rather than line by line: this runs on every 摘要.
 */
function maskNonProse(text: string): string {
  const blank = (s: string) => " ".repeat(s.length);
  let out = text
    .replace(TABLE_ROW, blank)
    .replace(LINE_MARKERS, (_m, indent: string, markers: string) => `${indent}${blank(markers)}`);
  if (out.includes("```") || out.includes("~~~"))
    for (const [start, end] of fencedBlocks(out).reverse())
      out = out.slice(0, start) + blank(out.slice(start, end)) + out.slice(end);
  return out;
}

const TABLE_ROW = /^[ \t]*\|.*$/gm;
const LINE_MARKERS = /^([ \t]*)((?:[-*+]|\d+[.)]|>|#{1,6})[ \t]+)+/gm;
/** A fence line's run; maximal (`(?!`)`), so it cannot trade characters with the info string. */
const FENCE_RUN = /^[ \t]*(`{3,}(?!`)|~{3,}(?!~))/;

/**
 * Each fenced block's [start, end): from a fence line (that has a line after it) through the first line that
 * is the same run alone, or to the end of the text. One pass over the lines, where a lazy `[\s\S]*?` with a
 * backreference rescanned the rest of the text from every unclosed fence.
 */
function fencedBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  let open: { run: string; start: number } | undefined;
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (open) {
      if (line.trim() === open.run && /^[ \t]*[`~]+[ \t]*$/.test(line)) {
        blocks.push([open.start, end]);
        open = undefined;
      }
    } else if (newline !== -1) {
      const run = FENCE_RUN.exec(line)?.[1];
      if (run) open = { run, start };
    }
    start = end + 1;
  }
  if (open) blocks.push([open.start, text.length]);
  return blocks;
}
