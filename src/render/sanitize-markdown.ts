/**
 * Record Markdown (摘要, extra, note, intros) stays Markdown in the README but must not break out of the
 * place it is rendered in. The mdast tree (micromark, the parser closest to GitHub's) finds what could:
 *
 * - raw HTML outside the allowlist (html-allowlist.ts), comments and zone markers → shown as text;
 * - headings, which would enter the ToC and the README outline → bold paragraphs;
 * - link reference and footnote definitions, which apply to the whole README → shown as text;
 * - a fenced code block left open, which would swallow the rest of the README → its opening fence escaped
 *   (shown as text). Appending a closing fence instead is not safe: where cmark-gfm ends the block earlier
 *   than micromark (a lazy `<br>` after a list item starts an HTML block there), the added fence opens a new
 *   block that swallows the README.
 *
 * Only those bytes change; everything else in the field is kept as written.
 */
import type { Node, Parent, Root } from "mdast";
import { keepBalancedTags, tokenizeTags, type HtmlToken } from "./html-allowlist.js";
import { scanBlocks } from "./block-scan.js";
import { parseMarkdown, walkTree, withinMarkdownLimits } from "./markdown-tree.js";

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Without any of these the text cannot hold HTML, a heading, a definition or a fence: most 摘要 skip the
 * parse, which is what keeps rendering 10,000 records linear and fast.
 */
const NEEDS_PARSE = /[<#]|```|~~~|\]:|^[ \t>]*(?:=+|-+)[ \t]*$/m;
/** NEEDS_PARSE but for "<": a text that needs the parse for its tags alone may skip it (onlyKeptTags). */
const NEEDS_PARSE_BESIDES_TAGS = /#|```|~~~|\]:|^[ \t>]*(?:=+|-+)[ \t]*$/m;
/**
 * On a line with a tag, what could make it text (a "\" before it), code (a "`"), or part of an inline node
 * that holds only some of the line's tags (emphasis, a link, a strikethrough, a table's cell): the tree's
 * balance groups (htmlEdits) are then no longer whole lines.
 */
const NEAR_TAGS = /[`\\*_[\]~|]/;
/**
 * A tag micromark reads as one: ASCII (JS's \s in TAG takes U+3000 for a space between attributes; CommonMark
 * does not), and nothing in it that starts an autolink literal (micromark reads `<a href=https://…>` as
 * text and a link: strayTagEdits).
 */
const ASCII_TAG = /^[\x20-\x7e]+$/;
const AUTOLINK_START = /https?:|www\.|@/i;

/**
 * Whether the parse would leave `text` as it is, its "<"s all being tags it keeps: on every line with a "<",
 * each one starts a tag the allowlist accepts, and they balance within the line, with nothing near them that
 * could split the line's tags into inline nodes of their own (NEAR_TAGS). Then every balance group the tree
 * makes (a paragraph, an HTML block: whole lines) balances, no "<" is stray, and code holds only allowed
 * tags. The raw HTML 摘要 hold (`<font size=6>…</font><br>`) skips the parse this way: 250 texts of the
 * 10,000-record benchmark cost the site's build 0.45 s parsed.
 */
function onlyKeptTags(text: string): boolean {
  if (NEEDS_PARSE_BESIDES_TAGS.test(text) || !withinMarkdownLimits(text)) return false;
  for (const line of text.split("\n")) {
    if (!line.includes("<")) continue;
    if (NEAR_TAGS.test(line)) return false;
    const tokens = tokenizeTags(line);
    let opens = 0;
    for (let at = line.indexOf("<"); at !== -1; at = line.indexOf("<", at + 1)) opens++;
    if (tokens.length !== opens) return false;
    for (const token of tokens) {
      const tag = line.slice(token.start, token.start + token.length);
      if (!token.allowed || !ASCII_TAG.test(tag) || AUTOLINK_START.test(tag)) return false;
    }
    if (keepBalancedTags(tokens).size !== tokens.length) return false;
  }
  return true;
}

const CR_OR_NUL = /[\r\0]/;

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function offsets(node: Node): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

function htmlEdits(text: string, nodes: readonly { node: Node; group: unknown }[]): Edit[] {
  const groups = new Map<unknown, { base: number; tokens: HtmlToken[]; slice: string }[]>();
  for (const { node, group } of nodes) {
    const range = offsets(node);
    if (!range) continue;
    const slice = text.slice(range[0], range[1]);
    const list = groups.get(group) ?? [];
    list.push({ base: range[0], tokens: tokenizeTags(slice), slice });
    groups.set(group, list);
  }
  const edits: Edit[] = [];
  for (const parts of groups.values()) {
    const kept = keepBalancedTags(parts.flatMap((p) => p.tokens));
    for (const { base, tokens, slice } of parts) {
      const keptStarts = new Set(tokens.filter((t) => kept.has(t)).map((t) => t.start));
      for (let at = slice.indexOf("<"); at !== -1; at = slice.indexOf("<", at + 1)) {
        if (!keptStarts.has(at)) edits.push({ start: base + at, end: base + at + 1, text: "&lt;" });
      }
    }
  }
  return edits;
}

function headingEdits(node: Parent): Edit[] {
  const range = offsets(node);
  if (!range) return [];
  const first = node.children[0];
  const last = node.children.at(-1);
  const inner = first && last ? [offsets(first)?.[0], offsets(last)?.[1]] : [];
  if (inner[0] === undefined || inner[1] === undefined) return [{ start: range[0], end: range[1], text: "" }];
  return [
    { start: range[0], end: inner[0], text: "**" },
    { start: inner[1], end: range[1], text: "**" },
  ];
}

/** The offset of the opening fence of a root-level fenced code block left open; undefined when closed or indented. */
function unclosedFenceStart(text: string, node: Node): number | undefined {
  const range = offsets(node);
  if (!range) return undefined;
  const source = text.slice(range[0], range[1]);
  const match = /^( {0,3})(`{3,}|~{3,})/.exec(source);
  const open = match?.[2];
  if (!match || !open) return undefined;
  const lines = source.split("\n");
  const last = lines.at(-1) ?? "";
  const char = open[0] ?? "`";
  const closed = lines.length > 1 && new RegExp(`^ {0,3}\\${char}{${open.length},}[ \\t]*$`).test(last);
  return closed ? undefined : range[0] + (match[1]?.length ?? 0);
}

function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue; // never overlaps by construction; stay safe if it ever does
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * One pass: the edits the tree asks for, applied (`next`), or undefined when the text is already safe;
 * and where code is, for the last step.
 */
/** Code in the field: where it is, whether it is a block or a span, and the text it shows. */
interface CodeNode {
  start: number;
  end: number;
  block: boolean;
  value: string;
}

function codeNodes(node: Node, block: boolean): CodeNode[] {
  const range = offsets(node);
  const value = (node as { value?: unknown }).value;
  return range && typeof value === "string" ? [{ start: range[0], end: range[1], block, value }] : [];
}

const SYNTAX_NODES = new Set([
  "html",
  "link",
  "linkReference",
  "image",
  "imageReference",
  "definition",
  "footnoteDefinition",
]);

/** Where a `<` is syntax the tree has read (a tag, code, an autolink, a link's destination): [start, end). */
function syntaxRange(text: string, node: Node): [number, number] | undefined {
  const range = offsets(node);
  if (!range) return undefined;
  // An autolink, `<https://…>`, is syntax as a whole.
  if (text[range[0]] === "<") return range;
  const children = (node as Partial<Parent>).children ?? [];
  const lastChild = children.length > 0 ? offsets(children[children.length - 1] as Node) : undefined;
  // `[text](<dest> "title")`: what follows the link's text (the text itself is judged as text).
  return [lastChild ? lastChild[1] : range[0], range[1]];
}

/**
 * Every `<` that starts something tag-like outside what the tree read as HTML, code or link syntax, as
 * `&lt;`. The tree and cmark-gfm disagree on some of them: in `<img src=https://x.example/a.png
 * onerror=…>` micromark reads the address as an autolink literal, so it saw text and a link and no tag,
 * while GitHub reads one raw tag, and `<details title=https://…>` swallowed the rest of the README. Text
 * shows the same either way; escaped, it is text for both.
 */
function strayTagEdits(text: string, protectedRanges: [number, number][]): Edit[] {
  const edits: Edit[] = [];
  // Ranges by start, and the `<` in text order: one sweep, linear in both (a field of 20,000 tags has
  // 20,000 ranges and as many `<`).
  protectedRanges.sort((a, b) => a[0] - b[0]);
  let next = 0;
  let coveredTo = 0;
  for (const m of text.matchAll(/<(?=[A-Za-z/!?])/g)) {
    const at = m.index;
    while (next < protectedRanges.length && (protectedRanges[next] as [number, number])[0] <= at)
      coveredTo = Math.max(coveredTo, (protectedRanges[next++] as [number, number])[1]);
    if (at >= coveredTo) edits.push({ start: at, end: at + 1, text: "&lt;" });
  }
  return edits;
}

function sanitizeOnce(text: string, tree: Root): { next: string | undefined; code: CodeNode[] } {
  const code: CodeNode[] = [];
  const edits: Edit[] = [];
  const html: { node: Node; group: unknown }[] = [];
  // Ranges whose `<` the steps below judge (HTML, code) or that are link syntax.
  const read: [number, number][] = [];
  walkTree(tree, (node, parent) => {
    const syntax = SYNTAX_NODES.has(node.type) ? syntaxRange(text, node) : undefined;
    if (syntax) read.push(syntax);
    switch (node.type) {
      case "html":
        // A block of HTML balances on its own; inline tags balance within their paragraph.
        html.push({ node, group: parent && !FLOW_PARENTS.has(parent.type) ? parent : node });
        break;
      case "heading":
        edits.push(...headingEdits(node as Parent));
        break;
      case "definition":
      case "footnoteDefinition": {
        const start = offsets(node)?.[0];
        if (start !== undefined) edits.push({ start, end: start, text: "\\" });
        break;
      }
      case "code":
        if (parent?.type === "root") {
          const start = unclosedFenceStart(text, node);
          if (start !== undefined) edits.push({ start, end: start, text: "\\" });
        }
        code.push(...codeNodes(node, true));
        break;
      case "inlineCode":
        code.push(...codeNodes(node, false));
        break;
    }
  });
  for (const c of code) read.push([c.start, c.end]);
  edits.push(...htmlEdits(text, html), ...strayTagEdits(text, read));
  if (edits.length === 0) return { next: undefined, code };
  return { next: applyEdits(text, edits), code };
}

/** Every ASCII punctuation character: as a numeric reference it is text in Markdown and in raw HTML alike. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;
const asReference = (c: string) => `&#${c.charCodeAt(0)};`;

/**
 * Code as raw HTML showing the same text: `<code>` for a span, a one-line `<pre><code>` (line breaks as
 * `&#10;`) for a block, so container prefixes on later lines are not needed and the HTML block (CommonMark
 * type 1, `<pre`) ends on the line it starts on. Punctuation as references keeps Markdown, autolinks and
 * tags out of it in both readings (a Markdown paragraph, or the inside of an HTML block).
 */
function codeAsHtml(node: CodeNode): string {
  const value = node.value.replace(PUNCTUATION, asReference);
  return node.block
    ? `<pre><code>${`${value}\n`.replace(/\r?\n/g, "&#10;")}</code></pre>`
    : `<code>${value.replace(/\r?\n/g, " ")}</code>`;
}

/**
 * Tags inside code are text for micromark, but cmark-gfm can read the same lines as an HTML block (a lone
 * `<br>` after a list item starts one there, not here), and then a `</details>` in that code would close the
 * entry's container. Code holding a tag is written as the HTML GitHub renders it anyway (`<code>`,
 * `<pre><code>`) with `<` as `&#60;`: it looks the same, copies as written (nothing invisible is added), and
 * is no tag in either reading.
 */
function defuseTagsInCode(text: string, code: readonly CodeNode[]): string {
  const edits: Edit[] = [];
  for (const node of code) {
    const slice = text.slice(node.start, node.end);
    // Inline formatting the allowlist accepts (`<s>`, `<br>`) cannot close a container: left as written.
    const harmless = new Set(
      tokenizeTags(slice)
        .filter((t) => t.allowed)
        .map((t) => t.start),
    );
    const risky = [...slice.matchAll(/<(?=[A-Za-z/!?])/g)].some((m) => !harmless.has(m.index));
    if (risky) edits.push({ start: node.start, end: node.end, text: codeAsHtml(node) });
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}

/**
 * Escaping can change how the lines after it parse (an escaped `</details>` no longer opens an HTML block,
 * so a `# line` below it becomes a heading), hence passes until nothing changes. Each pass removes
 * constructs and adds none, so this ends quickly; the cap is a guard, with a code block as the last resort.
 */
const MAX_PASSES = 8;

const UNDERLINE = /^([ \t>]{0,3}(?:>[ \t]?)*)(=+|-+)[ \t]*$/;

/**
 * The tree and GitHub can disagree about lazy lines in block quotes and lists (`>-` then `text` then `===`
 * is a heading for cmark-gfm but not for micromark). Whatever the parsers say, a setext underline right under
 * a text line becomes literal text (`\===`), outside code.
 */
function escapeUnderlines(text: string): string {
  const lines = text.split("\n");
  const { fenced } = scanBlocks(text);
  let changed = false;
  for (let i = 1; i < lines.length; i++) {
    const m = UNDERLINE.exec(lines[i] ?? "");
    const previous = (lines[i - 1] ?? "").replace(/^[ \t>]*/, "");
    if (!m || fenced[i] || previous.trim() === "" || /^(?: {4}|\t)/.test(lines[i] ?? "")) continue;
    lines[i] = `${m[1]}\\${(lines[i] ?? "").slice((m[1] ?? "").length)}`;
    changed = true;
  }
  return changed ? lines.join("\n") : text;
}

/**
 * The tree and GitHub can disagree about where a fence opens too: in "text\n<br>\n:-\n```" cmark-gfm reads a
 * one-column table (its header the paragraph's last line) and then a fence left open, which swallowed the
 * README; micromark reads table rows and no fence. Whatever the tree says, a top-level fence the line scan
 * (block-scan.ts) leaves open has its opening shown as text, as an open fence the tree sees has.
 */
function escapeOpenFence(text: string): string {
  const { openFenceLine } = scanBlocks(text);
  if (openFenceLine === undefined) return text;
  const lines = text.split("\n");
  lines[openFenceLine] = (lines[openFenceLine] ?? "").replace(/^ {0,3}/, (indent) => `${indent}\\`);
  return lines.join("\n");
}

/** Makes record Markdown safe to embed in the README (see the module comment). Pure and deterministic. */
export function sanitizeMarkdown(markdown: string): string {
  const text = normalized(markdown);
  if (!NEEDS_PARSE.test(text) || onlyKeptTags(text)) return text;
  return sanitizeParsed(text);
}

/** sanitizeMarkdown with every text parsed (its shortcuts are tested against it). */
export function sanitizeMarkdownSlow(markdown: string): string {
  return sanitizeParsed(normalized(markdown));
}

/** Line breaks as "\n", NUL as U+FFFD, no trailing whitespace. */
function normalized(markdown: string): string {
  // One scan finds whether there is anything to replace (most records have neither): two global replaces
  // scanned every 摘要 twice.
  return (
    CR_OR_NUL.test(markdown) ? markdown.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD") : markdown
  ).trimEnd();
}

function sanitizeParsed(input: string): string {
  let text = input;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    // Text nested or marked up past the parser's limits (a hand-edited record can be anything): shown as
    // text; lint's markdown-structure rule reports it.
    const parsed = parseMarkdown(text);
    if (!parsed.ok) return fenceAsText(text);
    const { next, code } = sanitizeOnce(text, parsed.tree);
    // A fence only the line scan sees open is escaped, then the text is read again like any other change.
    const changed = next ?? escapeOpenFence(text);
    if (changed === text) return escapeUnderlines(defuseTagsInCode(text, code));
    text = changed;
  }
  return fenceAsText(text);
}

/** The text inside a code fence longer than any backtick run in it: shown verbatim, never interpreted. */
function fenceAsText(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}
