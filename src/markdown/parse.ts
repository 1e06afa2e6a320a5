/**
 * The one Markdown parser (remark-parse + remark-gfm, i.e. micromark: CommonMark and GFM as GitHub reads
 * them), with the limits built in: no caller can parse without them. See limits.ts for what is bounded and why.
 */
import type { Nodes, Root } from "mdast";
import {
  MARKDOWN_MAX_CONTAINER_MARKERS,
  MARKDOWN_MAX_DELIMITERS,
  MARKDOWN_MAX_DELIMITERS_ANYWHERE,
  MARKDOWN_MAX_DEPTH,
  MARKDOWN_MAX_LINES,
  MARKDOWN_MAX_PARAGRAPH_SCANS,
  PREFIX_MASK_LEVELS,
  countDelimiters,
  paragraphScanCounter,
  scanPrefix,
  splitLines,
  type MarkdownLimitProblem,
} from "./limits.js";
import { loadRemark } from "./remark.js";
import { loadRemarkMath } from "./remark-math.js";

export interface MarkdownParseOptions {
  /** Multiplies every limit (the comment's preview holds the 摘要 and the note, plus lines of its own). */
  scale?: number;
  /**
   * A whole document the maintainers own (the README, an imported list): only nesting is bounded, since only
   * nesting, not length, stops the parser (stack overflow).
   */
  document?: boolean;
  /**
   * Also read math as GitHub shows it: `$…$` and `$$…$$` (remark-math; a ```math fence is a code block either
   * way). For the site, which renders it. Elsewhere (lint, the README, the intake) the text is read as written.
   */
  math?: boolean;
}

export type MarkdownParse = { ok: true; tree: Root } | { ok: false; problem: MarkdownLimitProblem };

let processor: ReturnType<typeof createProcessor> | undefined;
let mathProcessor: ReturnType<typeof createProcessor> | undefined;

function createProcessor(math: boolean) {
  const { unified, remarkParse, remarkGfm } = loadRemark();
  const gfm = unified().use(remarkParse).use(remarkGfm);
  return (math ? gfm.use(loadRemarkMath()) : gfm).freeze();
}

function micromark(text: string, math = false): Root {
  if (!math) return (processor ??= createProcessor(false)).parse(text);
  const tree = (mathProcessor ??= createProcessor(true)).parse(text);
  keepCurrencyAsText(tree, text);
  return tree;
}

/**
 * The span `source` as the parser without math reads it, in place of a math node: its phrasing (emphasis,
 * links, escapes), or the text itself when it does not read as one paragraph.
 */
function asPhrasing(source: string, position: Nodes["position"]): Nodes[] {
  const [block, ...more] = (processor ??= createProcessor(false)).parse(source).children;
  if (block?.type === "paragraph" && more.length === 0) return block.children;
  return [{ type: "text", value: source, position }];
}

/**
 * Sets the text of a math node (remark-math's `inlineMath` or `math`) and of the HTML made from it:
 * mdast-util-math copies the value into `data.hChildren` when it parses (inline math becomes
 * <code>text</code>, a block <pre><code>text</code></pre>), and the HTML is made from that copy.
 */
export function setMathValue(node: Nodes, value: string): void {
  const math = node as unknown as { type: string; value: string; data?: { hChildren?: unknown[] } };
  const text = { type: "text", value };
  math.value = value;
  if (math.type === "inlineMath") math.data = { ...math.data, hChildren: [text] };
  else {
    const code = math.data?.hChildren?.[0] as { children?: unknown[] } | undefined;
    if (code) code.children = [text];
  }
}

/** The one-dollar math span as a reader means it: pandoc's rule (GitLab follows it too), see below. */
const SPACE_OR_EMPTY = /^$|^\s|\s$/;

/**
 * remark-math takes any text between two `$` as math, as it takes code between backticks: "costs $5, or $10
 * a month" would be the formula "5, or ". Pandoc's rule keeps prices as text: a one-dollar span is math only
 * if no space follows its opening `$` or comes before its closing one, and no digit follows the closing `$`.
 * A span that fails it is read again without math ("$5 **only**, or $" keeps its emphasis). GitHub's own
 * `` $`…`$ `` form (for formulas holding Markdown characters) is math between the backticks.
 */
function keepCurrencyAsText(tree: Root, text: string): void {
  // micromark counts offsets after a byte order mark.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!("children" in node)) continue;
    const children = node.children as Nodes[];
    if (!children.some((child) => (child.type as string) === "inlineMath")) {
      stack.push(...children);
      continue;
    }
    const kept: Nodes[] = [];
    for (const child of children) {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      if ((child.type as string) !== "inlineMath" || start === undefined || end === undefined) {
        stack.push(child);
        kept.push(child);
        continue;
      }
      const source = text.slice(start + shift, end + shift);
      const ticked = /^`([^`]+)`$/.exec((child as Nodes & { value: string }).value);
      if (ticked) setMathValue(child, ticked[1] as string);
      // The span as written: remark-math drops a space at both ends, as from a code span.
      const price =
        !source.startsWith("$$") &&
        !ticked &&
        (SPACE_OR_EMPTY.test(source.slice(1, -1)) || /\d/.test(text.charAt(end + shift)));
      kept.push(...(price ? asPhrasing(source, child.position) : [child]));
    }
    node.children = kept as typeof node.children;
  }
}

const CONTAINERS = new Set(["blockquote", "listItem", "footnoteDefinition"]);

interface TreeFacts {
  depth: number;
  depthLine: number;
  /** 1-based lines inside code blocks (fenced or indented). */
  codeLines: Set<number>;
}

/** Nesting and code lines of a tree, with an explicit stack (no recursion to overflow). */
function measureTree(tree: Root): TreeFacts {
  const facts: TreeFacts = { depth: 0, depthLine: 1, codeLines: new Set() };
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node } = item;
    const depth = item.depth + (CONTAINERS.has(node.type) ? 1 : 0);
    if (depth > facts.depth) {
      facts.depth = depth;
      facts.depthLine = node.position?.start.line ?? 1;
    }
    if (node.type === "code" && node.position)
      for (let line = node.position.start.line; line <= node.position.end.line; line++)
        facts.codeLines.add(line);
    if ("children" in node) for (const child of node.children) stack.push({ node: child, depth });
  }
  return facts;
}

interface Prepared {
  lines: string[];
  /** 0-based index → levels of each line whose prefix was masked. */
  masked: Map<number, number>;
  /** The text micromark parses: `text` with every prefix masked past PREFIX_MASK_LEVELS (same length). */
  parseable: string;
}

/** The cost bounds, on every line (code included), and the masked text; or the first bound passed. */
function prepare(text: string, scale: number, document: boolean): Prepared | MarkdownLimitProblem {
  const lines = splitLines(text);
  const maxLines = MARKDOWN_MAX_LINES * scale;
  if (!document && lines.length > maxLines) return { limit: "lines", found: lines.length, max: maxLines };
  const masked = new Map<number, number>();
  let markers = 0;
  let delimiters = 0;
  const scans = paragraphScanCounter();
  const pieces: string[] = [];
  let copied = 0;
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const prefix = scanPrefix(line);
    markers += Math.min(prefix.markers, PREFIX_MASK_LEVELS);
    if (!document) {
      delimiters += countDelimiters(line);
      scans.add(line);
    }
    if (prefix.maskFrom !== undefined) {
      masked.set(index, prefix.levels);
      // Same length, so every offset and line of the tree stays true for `text`.
      const [from, to] = [offset + prefix.maskFrom, offset + prefix.end];
      pieces.push(text.slice(copied, from), "x".repeat(to - from));
      copied = to;
    }
    offset +=
      line.length + (text[offset + line.length] === "\r" && text[offset + line.length + 1] === "\n" ? 2 : 1);
  }
  if (!document) {
    const maxMarkers = MARKDOWN_MAX_CONTAINER_MARKERS * scale;
    if (markers > maxMarkers) return { limit: "containers", found: markers, max: maxMarkers };
    const maxAnywhere = MARKDOWN_MAX_DELIMITERS_ANYWHERE * scale;
    if (delimiters > maxAnywhere)
      return { limit: "delimiters", found: delimiters, max: MARKDOWN_MAX_DELIMITERS * scale };
    const maxScans = MARKDOWN_MAX_PARAGRAPH_SCANS * scale;
    if (scans.total() > maxScans) return { limit: "scans", found: scans.total(), max: maxScans };
  }
  pieces.push(text.slice(copied));
  return { lines, masked, parseable: pieces.join("") };
}

/**
 * Parses Markdown into an mdast tree (nodes carry line, column and offset), or says which limit it passes:
 * nesting deeper than MARKDOWN_MAX_DEPTH, and for fields also lines, list markers and delimiters.
 */
export function parseMarkdown(text: string, options: MarkdownParseOptions = {}): MarkdownParse {
  const scale = options.scale ?? 1;
  const document = options.document ?? false;
  const prepared = prepare(text, scale, document);
  if ("limit" in prepared) return { ok: false, problem: prepared };
  let tree: Root;
  try {
    tree = micromark(prepared.parseable, options.math);
  } catch (error) {
    // Not expected below the bounds above; a parser failure on hostile input still must not end the run.
    if (error instanceof RangeError) return { ok: false, problem: deepest(prepared, 1) };
    throw error;
  }
  const facts = measureTree(tree);
  // A masked line is fine only where the masked and the original text are both code (see limits.ts).
  for (const [index, levels] of prepared.masked)
    if (!facts.codeLines.has(index + 1))
      return {
        ok: false,
        problem: { limit: "depth", found: levels, max: MARKDOWN_MAX_DEPTH * scale, line: index + 1 },
      };
  const maxDepth = MARKDOWN_MAX_DEPTH * scale;
  if (facts.depth > maxDepth)
    return {
      ok: false,
      problem: { limit: "depth", found: facts.depth, max: maxDepth, line: facts.depthLine },
    };
  if (!document) {
    let delimiters = 0;
    for (const [index, line] of prepared.lines.entries())
      if (!facts.codeLines.has(index + 1)) delimiters += countDelimiters(line);
    const maxDelimiters = MARKDOWN_MAX_DELIMITERS * scale;
    if (delimiters > maxDelimiters)
      return { ok: false, problem: { limit: "delimiters", found: delimiters, max: maxDelimiters } };
  }
  // Masked lines are code in both texts, so the original parses alike and as fast: its tree has the true values.
  return { ok: true, tree: prepared.masked.size === 0 ? tree : micromark(text, options.math) };
}

function deepest(prepared: Prepared, fallbackLine: number): MarkdownLimitProblem {
  let found = 0;
  let line = fallbackLine;
  for (const [index, l] of prepared.lines.entries()) {
    const levels = scanPrefix(l).levels;
    if (levels > found) [found, line] = [levels, index + 1];
  }
  return { limit: "depth", found, max: MARKDOWN_MAX_DEPTH, line };
}

/**
 * The first limit the text passes, or undefined. When no line's prefix could nest past the depth limit and
 * the delimiters anywhere stay under the limit, micromark cannot pass either (the counts are upper bounds),
 * and the text is not parsed at all: most 摘要 take this path.
 */
export function checkMarkdownLimits(text: string, scale = 1): MarkdownLimitProblem | undefined {
  if (withinMarkdownLimits(text, scale)) return undefined;
  const parsed = parseMarkdown(text, { scale });
  return parsed.ok ? undefined : parsed.problem;
}

/**
 * Whether the text is within every limit without parsing it (checkMarkdownLimits): no line's prefix could
 * nest past the depth limit, and the lines, markers, delimiters and paragraph scans stay under theirs. False
 * says only that a parse must decide.
 */
export function withinMarkdownLimits(text: string, scale = 1): boolean {
  const lines = splitLines(text);
  let delimiters = 0;
  let markers = 0;
  let shallow = true;
  const scans = paragraphScanCounter();
  for (const line of lines) {
    const prefix = scanPrefix(line);
    markers += prefix.markers;
    shallow &&= prefix.levels <= MARKDOWN_MAX_DEPTH * scale;
    delimiters += countDelimiters(line);
    scans.add(line);
  }
  return (
    shallow &&
    scans.total() <= MARKDOWN_MAX_PARAGRAPH_SCANS * scale &&
    lines.length <= MARKDOWN_MAX_LINES * scale &&
    markers <= MARKDOWN_MAX_CONTAINER_MARKERS * scale &&
    delimiters <= MARKDOWN_MAX_DELIMITERS * scale
  );
}
