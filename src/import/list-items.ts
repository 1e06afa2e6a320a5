/**
 * Awesome-style entries: a bullet list right under a category heading whose every item starts with a link,
 * `- [Name](https://…) - What it is.`, is a list of entries, not prose. Each item becomes one entry (the
 * link is the title and url, the rest of the item its summary); text around such lists stays the intro.
 */
import type { List, ListItem, RootContent } from "mdast";
import { lineColumnAt, lineStarts, oneLine } from "../records/index.js";
import { parseMarkdownDocument } from "./markdown.js";
import { plainText } from "./inline.js";
import type { TextBlock } from "./lines.js";

export interface ListItemEntry {
  /** 1-based line in the source file. */
  line: number;
  title: string;
  url: string;
  /** The item's text after the link (a leading " - ", "–", "—" or ":" removed), verbatim otherwise. */
  description?: string;
}

/** An item of an entry list whose link does not go to an http(s) URL: left in the intro, as written. */
export interface SkippedListItem {
  /** 1-based line in the source file. */
  line: number;
  url: string;
}

export interface ListItemSplit {
  items: ListItemEntry[];
  /** Items whose leading link is not http(s) (`[Notes](notes.md)`): their text stays in the intro. */
  skipped: SkippedListItem[];
  /** The block without those lists (the category's intro), or undefined when nothing else is left. */
  rest?: TextBlock;
  /**
   * The parts of `rest` that stood after the first list of entries (a line between items, a closing
   * paragraph): in the intro they show above the entries, so the importer says they moved.
   */
  moved: TextBlock[];
}

/** The item's link, when the item starts with one. */
function leadingLink(item: ListItem) {
  const first = item.children[0];
  const link = first?.type === "paragraph" ? first.children[0] : undefined;
  return link?.type === "link" ? link : undefined;
}

const isHttp = (url: string) => /^https?:\/\//.test(url);

/**
 * Every item starts with a link, and most of them go to http(s) URLs. One item linking elsewhere (a relative
 * `notes.md`, a typo) no longer turns the whole list into prose: that item stays in the intro. A list of
 * mostly local links (`[Contributing](CONTRIBUTING.md)`, `[Vision](#vision)`) stays prose.
 */
function isEntryList(node: RootContent): node is List {
  if (node.type !== "list" || node.children.length === 0) return false;
  const links = node.children.map(leadingLink);
  const http = links.filter((link) => link && isHttp(link.url)).length;
  return links.every((link) => link !== undefined) && http * 2 > links.length;
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
  const tree = parseMarkdownDocument(block.text);
  const lists = tree.children.filter(isEntryList);
  if (lists.length === 0) return { items: [], skipped: [], rest: block, moved: [] };
  const items: ListItemEntry[] = [];
  const skipped: SkippedListItem[] = [];
  const restParts: TextBlock[] = [];
  // One line index for the block: counting newlines from its start for every part was quadratic.
  const starts = lineStarts(block.text);
  const lineAt = (offset: number) => block.startLine + lineColumnAt(starts, offset).line - 1;
  /** The text between two offsets as a block with its source lines, when it is not blank. */
  const part = (from: number, to: number) => {
    const raw = block.text.slice(from, to);
    const text = raw.trim();
    if (text === "") return;
    const start = from + raw.indexOf(text);
    restParts.push({ startLine: lineAt(start), endLine: lineAt(start + text.length), text });
  };
  let cursor = 0;
  for (const list of lists) {
    const start = list.position?.start.offset ?? 0;
    part(cursor, start);
    cursor = list.position?.end.offset ?? start;
    for (const item of list.children) {
      const link = leadingLink(item);
      if (!link) continue;
      if (!isHttp(link.url)) {
        const from = item.position?.start.offset ?? 0;
        part(from, item.position?.end.offset ?? from);
        skipped.push({ line: lineAt(from), url: link.url });
        continue;
      }
      const after = block.text.slice(link.position?.end.offset ?? 0, item.position?.end.offset ?? 0);
      const description = dedent(after.replace(/^[ \t]*(?:[-–—:][ \t]*)?/, "")).trim();
      items.push({
        line: block.startLine + (item.position?.start.line ?? 1) - 1,
        title: oneLine(plainText(link.children)),
        url: link.url,
        ...(description ? { description } : {}),
      });
    }
  }
  part(cursor, block.text.length);
  const firstListStart = lists[0]?.position?.start.offset ?? 0;
  const firstListLine = lineAt(firstListStart);
  const rest = restParts.map((p) => p.text).join("\n\n");
  return {
    items,
    skipped,
    ...(rest ? { rest: { ...block, text: rest } } : {}),
    moved: restParts.filter((p) => p.startLine > firstListLine),
  };
}
