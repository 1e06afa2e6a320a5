/**
 * URLs in Markdown as GitHub reads it (remark + GFM): links, images, definitions, autolinks and bare URLs,
 * plus href/src inside raw HTML blocks. Code spans and blocks are not links and are skipped.
 */
import { visit } from "unist-util-visit";
import { isHttpUrl, type FoundUrl } from "./targets.js";
import { extractHtmlUrls, extractTextUrls } from "./text.js";
import { parseMarkdown } from "../../markdown/index.js";

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  position?: { start: { line: number; column: number } };
}

/** Every absolute http(s) URL of a Markdown text with its line and column. */
export function extractMarkdownUrls(markdown: string): FoundUrl[] {
  // No "http" and no character reference that could spell it: no absolute URL to find, so no parse (most
  // 摘要 have none, and parsing each one was most of the time link extraction took on a 10k list).
  if (!/http|&#/i.test(markdown)) return [];
  // Nesting past what remark survives (stack overflow, minutes of work): read it as plain text instead.
  const parsed = parseMarkdown(markdown, { document: true });
  if (!parsed.ok) return extractTextUrls(markdown);
  const tree = parsed.tree;
  const found: FoundUrl[] = [];
  visit(tree, (node: MdNode) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    if ((node.type === "link" || node.type === "image" || node.type === "definition") && node.url) {
      if (isHttpUrl(node.url)) found.push({ url: node.url, line: start.line, column: start.column });
    } else if (node.type === "html" && node.value) {
      for (const hit of extractHtmlUrls(node.value)) {
        found.push({
          url: hit.url,
          line: start.line + hit.line - 1,
          column: hit.line === 1 ? start.column + hit.column - 1 : hit.column,
        });
      }
    }
  });
  return found;
}
