/**
 * How much structure submitted Markdown may have. micromark (remark) recurses once per nesting level, handles
 * list items and quotes in time quadratic in their number, and pairs emphasis delimiters in time quadratic in a
 * paragraph's delimiters. Measured on this machine: 60,000 nested `>` overflow the stack; `- ` × 10 on each of
 * 1,000 lines takes 9.6 s; `- a` × 1,000 lines 0.5 s; `*a` × 6,000 about 1 s.
 *
 * Two kinds of count, so that no construct can hide from them (issue 12: a fence line inside an HTML block
 * once hid 2,000 nested lists from a hand-written fence scanner, and the parse took 77 s):
 * - cost bounds, counted on every line, code included, before micromark runs: lines, list and quote markers
 *   (at most `PREFIX_MASK_LEVELS` a line), delimiter runs; a line's container prefix past
 *   `PREFIX_MASK_LEVELS` levels is masked before the parse (see parse.ts);
 * - the limits a writer reads about (nesting depth, delimiters outside code) are measured on the tree
 *   micromark builds, so code keeps its indentation and its asterisks.
 */

/** Nested block quotes and list items around any block. */
export const MARKDOWN_MAX_DEPTH = 10;
export const MARKDOWN_MAX_LINES = 1_000;
/** Runs of `*`, `_` or `~` and `[` outside code: what micromark's inline resolution pairs up. */
export const MARKDOWN_MAX_DELIMITERS = 2_000;
/**
 * Work that micromark's inline scans cost within one paragraph, where each scan can run to the paragraph's end
 * and back, so that the total is quadratic in the paragraph:
 * - GFM's footnote-call check walks back from every `]` over the paragraph's inline events before it
 *   (micromark-extension-gfm-footnote 2.1): `<b>]` × 8,000 took 6.6 s;
 * - inline HTML that opens with `<!` or `<?` (comment, declaration, CDATA, processing instruction) scans
 *   ahead for its end and backtracks when there is none: `<!--` × 16,000 took 23 s.
 * - GFM's autolink literals walk back from every place an address could start (a run of letters, digits or
 *   `+-._`) to the last unclosed `[` before it (micromark-extension-gfm-autolink-literal 2.1,
 *   `previousUnbalanced`): `*a[` then `- ` × 5,000 took 0.5 s, × 10,000 about 2 s.
 * Counted as the paragraph's characters before every `]`, those after every `<!`/`<?`, and, while a `[` is
 * open, the characters back to it from every such run (blank lines end a paragraph; code included): an
 * upper bound of those scans. `<b>]` × 2,000 is 8 million; a long 摘要 paragraph with 30 brackets and a
 * comment is well under 100,000, and a link's label adds its own few words.
 */
export const MARKDOWN_MAX_PARAGRAPH_SCANS = 2_000_000;
/** List and quote markers, code included (micromark's container handling is quadratic in their number). */
export const MARKDOWN_MAX_CONTAINER_MARKERS = 500;
/** Delimiter runs anywhere, code included: bounds the parse that then counts the ones outside code. */
export const MARKDOWN_MAX_DELIMITERS_ANYWHERE = 2 * MARKDOWN_MAX_DELIMITERS;
/**
 * Past this many levels (markers plus half the indentation columns: an upper bound of micromark's nesting)
 * the rest of a line's prefix is masked before parsing. Ten real levels take at most ~70 (an 11-column
 * ordered marker is 6), so below this the masked text and the original parse alike.
 */
export const PREFIX_MASK_LEVELS = 96;

export type MarkdownLimitProblem =
  | { limit: "depth"; found: number; max: number; line: number }
  | { limit: "lines" | "delimiters" | "containers" | "scans"; found: number; max: number };

const isBlank = (c: string | undefined) => c === undefined || c === " " || c === "\t";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

export interface LinePrefix {
  /** List and quote markers in the prefix. */
  markers: number;
  /** Markers plus half the indentation columns, rounded up: never less than micromark's nesting there. */
  levels: number;
  /** Where the prefix passes `maxLevels` (the part to mask), if it does. */
  maskFrom?: number;
  /** Where the prefix ends. */
  end: number;
}

/** A GFM footnote label `[^…]:` at `i`: micromark nests footnote definitions like quotes. Its end, or -1. */
function footnoteLabelEnd(line: string, i: number): number {
  if (line[i] !== "[" || line[i + 1] !== "^") return -1;
  const close = line.indexOf("]", i + 2);
  return close !== -1 && line[close + 1] === ":" ? close + 2 : -1;
}

/** Lines as micromark reads them: a line ends at \r\n, \r or \n. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

/**
 * The container prefix of one line: spaces, tabs, `>`, list markers followed by a blank, footnote labels.
 * Linear (each character is looked at a bounded number of times).
 */
export function scanPrefix(line: string, maxLevels = PREFIX_MASK_LEVELS): LinePrefix {
  let markers = 0;
  let columns = 0;
  let maskFrom: number | undefined;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    let next = i + 1;
    if (c === " ") columns += 1;
    else if (c === "\t") columns += 4;
    else if (c === ">") markers += 1;
    else if (c === "[") {
      const end = footnoteLabelEnd(line, i);
      if (end === -1) break;
      markers += 1;
      next = end;
    } else if ((c === "-" || c === "*" || c === "+") && isBlank(line[i + 1])) markers += 1;
    else if (isDigit(c)) {
      let j = i;
      while (j < line.length && j - i < 9 && isDigit(line[j])) j++;
      if ((line[j] !== "." && line[j] !== ")") || !isBlank(line[j + 1])) break;
      markers += 1;
      next = j + 1;
    } else break;
    if (maskFrom === undefined && markers + Math.ceil(columns / 2) > maxLevels) maskFrom = i;
    i = next;
  }
  return {
    markers,
    levels: markers + Math.ceil(columns / 2),
    end: i,
    ...(maskFrom === undefined ? {} : { maskFrom }),
  };
}

/** Runs of `*`, `_`, `~` (a run counts once) and every `[`. */
export function countDelimiters(line: string): number {
  let count = 0;
  let previous = "";
  for (const c of line) {
    if (c === "[" || ((c === "*" || c === "_" || c === "~") && c !== previous)) count++;
    previous = c;
  }
  return count;
}

/** A character an autolink literal's address may hold (ASCII letters and digits, `+ - . _`). */
function isAddressCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ||
    code === 0x2b ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f
  );
}

/**
 * Counts MARKDOWN_MAX_PARAGRAPH_SCANS's work line by line (linear: each character is looked at once). A
 * `]` costs the paragraph so far; a `<!` or `<?` costs the rest of its paragraph, known when it ends.
 */
export function paragraphScanCounter(): { add(line: string): void; total(): number } {
  let closed = 0; // work of the paragraphs that have ended
  let chars = 0; // characters of the current paragraph so far
  let behind = 0; // `]` and autolink work in the current paragraph
  let opens = 0; // `<!` and `<?` in the current paragraph
  let openOffsets = 0; // the sum of their offsets in it
  let depth = 0; // `[` open in the current paragraph
  let openAt = 0; // the offset of the first of them
  const pending = () => behind + opens * chars - openOffsets;
  return {
    add(line) {
      if (line.trim() === "") {
        closed += pending();
        [chars, behind, opens, openOffsets, depth, openAt] = [0, 0, 0, 0, 0, 0];
        return;
      }
      if (depth > 0 || line.includes("[")) {
        let inRun = false;
        for (let i = 0; i < line.length; i++) {
          const code = line.charCodeAt(i);
          if (code === 0x5b && depth++ === 0) openAt = chars + i;
          else if (code === 0x5d && depth > 0) depth--;
          const run = isAddressCharacter(code);
          if (run && !inRun && depth > 0) behind += chars + i - openAt;
          inRun = run;
        }
      }
      for (let i = line.indexOf("]"); i !== -1; i = line.indexOf("]", i + 1)) behind += chars + i;
      for (let i = line.indexOf("<"); i !== -1; i = line.indexOf("<", i + 1))
        if (line[i + 1] === "!" || line[i + 1] === "?") {
          opens += 1;
          openOffsets += chars + i;
        }
      chars += line.length + 1;
    },
    total: () => closed + pending(),
  };
}

/** The problem in words, for the submitter: what was found, and the limit. */
export function describeMarkdownLimit(problem: MarkdownLimitProblem): { message: string; hint: string } {
  const n = (value: number) => value.toLocaleString("en-US");
  switch (problem.limit) {
    case "depth":
      return {
        message: `is too deeply nested: line ${problem.line} opens ${n(problem.found)} levels of block quotes, lists or indentation; at most ${problem.max}`,
        hint: "Write it as plain paragraphs (code goes inside a ``` fence).",
      };
    case "lines":
      return {
        message: `is too long: ${n(problem.found)} lines; at most ${n(problem.max)}`,
        hint: "Keep to the paper's abstract; longer text belongs on the paper's page.",
      };
    case "delimiters":
      return {
        message: `is too complex: more than ${n(problem.max)} emphasis marks and brackets (* _ ~ [)`,
        hint: "Keep the formatting light (symbol-heavy text goes inside a ``` fence).",
      };
    case "containers":
      return {
        message: `is too complex: ${n(problem.found)} list items and quote marks (- * + 1. >); at most ${n(problem.max)}`,
        hint: "Keep to a few short lists; longer material belongs on the paper's page.",
      };
    case "scans":
      return {
        message: `is too complex: too many closing brackets (]), words after an unclosed [, or HTML comment and declaration openings (<!, <?) in one paragraph (cost ${n(problem.found)}; at most ${n(problem.max)})`,
        hint: "Split the text into shorter paragraphs with blank lines, or put such text inside a ``` fence.",
      };
  }
}
