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
  const boundary = /[。！？]+|[.!?]+(?=\s|$)|\n+/g;
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
const MAY_HAVE_BLOCKS = /^\s*(?:[-*+>#|`~]|\d+[.)])/m;

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
  if (out.includes("```") || out.includes("~~~")) out = out.replace(FENCED_BLOCK, blank);
  return out;
}

const TABLE_ROW = /^[ \t]*\|.*$/gm;
const LINE_MARKERS = /^([ \t]*)((?:[-*+]|\d+[.)]|>|#{1,6})[ \t]+)+/gm;
/** A fence line through its closing fence, or to the end of the text when it is never closed. */
const FENCED_BLOCK = /^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;
