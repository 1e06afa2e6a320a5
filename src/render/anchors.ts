/**
 * Heading anchors as GitHub makes them: github-slugger over each heading's text, one slugger for the whole
 * document in order, so a second "LLM" heading becomes `llm-1` — including headings written by hand
 * before the generated zones.
 */
import GithubSlugger from "github-slugger";
import { parseMarkdown, textContent } from "./markdown-tree.js";

/** Inline syntax that can change a heading's visible text; without it the raw text is the text. */
const INLINE_SYNTAX = /[\\`*_<>&[\]~!]/;

/** The visible text of a heading's inline Markdown (`[Shikra](url) &#42;` → `Shikra *`). */
export function headingText(content: string): string {
  if (!INLINE_SYNTAX.test(content)) return content;
  // Parsed as a heading so a leading "1." or "-" stays text, as it does in the README; a multi-line
  // (setext) heading keeps its line breaks, which GitHub's text has too.
  // Continuation lines are indented so none of them can start a block of its own (indented code cannot
  // interrupt a paragraph).
  const source = content.includes("\n") ? `${content.split("\n").join("\n    ")}\n===` : `# ${content}`;
  const parsed = parseMarkdown(source, { document: true });
  const heading = parsed.ok ? parsed.tree.children[0] : undefined;
  return heading ? textContent(heading) : content;
}

/** Hands out anchors in document order, numbering repeats like GitHub does. */
export class AnchorSlugger {
  private readonly slugger = new GithubSlugger();

  /** The anchor of the next heading in the document, given its raw inline Markdown. */
  next(content: string): string {
    return this.slugger.slug(headingText(content));
  }
}
