/**
 * Awesome-style entries: a bullet list right under a category heading whose every item starts with a link,
 * `- [Name](https://…) - What it is.`, is a list of entries, not prose. Each item becomes one entry (the
 * link is the title and url, the rest of the item its summary); text around such lists stays the intro.
 */
import type { List, ListItem, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { plainText } from "./inline.js";
import type { TextBlock } from "./lines.js";

const markdown = unified().use(remarkParse).use(remarkGfm);

export interface ListItemEntry {
  /** 1-based line in the source file. */
  line: number;
  title: string;
  url: string;
  /** The item's text after the link (a leading " - ", "–", "—" or ":" removed), verbatim otherwise. */
  description?: string;
}

export interface ListItemSplit {
  items: ListItemEntry[];
  /** The block without those lists (the category's intro), or undefined when nothing else is left. */
  rest?: TextBlock;
}

/** The item's link, when the item starts with one to an http(s) URL. */
function leadingLink(item: ListItem) {
  const first = item.children[0];
  const link = first?.type === "paragraph" ? first.children[0] : undefined;
  return link?.type === "link" && /^https?:\/\//.test(link.url) ? link : undefined;
}

function isEntryList(node: RootContent): node is List {
  return node.type === "list" && node.children.length > 0 && node.children.every((item) => leadingLink(item));
}

/** Removes the indentation continuation lines share, so a nested list reads as written. */
function dedent(text: string): string {
  const [head = "", ...tail] = text.split("\n");
  const indents = tail.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return [head, ...tail.map((l) => l.slice(cut))].join("\n");
}

/** Splits entry lists out of a category's text. Blocks without such a list come back unchanged. */
export function splitListEntries(block: TextBlock): ListItemSplit {
  const tree = markdown.parse(block.text);
  const lists = tree.children.filter(isEntryList);
  if (lists.length === 0) return { items: [], rest: block };
  const items: ListItemEntry[] = [];
  const restParts: string[] = [];
  let cursor = 0;
  for (const list of lists) {
    const start = list.position?.start.offset ?? 0;
    restParts.push(block.text.slice(cursor, start));
    cursor = list.position?.end.offset ?? start;
    for (const item of list.children) {
      const link = leadingLink(item);
      if (!link) continue;
      const after = block.text.slice(link.position?.end.offset ?? 0, item.position?.end.offset ?? 0);
      const description = dedent(after.replace(/^[ \t]*(?:[-–—:][ \t]*)?/, "")).trim();
      items.push({
        line: block.startLine + (item.position?.start.line ?? 1) - 1,
        title: plainText(link.children).replace(/\s+/g, " ").trim(),
        url: link.url,
        ...(description ? { description } : {}),
      });
    }
  }
  restParts.push(block.text.slice(cursor));
  const rest = restParts.join("").trim();
  return { items, ...(rest ? { rest: { ...block, text: rest } } : {}) };
}
