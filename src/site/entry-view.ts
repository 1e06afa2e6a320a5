/**
 * What the site's templates, search, feed and exports see of one record. Plain values stay plain here (the
 * HTML templates escape them); Markdown arrives as sanitised HTML in the `*Html` fields, the only ones the
 * templates print unescaped.
 */
import { isArxivPage } from "../records/arxiv.js";
import type { Entry } from "../records/index.js";
import { repositoryLabel } from "../render/index.js";
import { markdownToHtml } from "./markdown-html.js";
import { recordAuthors, recordAbstract } from "./record-fields.js";

export interface CategoryRef {
  id: string;
  title: string;
}

export interface SiteEntry {
  id: string;
  title: string;
  url: string;
  kind: Entry["kind"];
  /** The entry's category first, then its ancestors up to the top. */
  categoryPath: CategoryRef[];
  date: string;
  year: string;
  venue: string;
  added: string;
  arxiv: string;
  arxivUrl: string;
  doi: string;
  doiUrl: string;
  authors: string[];
  /** Plain text (as arXiv gives it). */
  abstract: string;
  repos: { url: string; label: string; official: boolean }[];
  links: { url: string; label: string }[];
  images: { src: string; alt: string; width: string }[];
  hasCode: boolean;
  tags: string[];
  summary: string;
  note: string;
  summaryHtml: string;
  extraHtml: string;
  noteHtml: string;
  asideHtml: string;
}

/** Builds the view of one record; `categoryPath` comes from the category tree (see build.ts). */
export function buildSiteEntry(entry: Entry, categoryPath: CategoryRef[]): SiteEntry {
  return {
    id: entry.id,
    title: entry.title.replace(/\s+/g, " ").trim(),
    url: entry.url,
    kind: entry.kind,
    categoryPath,
    date: entry.date ?? "",
    year: entry.date?.slice(0, 4) ?? "",
    venue: entry.venue ?? "",
    added: entry.added ?? "",
    arxiv: entry.arxiv ?? "",
    arxivUrl:
      entry.arxiv && !isArxivPage(entry.url, entry.arxiv) ? `https://arxiv.org/abs/${entry.arxiv}` : "",
    doi: entry.doi ?? "",
    doiUrl: entry.doi ? `https://doi.org/${entry.doi}` : "",
    authors: recordAuthors(entry),
    abstract: recordAbstract(entry),
    repos: (entry.repos ?? []).map((r) => ({
      url: r.url,
      label: r.label ?? repositoryLabel(r.url),
      official: r.official === true,
    })),
    links: (entry.links ?? []).map((l) => ({ url: l.url, label: l.label })),
    images: (entry.images ?? []).map((i) => ({
      src: i.url,
      alt: i.alt?.trim() || `Figure from “${entry.title.trim()}”`,
      width: i.width === undefined ? "" : String(i.width),
    })),
    hasCode: (entry.repos ?? []).length > 0,
    tags: entry.tags ?? [],
    summary: entry.summary ?? "",
    note: entry.note ?? "",
    summaryHtml: markdownToHtml(entry.summary),
    extraHtml: markdownToHtml(entry.extra),
    noteHtml: markdownToHtml(entry.note),
    asideHtml: markdownToHtml(entry.aside),
  };
}
