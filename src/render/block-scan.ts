/**
 * A small line scanner for the block structure that matters to papershelf: fenced code (markers and headings
 * inside it are text), HTML blocks (a `#` line inside one is not a heading), ATX and setext headings.
 * A full Markdown parse of a 10,000-entry README costs seconds; this costs milliseconds, and the test that
 * renders the README with cmark-gfm checks that both agree. Limitation (documented in the README): headings
 * nested in lists or block quotes are not seen.
 */
import { parseAtxHeading } from "../markdown/index.js";

export interface ScannedHeading {
  /** 0-based line index in the scanned text. */
  line: number;
  level: number;
  /** The heading's raw inline Markdown (ATX markers and closing sequence removed). */
  content: string;
}

export interface BlockScan {
  headings: ScannedHeading[];
  /** For each line, whether it belongs to fenced code (fence lines included): Markdown there is text. */
  fenced: boolean[];
  /** The fence still open at the end of the text, if any ("```" or "~~~~"…). */
  openFence?: string;
  /** The 0-based line that opened it. */
  openFenceLine?: number;
}

/** The run is maximal (`(?!`)`): it cannot trade characters with the info string that follows. */
const FENCE_OPEN = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))([^]*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const INDENTED = /^(?: {4}|\t)/;
const BLANK = /^[ \t]*$/;
/** A list item or block quote starts: its lines are not a top-level paragraph a setext underline could lift. */
const CONTAINER_START = /^ {0,3}(?:>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/;
/** Lines that start a block of their own (they cannot be a lazy paragraph continuation). */
const STARTS_BLOCK = /^(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<|(?:[-*_][ \t]*){3,}$)/;
/** A list item's marker and the spaces after it: `- # Title` is a heading inside the item. */
const LIST_MARKER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]{1,4}/;
const QUOTE_PREFIX = /^(?: {0,3}> ?)+/;

/** CommonMark's HTML block types 1–5: they end at a closing string, not at a blank line. */
const HTML_BLOCK_CLOSED: readonly { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
];
/** Type 6: block-level tag names; such a block ends at a blank line and may interrupt a paragraph. */
const HTML_BLOCK_6 = new RegExp(
  `^ {0,3}</?(?:${[
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir",
    "div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html",
    "iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary",
    "table tbody td tfoot th thead title tr track ul",
  ]
    .join(" ")
    .split(" ")
    .join("|")})(?:[\\s/>]|$)`,
  "i",
);
/** Type 7: any other complete tag alone on its line; it cannot interrupt a paragraph. */
const HTML_BLOCK_7 =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** Scans `text` (a whole document or one generated piece) for fences, HTML blocks and headings. */
export function scanBlocks(text: string): BlockScan {
  const lines = text.split("\n");
  const headings: ScannedHeading[] = [];
  const fenced = new Array<boolean>(lines.length).fill(false);
  let fence: { char: string; length: number; raw: string; line: number } | undefined;
  let htmlEnd: RegExp | "blank" | undefined;
  let paragraph: string[] = [];
  let paragraphStart = 0;
  // In a list item or block quote whose paragraph takes lazy continuation lines (until a blank line).
  let container = false;

  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (fence) {
      fenced[i] = true;
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (htmlEnd !== undefined) {
      if (htmlEnd === "blank" ? BLANK.test(line) : htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    if (BLANK.test(line)) {
      paragraph = [];
      container = false;
      continue;
    }
    if (paragraph.length === 0 && INDENTED.test(line)) continue; // indented code
    // A block that starts at column 0 ends a list item or quote (lines indented under an item stay in it).
    if (container && /^\S/.test(line) && !CONTAINER_START.test(line)) container = !STARTS_BLOCK.test(line);
    const open = FENCE_OPEN.exec(line);
    if (open?.[1] && !(open[1][0] === "`" && (open[2] ?? "").includes("`"))) {
      fence = { char: open[1][0] ?? "`", length: open[1].length, raw: open[1], line: i };
      fenced[i] = true;
      paragraph = [];
      continue;
    }
    // Headings inside block quotes get ids on GitHub too.
    const atx = parseAtxHeading(line.replace(QUOTE_PREFIX, ""));
    if (atx) {
      headings.push({ line: i, ...atx });
      paragraph = [];
      container = false; // a heading takes no lazy continuation lines
      continue;
    }
    const closed = HTML_BLOCK_CLOSED.find((t) => t.start.test(line));
    if (closed || HTML_BLOCK_6.test(line) || (paragraph.length === 0 && HTML_BLOCK_7.test(line))) {
      paragraph = [];
      // Types 1–5 may close on their first line (`<!-- marker -->`).
      if (closed) htmlEnd = closed.end.test(line.replace(closed.start, "")) ? undefined : closed.end;
      else htmlEnd = "blank";
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext?.[1] && paragraph.length > 0) {
      headings.push({
        line: paragraphStart,
        level: setext[1][0] === "=" ? 1 : 2,
        content: paragraph.map((l) => l.trim()).join("\n"),
      });
      paragraph = [];
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      paragraph = [];
      continue;
    }
    if (CONTAINER_START.test(line)) {
      paragraph = [];
      const rest = line.replace(LIST_MARKER, "").replace(QUOTE_PREFIX, "");
      const item = parseAtxHeading(rest);
      if (item && LIST_MARKER.test(line)) headings.push({ line: i, ...item });
      // Only an item or quote holding a paragraph takes lazy continuation lines.
      container = !item && !BLANK.test(rest);
      continue;
    }
    if (container) continue;
    if (paragraph.length === 0) paragraphStart = i;
    paragraph.push(line);
  }
  return { headings, fenced, ...(fence ? { openFence: fence.raw, openFenceLine: fence.line } : {}) };
}
