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
  // URLs come in text order, so the line is found by walking forward from the last one: no line index,
  // no search, one pass over the text in all (a 50,000-line urls.txt is read once).
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const pattern = /https?:\/\/[^\s<>"'`{}|\\^]+/gi;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const url = trimUrl(match[0]);
    if (!isHttpUrl(url)) continue;
    for (
      let nl = text.indexOf("\n", scanned);
      nl !== -1 && nl < match.index;
      nl = text.indexOf("\n", nl + 1)
    ) {
      line++;
      lineStart = nl + 1;
    }
    scanned = match.index;
    found.push({ url, line, column: match.index - lineStart + 1 });
  }
  return found;
}
