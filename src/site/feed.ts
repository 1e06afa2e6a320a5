/**
 * feed.xml: an Atom 1.0 feed of the entries most recently added to the list (records with an `added` date,
 * newest first). Links are relative: feed readers resolve them against the feed's own URL, which is where
 * the site is published, so the feed needs no configured address. Ids are another matter (see feedIds).
 * Output depends only on the records and the config (no clock), so builds are reproducible.
 */
import type { SiteEntry } from "./entry-view.js";
import { entryPath } from "./pages.js";

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
  /** The site's absolute URL, ending in "/" (`site.url` in .papershelf.yml); "" when not configured. */
  url?: string;
  entries: readonly SiteEntry[];
}

interface FeedIds {
  feed: string;
  entry: (entry: SiteEntry) => string;
}

/**
 * Atom ids must be universally unique and never change (RFC 4287 §4.2.6): readers use them to tell entries
 * apart across feeds. With the site's URL they are the feed's URL and each entry's absolute permalink, which
 * no other list has, and which stay as long as the record ids do (they never change). Without it there is
 * nothing stable that names this list (the title may change; the records do not say where the list lives),
 * so the ids are URNs of the record ids alone, the same on every list that does not set `site.url`: a
 * reader following two such feeds, a list and its fork say, may take an entry of one for the other's.
 * Setting `site.url` gives unique ids, and changes them once.
 */
function feedIds(siteUrl: string): FeedIds {
  if (siteUrl === "") return { feed: "urn:papershelf:feed", entry: (e) => `urn:papershelf:entry:${e.id}` };
  return { feed: `${siteUrl}feed.xml`, entry: (e) => `${siteUrl}${entryPath(e.id)}` };
}

function feedEntry(entry: SiteEntry, ids: FeedIds): string {
  const authors = entry.authors.map((a) => `    <author><name>${escapeXml(a)}</name></author>\n`).join("");
  const categories = entry.categoryPath
    .map((c) => `    <category term="${escapeXml(c.id)}" label="${escapeXml(c.title)}"/>\n`)
    .join("");
  // The Markdown rendered and sanitised as on the entry page: as written, `**LoRA**` and `[GitHub](…)` showed.
  const content = entry.summaryHtml || entry.abstractHtml;
  return (
    `  <entry>\n` +
    `    <id>${escapeXml(ids.entry(entry))}</id>\n` +
    `    <title>${escapeXml(entry.title)}</title>\n` +
    `    <link rel="alternate" type="text/html" href="${escapeXml(entryPath(entry.id))}"/>\n` +
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
export function formatAtomFeed({ title, url = "", entries }: FeedInput): string {
  const ids = feedIds(url);
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
    `  <id>${escapeXml(ids.feed)}</id>\n` +
    `  <title>${escapeXml(title)}</title>\n` +
    `  <link rel="self" type="application/atom+xml" href="feed.xml"/>\n` +
    `  <link rel="alternate" type="text/html" href="./"/>\n` +
    `  <updated>${atomDate(newest)}</updated>\n` +
    `  <author><name>${escapeXml(title)}</name></author>\n` +
    `  <generator>papershelf</generator>\n` +
    recent.map((e) => feedEntry(e, ids)).join("") +
    `</feed>\n`
  );
}
