/**
 * feed.xml: an Atom 1.0 feed of the entries most recently added to the list (records with an `added` date,
 * newest first). Links are relative: feed readers resolve them against the feed's own URL, which is where
 * the site is published, so the feed needs no configured address. Ids are URNs made of the record ids,
 * which never change. Output depends only on the records (no clock), so builds are reproducible.
 */
import type { SiteEntry } from "./entry-view.js";

/** Feed readers show the recent entries; older ones are on the site. */
export const FEED_ENTRY_LIMIT = 50;

/**
 * What XML 1.0 forbids even as references (its Char production) is dropped: most C0 controls, and U+FFFE and
 * U+FFFF, which a strict parser (expat, libxml2) rejects as "not well-formed". A lone surrogate needs nothing:
 * it cannot be written as UTF-8, so it reaches the file as U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- matching the controls XML forbids is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(XML_FORBIDDEN, "");
}

/** "2023" → 2023-01-01T00:00:00Z; "2023-06" → 2023-06-01T00:00:00Z. */
export function atomDate(date: string): string {
  const [y, m = "01", d = "01"] = date.split("-");
  return `${y}-${m}-${d}T00:00:00Z`;
}

export interface FeedInput {
  title: string;
  entries: readonly SiteEntry[];
}

function feedEntry(entry: SiteEntry): string {
  const authors = entry.authors.map((a) => `    <author><name>${escapeXml(a)}</name></author>\n`).join("");
  const categories = entry.categoryPath
    .map((c) => `    <category term="${escapeXml(c.id)}" label="${escapeXml(c.title)}"/>\n`)
    .join("");
  // The Markdown rendered and sanitised as on the entry page: as written, `**LoRA**` and `[GitHub](…)` showed.
  const content = entry.summaryHtml || (entry.texts.find((t) => t.key === "abstract")?.html ?? "");
  return (
    `  <entry>\n` +
    `    <id>urn:papershelf:entry:${escapeXml(entry.id)}</id>\n` +
    `    <title>${escapeXml(entry.title)}</title>\n` +
    `    <link rel="alternate" type="text/html" href="p/${escapeXml(entry.id)}/"/>\n` +
    `    <link rel="related" href="${escapeXml(entry.url)}"/>\n` +
    `    <updated>${atomDate(entry.added)}</updated>\n` +
    (entry.date ? `    <published>${atomDate(entry.date)}</published>\n` : "") +
    authors +
    categories +
    (content ? `    <content type="html">${escapeXml(content)}</content>\n` : "") +
    `  </entry>\n`
  );
}

/** The Atom document. Entries without `added` are not in the feed: they were on the list before it had one. */
export function formatAtomFeed({ title, entries }: FeedInput): string {
  const recent = entries
    .filter((e) => e.added !== "")
    .map((e, order) => ({ e, order }))
    .sort((a, b) => b.e.added.localeCompare(a.e.added) || a.order - b.order)
    .slice(0, FEED_ENTRY_LIMIT)
    .map(({ e }) => e);
  const newest = recent[0]?.added ?? entries.reduce((max, e) => (e.date > max ? e.date : max), "1970");
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom">\n` +
    `  <id>urn:papershelf:feed</id>\n` +
    `  <title>${escapeXml(title)}</title>\n` +
    `  <link rel="self" type="application/atom+xml" href="feed.xml"/>\n` +
    `  <link rel="alternate" type="text/html" href="./"/>\n` +
    `  <updated>${atomDate(newest)}</updated>\n` +
    `  <author><name>${escapeXml(title)}</name></author>\n` +
    `  <generator>papershelf</generator>\n` +
    recent.map(feedEntry).join("") +
    `</feed>\n`
  );
}
