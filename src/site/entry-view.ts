/**
 * What the site's templates, search, feed and exports see of one record, read through the record anatomy
 * (records/anatomy): every shown field lands by its role — one-line values and dates in the facts list,
 * Markdown fields as sanitised HTML sections under their labels, names as the author line, labelled URLs as
 * links or figures, and its text in the search index. A field added to the anatomy appears on the site
 * without an edit here. Plain values stay plain (the HTML templates escape them); Markdown arrives as
 * sanitised HTML in the `*Html` fields, the only ones the templates print unescaped.
 */
import {
  type Anatomy,
  bilingual,
  type Entry,
  ENTRY_ANATOMY,
  type FieldSpec,
  isArxivPage,
  oneLine,
  publicationYear,
} from "../records/index.js";
import { imageAltText, repositoryLabel } from "../render/index.js";
import { doiUrl } from "../urls/index.js";
import { markdownToHtml, type RepositoryLinks } from "./markdown-html.js";

export interface CategoryRef {
  id: string;
  title: string;
}

/** A one-line field shown in the entry page's facts list. */
export interface FactView {
  key: string;
  label: string;
  text: string;
  /** A link for identifiers (arXiv, DOI); empty otherwise. */
  href: string;
}

/** A Markdown field, rendered, with its heading. */
export interface TextView {
  key: string;
  label: string;
  html: string;
}

export interface SiteEntry {
  id: string;
  title: string;
  url: string;
  kind: Entry["kind"];
  /** The entry's category first, then its ancestors up to the top. */
  categoryPath: CategoryRef[];
  date: string;
  /** The year it was published (records' publicationYear: the date's, else the venue's, else the arXiv id's). */
  year: string;
  venue: string;
  added: string;
  arxiv: string;
  arxivUrl: string;
  doi: string;
  doiUrl: string;
  authors: string[];
  abstract: string;
  summary: string;
  summaryHtml: string;
  /** The abstract rendered, as the entry page shows it ("" without one): the page's description, the feed's content. */
  abstractHtml: string;
  repos: { url: string; label: string; official: boolean }[];
  links: { url: string; label: string }[];
  /** `width` as written; `widthAttr` when it is a number of pixels, `widthStyle` when a percentage. */
  images: { src: string; alt: string; width: string; widthAttr: string; widthStyle: string }[];
  hasCode: boolean;
  /** Every shown one-line field (line, date, enum, arxiv, doi, tags), in anatomy order, title excepted. */
  facts: FactView[];
  /** Every shown Markdown field that has text, rendered, in anatomy order. */
  texts: TextView[];
  /** What the list pages' cards show besides: the category path's ids, space-separated (filters read it). */
  categoryIds: string;
  /** The kind as a badge; empty for a paper, the usual kind. */
  kindLabel: string;
  /** The author line, shortened after six names. */
  authorsText: string;
  /** Where the main link goes ("arxiv.org"), as its text. */
  urlLabel: string;
}

/**
 * Roles whose text the search box looks through. The arXiv id and the DOI too: a card shows them, and a
 * reader pastes "2306.15195" from a citation to find the paper.
 */
const SEARCHED_ROLES = new Set<FieldSpec["role"]>(["line", "markdown", "names", "arxiv", "doi"]);
/** Roles shown as one line in the facts list. */
const FACT_ROLES = new Set<FieldSpec["role"]>(["line", "date", "enum", "arxiv", "doi", "tags"]);

/** The field keys the search index covers, in anatomy order. */
export function searchFields(anatomy: Anatomy = ENTRY_ANATOMY): string[] {
  return Object.entries(anatomy)
    .filter(([, spec]) => spec.shown && SEARCHED_ROLES.has(spec.role))
    .map(([key]) => key);
}

const asText = (value: unknown): string => (typeof value === "string" ? value : "");
const asTexts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];

/**
 * An enum's value as the submission form offers it, "資料集 / dataset" (the anatomy's options, in the list's
 * label languages); the value itself where the form names it no other way.
 */
export function enumText(spec: FieldSpec, value: string): string {
  const option = spec.form?.options?.find((o) => o.en === value);
  return option ? bilingual(option) : value;
}

function factOf(key: string, spec: FieldSpec, label: string, value: unknown): FactView | undefined {
  const text =
    spec.role === "tags"
      ? asTexts(value).join(", ")
      : spec.role === "enum"
        ? enumText(spec, oneLine(asText(value)))
        : oneLine(asText(value));
  if (text === "") return undefined;
  const href =
    spec.role === "arxiv" ? `https://arxiv.org/abs/${text}` : spec.role === "doi" ? doiUrl(text) : "";
  return { key, label, text, href };
}

/** An anatomy's shown fields with their labels, worked out once per anatomy rather than once per record. */
const shownFieldsOf = new WeakMap<Anatomy, { key: string; spec: FieldSpec; label: string }[]>();

function shownFields(anatomy: Anatomy) {
  let fields = shownFieldsOf.get(anatomy);
  if (!fields) {
    fields = Object.entries(anatomy)
      .filter(([, spec]) => spec.shown)
      .map(([key, spec]) => ({ key, spec, label: bilingual(spec.label) }));
    shownFieldsOf.set(anatomy, fields);
  }
  return fields;
}

/** A searched field's text: names joined by spaces, other roles as written. */
function searchedText(spec: FieldSpec, value: unknown): string {
  return spec.role === "names" ? asTexts(value).join(" ") : asText(value);
}

/**
 * The text of every searchable field (one-line, Markdown as written, names joined), by field key: what the
 * search index and the related entries read. Made from the record, not the entry view, so the build hands it
 * to the term thread before the views are made (and renders no Markdown for it).
 */
export function entrySearchText(entry: Entry, anatomy: Anatomy = ENTRY_ANATOMY): Record<string, string> {
  const record = entry as unknown as Readonly<Record<string, unknown>>;
  const searchText: Record<string, string> = {};
  for (const { key, spec } of shownFields(anatomy))
    if (SEARCHED_ROLES.has(spec.role)) searchText[key] = searchedText(spec, record[key]);
  return searchText;
}

/** The entry view's title, abstract and 摘要 (what related entries compare), without the rest of the view. */
export function relatedTexts(entry: Entry): { title: string; abstract: string; summary: string } {
  return {
    title: oneLine(entry.title),
    abstract: oneLine(entry.abstract ?? ""),
    summary: entry.summary ?? "",
  };
}

function authorsText(authors: readonly string[]): string {
  return authors.length <= 6 ? authors.join(", ") : `${authors.slice(0, 5).join(", ")} … ${authors.at(-1)}`;
}

/** "arxiv.org", "github.com": where the main link goes, as its text. */
function linkLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/**
 * Builds the view of one record; `categoryPath` comes from the category tree (see build.ts). The list pages'
 * cards show the same object: the card's own fields are made here, in the one object literal, because
 * copying a view to add them (`{ ...entry, ... }`) gave each copy a shape of its own, 3.5 KB a card.
 */
export function buildSiteEntry(
  entry: Entry,
  categoryPath: CategoryRef[],
  /** Where the links its Markdown writes relative to the repository lead (markdown-html.ts). */
  links?: RepositoryLinks,
  anatomy: Anatomy = ENTRY_ANATOMY,
): SiteEntry {
  const record = entry as unknown as Readonly<Record<string, unknown>>;
  const facts: FactView[] = [];
  const texts: TextView[] = [];
  let authors: string[] = [];
  for (const { key, spec, label } of shownFields(anatomy)) {
    const value = record[key];
    if (spec.role === "names" && authors.length === 0) authors = asTexts(value).map(oneLine);
    // Rendered first: a field of only spaces, or of what sanitising removes, shows no empty section.
    const html = spec.role === "markdown" && asText(value) !== "" ? markdownToHtml(asText(value), links) : "";
    // Tested, not trimmed: trim copies the text (a whole 摘要's HTML) to be thrown away.
    if (/\S/.test(html)) texts.push({ key, label, html });
    // The title is the page's heading, not a fact.
    if (FACT_ROLES.has(spec.role) && key !== "title") {
      const fact = factOf(key, spec, label, value);
      if (fact) facts.push(fact);
    }
  }
  const repos = entry.repos ?? [];
  const { title, abstract, summary } = relatedTexts(entry);
  return {
    id: entry.id,
    title,
    url: entry.url,
    kind: entry.kind,
    categoryPath,
    date: entry.date ?? "",
    year: publicationYear(entry) ?? "",
    venue: oneLine(entry.venue ?? ""),
    added: entry.added ?? "",
    arxiv: entry.arxiv ?? "",
    arxivUrl:
      entry.arxiv && !isArxivPage(entry.url, entry.arxiv) ? `https://arxiv.org/abs/${entry.arxiv}` : "",
    doi: entry.doi ?? "",
    doiUrl: entry.doi ? doiUrl(entry.doi) : "",
    authors,
    abstract,
    summary,
    summaryHtml: texts.find((t) => t.key === "summary")?.html ?? "",
    abstractHtml: texts.find((t) => t.key === "abstract")?.html ?? "",
    repos: repos.map((r) => ({
      url: r.url,
      label: r.label ?? repositoryLabel(r.url),
      official: r.official === true,
    })),
    links: (entry.links ?? []).map((l) => ({ url: l.url, label: l.label })),
    images: (entry.images ?? []).map((i, index, all) => {
      const width = i.width === undefined ? "" : String(i.width);
      return {
        src: i.url,
        // As the README says it: a lone image is the teaser, several are figures 1, 2… (three figures of one
        // page all read "Figure from “…”").
        alt: i.alt?.trim() || imageAltText(oneLine(entry.title), index, all.length),
        width,
        widthAttr: /^\d+$/.test(width) ? width : "",
        widthStyle: width.endsWith("%") ? width : "",
      };
    }),
    hasCode: repos.length > 0,
    facts,
    texts,
    categoryIds: joinIds(categoryPath),
    kindLabel: entry.kind === "paper" ? "" : enumText(anatomy.kind ?? ENTRY_ANATOMY.kind, entry.kind),
    authorsText: authorsText(authors),
    urlLabel: linkLabel(entry.url),
  };
}

/** The categories' ids, space-separated: joined as they come (docs/architecture.md: "Hot code compiled once"). */
function joinIds(categories: readonly { id: string }[]): string {
  let ids = "";
  for (const c of categories) ids += ids === "" ? c.id : ` ${c.id}`;
  return ids;
}
