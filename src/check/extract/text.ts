/**
 * URLs in HTML and in plain text, with line and column: pure functions of the text. Lines come from one
 * line-start index per text (binary search per URL): rescanning from the start for every URL made 50,000
 * links cost seconds.
 */
import { lineColumnAt, lineStarts } from "../../records/index.js";
import { trimUrl } from "../../urls/index.js";
import { isHttpUrl, type FoundUrl } from "./targets.js";

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

/** Where a bare URL starts, and the first character that ends one (as GitHub's autolinker stops). */
const URL_SCHEME = /https?:\/\//gi;
const URL_END = /[\s<>"'`{}|\\^]/g;

/**
 * Bare http(s) URLs anywhere in a text (a urls.txt, a log, a comment): a scheme followed by at least one
 * character up to the first space, quote, bracket of HTML or backslash, trailing punctuation trimmed.
 */
export function extractTextUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  // `test` on a global regex moves lastIndex without making a match array: on a 50,000-line urls.txt
  // the arrays were most of the garbage, and their scavenges most of the time.
  const scheme = new RegExp(URL_SCHEME);
  const end = new RegExp(URL_END);
  // URLs come in text order, so the line is found by walking forward from the last one: no line index,
  // no search, one pass over the text in all.
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  while (scheme.test(text)) {
    const afterScheme = scheme.lastIndex;
    // "https://" has an s (or S) just before its "://"; "http://" a p.
    const start = afterScheme - ((text.charCodeAt(afterScheme - 4) | 0x20) === 0x73 ? 8 : 7);
    end.lastIndex = afterScheme;
    const stop = end.test(text) ? end.lastIndex - 1 : text.length;
    scheme.lastIndex = stop;
    const url = trimUrl(text.slice(start, stop));
    // isHttpUrl, knowing the scheme is there and no space follows it: a host must start right after it.
    const schemeLength = afterScheme - start;
    if (url.length <= schemeLength || url.charCodeAt(schemeLength) === 0x2f) continue;
    for (let nl = text.indexOf("\n", scanned); nl !== -1 && nl < start; nl = text.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    scanned = start;
    found.push({ url, line, column: start - lineStart + 1 });
  }
  return found;
}
