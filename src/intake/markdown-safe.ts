/**
 * Putting submitted text into a GitHub comment without letting it act: no raw HTML or hidden `<!-- -->`
 * markers, no @-mentions or #123 cross-references that would notify people, no fence a value can close.
 * GitHub's own sanitizer already strips scripts and event handlers; what is left to us is layout spoofing,
 * notifications and the marker the Action finds its comment by.
 */
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { safeFence } from "../records/fences.js";
import { checkMarkdownLimits } from "../records/markdown-limits.js";
import { showInvisible } from "./problems.js";

/** U+200B after "@" or "#": the way Renovate and Dependabot quote release notes without pinging anyone. */
const BREAK = "\u200B";
/**
 * "@name", not "a@b.org"; also "&#64;name": GitHub finds mentions in the decoded text. An "@" counts as the
 * character before one: GitHub's pattern is (?:^|\W)@name, so "@@name" mentions name.
 */
const MENTION = /(^|[^\p{L}\p{N}_/.-])@(?=[\p{L}\p{N}])|(?:&#0*64;|&#x0*40;|&commat;)(?=[\p{L}\p{N}])/giu;
/** "#12", "owner/repo#12" and the escaped "&#35;12" (the README's escaping of "#"), not the entity "&#12;". */
const REFERENCE = /(?:(?<!&)#|&#0*35;|&#x0*23;|&num;)(?=\d)/gi;
/** Tags the README renderer emits (images with a width, collapsed 摘要) and nothing else. */
const SAFE_TAG =
  /^<(?:\/?(?:details|summary|sub|sup|br|p)|br\s*\/|img(?:\s+(?:src="https?:\/\/[^"<>\s]+"|(?:width|height)="\d{1,4}%?"|alt="[^"<>]*"))*\s*\/?)>$/i;

/** Breaks @-mentions and #123 / owner/repo#123 references so the comment notifies no one. */
export function breakMentions(text: string): string {
  return text
    .replace(MENTION, (match) => `${match}${BREAK}`)
    .replace(REFERENCE, (match) => `${match}${BREAK}`);
}

/** Hidden `<!-- papershelf…` markers in text, broken so only the comment's own marker is ever found. */
export function defuseMarkers(text: string): string {
  return text.replace(/<!--(\s*)papershelf/gi, `<!--$1papers${BREAK}helf`);
}

/** Plain text as Markdown that renders as exactly that text (one line, no links, HTML or mentions). */
export function escapeMarkdownText(text: string): string {
  // Each whitespace run is matched once (no backtracking into it), and becomes one space if it holds a line break.
  const oneLine = showInvisible(text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? " " : run)));
  return breakMentions(
    oneLine.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => (c === "&" ? "&amp;" : `\\${c}`)),
  );
}

/** Text as an inline code span no backtick inside it can close. */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks} ${oneLine} ${ticks}`;
}

/** A fenced code block whose fence is longer than any run of backticks inside. */
export function fencedBlock(text: string, info = ""): string {
  const fence = safeFence(text);
  return `${fence}${info}\n${text.replace(/\n?$/, "\n")}${fence}`;
}

function isSafeHtml(value: string): boolean {
  const tags = value.match(/<[^>]*>?/g) ?? [];
  return !value.includes("<!--") && tags.every((tag) => SAFE_TAG.test(tag));
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Longer Markdown is never shown in one comment (GitHub's limit is 65,536); it is not worth a parse either. */
const NEUTRALIZE_MAX_CHARS = 65_536;

/** An autolink's text is its address: breaking a mention in it would change where it points. */
function isAutolink(node: Nodes): boolean {
  if (node.type !== "link" || node.children.length !== 1) return false;
  const child = node.children[0];
  return child?.type === "text" && (child.value === node.url || `mailto:${child.value}` === node.url);
}

/** The splices that make raw HTML and mentions inert, found with an explicit stack (no recursion to overflow). */
function inertSplices(markdown: string, tree: Root): Splice[] {
  const splices: Splice[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isAutolink(node)) continue;
    if ("children" in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const source = markdown.slice(start, end);
    let text = source;
    if (node.type === "html")
      text = breakMentions(isSafeHtml(source) ? source : source.replace(/</g, "&lt;"));
    else if (node.type === "text") text = breakMentions(source);
    if (text !== source) splices.push({ start, end, text });
  }
  return splices;
}

/**
 * Markdown made inert for a comment, keeping every other byte: raw HTML other than the renderer's own
 * safe tags is shown as text, and mentions and references in text are broken. Code is left as is.
 * Markdown too large or too deeply nested to parse safely (see markdown-limits.ts), or that the parser fails
 * on, is shown as a fenced code block instead: inert by construction, and bounded in time.
 */
export function neutralizeMarkdown(markdown: string): string {
  if (markdown.length > NEUTRALIZE_MAX_CHARS || checkMarkdownLimits(markdown, 2))
    return fencedBlock(markdown);
  let splices: Splice[];
  try {
    splices = inertSplices(markdown, unified().use(remarkParse).use(remarkGfm).parse(markdown));
  } catch {
    // A parser failure on hostile input (e.g. a RangeError the limits did not foresee) must not end the run.
    return fencedBlock(markdown);
  }
  let out = markdown;
  for (const s of splices.sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Markdown inside a blockquote: every line quoted, so nothing in it can end the quote early. */
export function blockquote(markdown: string): string {
  return markdown
    .replace(/(?<!\n)\n+$/, "")
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
}
