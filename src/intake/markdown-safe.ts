/**
 * Putting submitted text into a GitHub comment without letting it act: no raw HTML or hidden `<!-- -->`
 * markers, no @-mentions, #123 cross-references or closing keywords (src/markdown/inert.ts), no fence a value
 * can close.
 * GitHub's own sanitizer already strips scripts and event handlers; what is left to us is layout spoofing,
 * notifications and the marker the Action finds its comment by.
 */
import type { Nodes, Root } from "mdast";
import { breakNotifications, defuseMarkers, inertText, oneLine, parseMarkdown } from "../markdown/index.js";
import { safeFence } from "../records/index.js";
import { showInvisible } from "./problems.js";

/** Tags the README renderer emits (images with a width, collapsed 摘要, code holding a tag) and nothing else. */
const SAFE_TAG =
  /^<(?:\/?(?:details|summary|sub|sup|br|p|pre|code)|br\s*\/|img(?:\s+(?:src="https?:\/\/[^"<>\s]+"|(?:width|height)="\d{1,4}%?"|alt="[^"<>]*"))*\s*\/?)>$/i;

/** Breaks mentions, references and closing keywords (src/markdown's breakNotifications). */
export const breakMentions = breakNotifications;

export { defuseMarkers };

/**
 * Plain text as Markdown that renders as exactly that text (one line, no links, HTML, mentions, references
 * or closing keywords), invisible characters shown as <U+…>: src/markdown's inertText.
 */
export function escapeMarkdownText(text: string): string {
  return inertText(showInvisible(oneLine(text)));
}

/**
 * A mention ("@name", after the start or any non-word character) or an issue reference ("#12",
 * "GH-12"): shown in a code span, where GitHub links and notifies nothing, so no invisible break is needed.
 */
const NOTIFYING = /@[\p{L}\p{N}][\p{L}\p{N}_-]*|#\d+|gh-\d+/giu;
/** GitHub links a mention only at the start of a text node or after a non-word character. */
const WORD = /[\p{L}\p{N}_]/u;

/**
 * Plain text as one line of Markdown for an issue comment, rendering as exactly that text with nothing
 * invisible added: Markdown characters escaped, mentions and references in code spans (the text copies as
 * written). Closing keywords are left alone: they act only in pull request bodies and commit messages.
 */
export function escapeCommentText(text: string): string {
  const line = showInvisible(oneLine(text));
  let out = "";
  let at = 0;
  for (const m of line.matchAll(NOTIFYING)) {
    // Right after a code span a new text node starts, where GitHub would link again ("#1@name").
    // References are always shown as code: "owner/repo#1" links after a word character too.
    if (m[0].startsWith("@") && m.index !== at && WORD.test(line.charAt(m.index - 1))) continue;
    out += escapeInlineText(line.slice(at, m.index)) + codeSpan(m[0]);
    at = m.index + m[0].length;
  }
  return out + escapeInlineText(line.slice(at));
}

/** Backslash before every character Markdown could read as syntax; `&` as an entity. */
function escapeInlineText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => (c === "&" ? "&amp;" : `\\${c}`));
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

/**
 * An autolink GitHub keeps as a link (http(s), mailto): its text is its address, and breaking a mention in it
 * would change where it points. Another scheme's (`<entries:org/repo#1>`) GitHub shows as text, where
 * "org/repo#1" would reference an issue: that text is broken like any other.
 */
function isAutolink(node: Nodes): boolean {
  if (node.type !== "link" || node.children.length !== 1 || !/^(?:https?|mailto):/i.test(node.url))
    return false;
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
 * Markdown too large or too deeply nested to parse safely (see src/markdown/limits.ts), or that the parser fails
 * on, is shown as a fenced code block instead: inert by construction, and bounded in time.
 */
export function neutralizeMarkdown(markdown: string): string {
  if (markdown.length > NEUTRALIZE_MAX_CHARS) return fencedBlock(markdown);
  const parsed = parseMarkdown(markdown, { scale: 2 });
  if (!parsed.ok) return fencedBlock(markdown);
  const splices = inertSplices(markdown, parsed.tree);
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
