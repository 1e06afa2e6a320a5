/**
 * Text for one line of a page or a message: runs of whitespace (line breaks, tabs, Unicode spaces) as single
 * spaces, and long values shortened for quoting. Titles, venues, abstracts and labels pass through this on
 * every build, and nearly all of them are on one line already, so the text comes back as it is, with no
 * copy, unless it has something to collapse: a global replace makes a new string even when every match is a
 * lone space, and on a 120-word abstract it allocated about 11 KB (115 MB of garbage for the site's 10,000
 * entry views).
 */

/** Whitespace that collapsing would change: a whitespace character other than a space, or two spaces in a row. */
const COLLAPSIBLE = /[^\S ]| {2}/;

/** `text` with every run of whitespace as one space (`text` itself when there is none to collapse). */
export function collapseWhitespace(text: string): string {
  return COLLAPSIBLE.test(text) ? text.replace(/\s+/g, " ") : text;
}

/**
 * `text` cut to at most `max` characters (UTF-16 units), its last one "…", for quoting a value in a message.
 * The cut never falls inside a surrogate pair: a CJK Extension B character (𠮷) or an emoji at the cut goes
 * whole rather than leaving half of itself, which JSON shows as "\\ud842" and UTF-8 as U+FFFD.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** `text` collapsed (see collapseWhitespace) and trimmed. */
export function oneLine(text: string): string {
  return collapseWhitespace(text).trim();
}

/** "1 link", "2 links": a count as a message says it. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
