/** The importer's Markdown: the shared parser (src/markdown) with a document's limits (nesting only). */
import type { Root } from "mdast";
import { describeMarkdownLimit, parseMarkdown } from "../markdown/index.js";

/** Parses a block or line of the imported file; nesting past the parser's limit is an error saying where. */
export function parseMarkdownDocument(text: string): Root {
  const parsed = parseMarkdown(text, { document: true });
  if (parsed.ok) return parsed.tree;
  throw new Error(`Markdown ${describeMarkdownLimit(parsed.problem).message}`);
}
