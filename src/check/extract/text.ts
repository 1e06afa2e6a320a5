/**
 * URLs in HTML and in plain text, with line and column: pure functions of the text. Lines come from one
 * line-start index per text (binary search per URL): rescanning from the start for every URL made 50,000
 * links cost seconds.
 */
import { lineColumnAt, lineStarts } from "../../records/index.js";
import { isHttpUrl, trimUrl, type FoundUrl } from "./targets.js";

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
};

/** href= and src= values of HTML (absolute http(s) only). */
export function extractHtmlUrls(html: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  const starts = lineStarts(html);
  const attr = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`=]+))/gi;
  for (const match of html.matchAll(attr)) {
    const raw = (match[1] ?? match[2] ?? match[3] ?? "").trim();
    const url = raw.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);
    if (!isHttpUrl(url)) continue;
    const valueOffset = (match.index ?? 0) + match[0].indexOf(raw);
    found.push({ url, ...lineColumnAt(starts, valueOffset) });
  }
  return found;
}

/** Bare http(s) URLs anywhere in a text (a urls.txt, a log, a comment). */
export function extractTextUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  const starts = lineStarts(text);
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'`{}|\\^]+/gi)) {
    const url = trimUrl(match[0]);
    if (isHttpUrl(url)) found.push({ url, ...lineColumnAt(starts, match.index ?? 0) });
  }
  return found;
}
