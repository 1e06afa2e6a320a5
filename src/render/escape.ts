/**
 * Escaping for record text placed into the README. Plain-text fields (titles, labels, venues, category
 * titles) become numeric character references rather than backslash escapes: CommonMark treats a reference
 * as literal text that can never open structure (emphasis, links, tables, headings), and an HTML parser
 * decodes the same reference, so one escaped value is safe in Markdown text, inside raw HTML and in a
 * double-quoted attribute. A template author therefore cannot pick a wrong context by accident.
 */
import { oneLine } from "../records/index.js";

/**
 * Characters that can start or close Markdown/GFM structure or HTML: `&` (references), `<>` (HTML, autolinks),
 * `"` (attributes), `\` (escapes), `` ` `` (code), `*_~` (emphasis, strikethrough), `[]` (links, footnotes),
 * `|` (GFM table cells), `#` (headings, closing sequences), `$` (GitHub math).
 */
const TEXT_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\\": "&#92;",
  "`": "&#96;",
  "*": "&#42;",
  _: "&#95;",
  "~": "&#126;",
  "[": "&#91;",
  "]": "&#93;",
  "|": "&#124;",
  "#": "&#35;",
  $: "&#36;",
};
const TEXT_SPECIAL = /[&<>"\\`*_~[\]|#$]/g;

/**
 * A line that starts with these would become a list item, a setext underline or a thematic break when a
 * template puts the value at the start of a line; the first character is escaped.
 */
const LEADING_BLOCK_MARKER = /^(?:[-+=]|\d{1,9}[.)])/;

/** Plain text for Markdown and HTML contexts: whitespace collapsed to single spaces, structure escaped. */
export function escapeText(value: string): string {
  const collapsed = oneLine(value);
  const escaped = collapsed.replace(TEXT_SPECIAL, (c) => TEXT_ENTITIES[c] ?? c);
  const leading = LEADING_BLOCK_MARKER.exec(escaped);
  if (!leading) return escaped;
  // "-" "+" "=" → reference; "1." → "1&#46;": a digit run alone cannot start a list.
  const marker = leading[0];
  const last = marker.slice(-1);
  return `${marker.slice(0, -1)}&#${last.charCodeAt(0)};${escaped.slice(marker.length)}`;
}

/**
 * Characters a URL must not carry raw into a Markdown link destination or an HTML attribute: `()` end or
 * unbalance a destination, `<>"'` end an attribute, `\` escapes, `|` splits a table row, whitespace ends
 * both. References are decoded in both contexts, so the href GitHub produces is the URL as written.
 */
const URL_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "(": "&#40;",
  ")": "&#41;",
  "\\": "&#92;",
  "`": "&#96;",
  "|": "&#124;",
};
const URL_SPECIAL = /[&<>"'()\\`|]/g;

/** A URL for `[text](url)` and `src="url"` alike. Whitespace (invalid in a URL) is percent-encoded. */
export function escapeUrl(url: string): string {
  return url
    .trim()
    .replace(/\s/g, (c) => encodeURIComponent(c))
    .replace(URL_SPECIAL, (c) => URL_ENTITIES[c] ?? c);
}

/** `&` and `"` are enough inside a double-quoted attribute; `<>` too so the value is inert as text. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => TEXT_ENTITIES[c] ?? c);
}
