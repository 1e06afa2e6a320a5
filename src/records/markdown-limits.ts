/**
 * How much structure submitted Markdown may have before any parser sees it. micromark (remark in the comment,
 * src/render's sanitiser and the lint) recurses once per nesting level and resolves emphasis in time quadratic
 * in a paragraph's delimiters. Measured on bodies GitHub accepts (< 65,536 characters): 60,000 nested `>`
 * overflow the stack, 20,000 nested `- ` do not finish in minutes, `*a` × 30,000 takes ~11 s a parse and
 * 1,000 lines of `*a` × 30 ~10 s. At the limits below every one of those parses stays well under a second,
 * and no paper's 摘要 or note comes near them.
 */
import { closesFence, openingFence, type Fence } from "./fences.js";

/** Block quotes, list items and indentation (one level per two columns) in front of one line. */
export const MARKDOWN_MAX_DEPTH = 10;
export const MARKDOWN_MAX_LINES = 1_000;
/** Runs of `*`, `_` or `~` and `[` outside fenced code: what micromark's inline resolution pairs up. */
export const MARKDOWN_MAX_DELIMITERS = 2_000;

export type MarkdownLimitProblem =
  | { limit: "depth"; found: number; max: number; line: number }
  | { limit: "lines" | "delimiters"; found: number; max: number };

const isBlank = (c: string | undefined) => c === undefined || c === " " || c === "\t";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** The container depth a line opens: markers plus indentation beyond the one space after each marker. */
function lineDepth(line: string): number {
  let markers = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === " ") columns += 1;
    else if (c === "\t") columns += 4;
    else if (c === ">") markers += 1;
    else if ((c === "-" || c === "*" || c === "+") && isBlank(line[i + 1])) markers += 1;
    else if (isDigit(c)) {
      let j = i;
      while (j < line.length && j - i < 9 && isDigit(line[j])) j++;
      if ((line[j] !== "." && line[j] !== ")") || !isBlank(line[j + 1])) break;
      markers += 1;
      i = j;
    } else break;
    i++;
  }
  return markers + Math.floor(Math.max(0, columns - markers) / 2);
}

function countDelimiters(line: string): number {
  let count = 0;
  let previous = "";
  for (const c of line) {
    if (c === "[" || ((c === "*" || c === "_" || c === "~") && c !== previous)) count++;
    previous = c;
  }
  return count;
}

/**
 * The first limit the text passes, or undefined. `scale` multiplies every limit (the comment's preview adds
 * lines of its own around the 摘要). Linear in the text; never parses it.
 */
export function checkMarkdownLimits(text: string, scale = 1): MarkdownLimitProblem | undefined {
  const lines = text.split(/\r\n?|\n/);
  const maxLines = MARKDOWN_MAX_LINES * scale;
  if (lines.length > maxLines) return { limit: "lines", found: lines.length, max: maxLines };
  const maxDepth = MARKDOWN_MAX_DEPTH * scale;
  const maxDelimiters = MARKDOWN_MAX_DELIMITERS * scale;
  let delimiters = 0;
  let fence: Fence | undefined;
  for (const [index, line] of lines.entries()) {
    // Inside fenced code nothing nests and nothing pairs up: code keeps its indentation and its asterisks.
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    fence = openingFence(line);
    if (fence) continue;
    const depth = lineDepth(line);
    if (depth > maxDepth) return { limit: "depth", found: depth, max: maxDepth, line: index + 1 };
    delimiters += countDelimiters(line);
    if (delimiters > maxDelimiters) return { limit: "delimiters", found: delimiters, max: maxDelimiters };
  }
  return undefined;
}

/**
 * The first line nested deeper than `maxDepth`, outside fenced code. For long documents (a README), where only
 * nesting, not length, endangers the parser.
 */
export function findDeepLine(
  text: string,
  maxDepth = MARKDOWN_MAX_DEPTH,
): { depth: number; line: number } | undefined {
  let fence: Fence | undefined;
  const lines = text.split(/\r\n?|\n/);
  for (const [index, line] of lines.entries()) {
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    fence = openingFence(line);
    if (fence) continue;
    const depth = lineDepth(line);
    if (depth > maxDepth) return { depth, line: index + 1 };
  }
  return undefined;
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
  }
}
