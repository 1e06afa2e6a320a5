/**
 * Inline content of one line: HackMD image sizes, then the Markdown parser (remark + GFM) for links, images
 * and link text. HackMD's `![](url =50%x)` is not CommonMark (the space ends the URL), so sizes are taken out
 * before parsing and handed back by image order.
 */
import type { Image as MdImage, Link as MdLink, Paragraph, PhrasingContent, RootContent } from "mdast";
import { parseMarkdownDocument } from "./markdown.js";

/** A HackMD size as written: `=WIDTHxHEIGHT`, either part optional, pixels or percent. */
export interface HackmdSize {
  width?: string;
  height?: string;
  /** True for `png=80%x`: no space between the URL and the size. */
  withoutSpace: boolean;
}

// `![alt](url =50%x)`; also `![alt](url=80%x)` but only with a percent, which cannot end a real URL
// (a bare "%x" is not a valid percent-escape), so "?w=2x" in a URL is never mistaken for a size.
const SIZED_IMAGE = /(!\[[^\]\n]*\]\()([^()\s]+?)(?:([ \t]+)=(\d*%?)x(\d*%?)|=(\d+%)x(\d*%?))\)/g;

/** Removes HackMD sizes from image syntax; returns the CommonMark text and the sizes in image order. */
export function stripHackmdSizes(text: string): { text: string; sizes: Map<number, HackmdSize> } {
  const sizes = new Map<number, HackmdSize>();
  // Count every image (sized or not) so sizes line up with the parser's image order.
  const starts = [...text.matchAll(/!\[[^\]\n]*\]\(/g)].map((m) => m.index);
  const stripped = text.replace(SIZED_IMAGE, (...args: unknown[]) => {
    const [, open, url, space, w1, h1, w2, h2] = args as (string | undefined)[];
    const offset = args[args.length - 2] as number; // replace() passes (match, ...groups, offset, whole)
    const width = (space ? w1 : w2) ?? "";
    const height = (space ? h1 : h2) ?? "";
    sizes.set(starts.indexOf(offset), {
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
      withoutSpace: !space,
    });
    return `${open}${url})`;
  });
  return { text: stripped, sizes };
}

/** The plain text of inline Markdown nodes (what a reader sees): emphasis and escapes removed. */
export function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if ("value" in n) return n.value;
      if (n.type === "image") return n.alt ?? "";
      if (n.type === "break") return "\n";
      return "children" in n ? plainText(n.children) : "";
    })
    .join("");
}

/** Parses inline Markdown; returns the paragraph's content, or undefined when the text is not one paragraph. */
export function parseInline(text: string): PhrasingContent[] | undefined {
  const children: RootContent[] = parseMarkdownDocument(text).children;
  if (children.length !== 1 || children[0]?.type !== "paragraph") return undefined;
  return (children[0] as Paragraph).children;
}

export type MediaItem =
  | { type: "image"; url: string; alt: string; size?: HackmdSize }
  | { type: "link"; url: string; text: string };

/**
 * The images and links of a line made only of images and links (whitespace between them allowed), or
 * undefined when the line has anything else (text, a table row, a list): then it is kept verbatim as extra.
 */
export function readMediaLine(line: string): MediaItem[] | undefined {
  const { text, sizes } = stripHackmdSizes(line.trim());
  const nodes = parseInline(text);
  if (!nodes) return undefined;
  const items: MediaItem[] = [];
  let imageIndex = 0;
  for (const node of nodes) {
    if (node.type === "text" && /^\s*$/.test(node.value)) continue;
    if (node.type === "image") {
      const size = sizes.get(imageIndex++);
      items.push({ type: "image", url: node.url, alt: node.alt ?? "", ...(size ? { size } : {}) });
    } else if (node.type === "link" && node.children.every((c) => c.type !== "image")) {
      items.push({ type: "link", url: node.url, text: plainText(node.children) });
    } else return undefined;
  }
  return items.length > 0 ? items : undefined;
}

/** An entry heading: `[title](url)` then an optional `[date or venue]`, and whatever else followed. */
export interface EntryHeading {
  title: string;
  url: string;
  /** The bracketed text after the link, trimmed; "" for `[]`. */
  when?: string;
  /** Anything after the link that is not one bracketed group. */
  rest?: string;
}

/** Reads an entry heading's text (without the #s), or undefined when it does not start with a link. */
export function readEntryHeading(text: string): EntryHeading | undefined {
  const nodes = parseInline(text.trim());
  const [first, ...others] = nodes ?? [];
  if (first?.type !== "link") return undefined;
  const link: MdLink = first;
  const after = plainTextOf(others).trim();
  const bracket = /^(?:\[([^\]]*)\]|【([^】]*)】|\(([^)]*)\))$/.exec(after);
  const when = bracket ? (bracket[1] ?? bracket[2] ?? bracket[3] ?? "").trim() : undefined;
  return {
    title: plainText(link.children),
    url: link.url,
    ...(when !== undefined ? { when } : {}),
    ...(after && when === undefined ? { rest: after } : {}),
  };
}

function plainTextOf(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) => (n.type === "link" || n.type === "image" ? sourceLike(n) : plainText([n])))
    .join("");
}

/** A link or image after the heading's link, written back so a notice can quote it. */
function sourceLike(node: MdLink | MdImage): string {
  return node.type === "image"
    ? `![${node.alt ?? ""}](${node.url})`
    : `[${plainText(node.children)}](${node.url})`;
}

/** Every link in a block of Markdown, in order, with its plain text. */
export function collectLinks(markdownText: string): { url: string; text: string }[] {
  const found: { url: string; text: string }[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "link") found.push({ url: node.url, text: plainText(node.children) });
      else if ("children" in node) walk(node.children as RootContent[]);
    }
  };
  walk(parseMarkdownDocument(markdownText).children);
  return found;
}
