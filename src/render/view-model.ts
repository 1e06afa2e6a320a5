/**
 * What the templates see. Every string here is already safe for the README: plain text is escaped
 * (escape.ts), Markdown is sanitised (sanitize-markdown.ts), URLs are escaped for links and attributes.
 * Templates are compiled with noEscape, so `{{x}}` and `{{{x}}}` print the same safe value and a template
 * author cannot un-escape by accident. Every field is always present (empty string / empty list when the
 * record has none), so strict templates can test any field with `{{#if}}`.
 */
import {
  type Anatomy,
  type Category,
  type Entry,
  ENTRY_ANATOMY,
  type FieldSpec,
  isArxivPage,
  type PapersFile,
} from "../records/index.js";
import { escapeText, escapeUrl } from "./escape.js";
import { sanitizeMarkdown } from "./sanitize-markdown.js";
import { doiUrl, githubRepoOf } from "../urls/index.js";

export interface RepoView {
  url: string;
  /** The record's label, or owner/name taken from the URL. */
  label: string;
  official: boolean;
}

export interface LinkView {
  url: string;
  label: string;
}

export interface ImageView {
  src: string;
  /** "50%" or "640"; empty when the record gives none. */
  width: string;
  alt: string;
}

/**
 * The view of one entry. Every anatomy field is here under its own key, shaped by its role (text escaped,
 * Markdown sanitised, lists of names shortened, …); the keys below are the ones the shipped templates
 * use, plus a few derived for convenience (`when`, `arxivUrl`, `noteQuoted`). A field added to the anatomy
 * appears without an edit here.
 */
export interface EntryView {
  /** Any other anatomy field, shaped by its role (see `fieldView`). */
  [field: string]: unknown;
  id: string;
  title: string;
  /** The authors as the README shows them: the first 3, then "et al."; empty when the record has none. */
  authors: string;
  /** Every author, each escaped. */
  authorsList: string[];
  url: string;
  /** Empty for papers: the kind is shown only where it is not the default. */
  kind: string;
  date: string;
  venue: string;
  /** Venue and date joined by " · ", whichever exist. */
  when: string;
  arxiv: string;
  /** The arXiv abstract page; empty when there is no id or the entry's url already is that page. */
  arxivUrl: string;
  doi: string;
  /** https://doi.org/…; empty when there is no DOI or the entry's url already is that link. */
  doiUrl: string;
  repos: RepoView[];
  links: LinkView[];
  images: ImageView[];
  /** Markdown: shown before the 摘要 (a formula, a table). */
  extra: string;
  /** Markdown: the 摘要. */
  summary: string;
  /** Markdown: the English abstract. */
  abstract: string;
  /** Markdown: the maintainer's note. */
  note: string;
  /** The note with every line prefixed by "> ", for a block quote. */
  noteQuoted: string;
  /** Markdown: text shown before the entry (an aside about what follows). */
  aside: string;
  tags: string[];
  added: string;
}

export interface SectionView {
  id: string;
  title: string;
  /** 0 for a top category. */
  depth: number;
  /** Heading level: 2 for a top category ("##"), one more per level, at most 6. */
  level: number;
  /** "#" repeated `level` times. */
  hashes: string;
  /** Markdown: the category's intro. */
  intro: string;
  /** Entries in this category and its subcategories. */
  count: number;
  /** Entries directly in this category. */
  directCount: number;
}

export interface TocItemView {
  id: string;
  title: string;
  /** The heading's anchor without "#" (as GitHub makes it); empty when the section template has no heading. */
  anchor: string;
  count: number;
  depth: number;
  /** Two spaces per depth level, for nested Markdown lists. */
  indent: string;
}

/** A top category with everything below it, for a ToC of one line per category. */
export interface TocCategoryView extends TocItemView {
  /** Its subcategories at every depth, in order (each keeps its `depth`). */
  subcategories: TocItemView[];
}

export interface TocView {
  /** Every category in order, at every depth. */
  items: TocItemView[];
  /** The top categories, each with its subcategories. */
  categories: TocCategoryView[];
  /** Some category has subcategories (a flat list needs no second, nested ToC). */
  hasSubcategories: boolean;
  /** All entries. */
  total: number;
}

/** The `site` zone's view: the published site of the list. */
export interface SiteView {
  /** The site's address (`site.url`), escaped for a link. */
  url: string;
  /** The list's title (`list.title`), empty when it has none. */
  title: string;
}

export interface IntroView {
  title: string;
  /** Markdown: `list.intro`. */
  intro: string;
  entryCount: number;
  categoryCount: number;
}

/** Hosts whose URLs read as owner/name: the label GitHub users expect. */
const OWNER_NAME_HOSTS = new Set([
  "github.com",
  "gitlab.com",
  "huggingface.co",
  "bitbucket.org",
  "codeberg.org",
]);

/** "https://github.com/microsoft/unilm/tree/x" → "microsoft/unilm"; other URLs → host/path. */
export function repositoryLabel(url: string): string {
  const github = githubRepoOf(url);
  if (github) return `${github.owner}/${github.name}`;
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, "");
    const parts = parsed.pathname.split("/").filter(Boolean);
    if (OWNER_NAME_HOSTS.has(host) && parts.length >= 2) {
      const [owner, name] = parts[0] === "datasets" || parts[0] === "spaces" ? parts.slice(1) : parts;
      if (owner && name) return `${owner}/${name.replace(/\.git$/, "")}`;
    }
    return `${host}${parsed.pathname.replace(/\/$/, "")}`;
  } catch {
    return url;
  }
}

const markdown = (value: string | undefined): string => (value ? sanitizeMarkdown(value) : "");

/** True when `url` is the resolver link of `doi` (DOIs compare case-insensitively). */
function isDoiLink(url: string, doi: string): boolean {
  const m = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(url);
  if (!m?.[1]) return false;
  let path = m[1];
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: compare as written
  }
  return path.toLowerCase() === doi.toLowerCase();
}

/** How many names a `names` field shows before "et al.". */
export const NAMES_SHOWN = 3;

/** "A, B, C et al." past `NAMES_SHOWN` names; all of them, comma-joined, up to it. */
export function shortenNames(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(", ");
  return names.length > NAMES_SHOWN ? `${shown} et al.` : shown;
}

const asText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const asTexts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * The safe view of one field by its role, written into `view`: escaped text, sanitised Markdown, escaped
 * URL, raw pattern-checked ids and dates, escaped lists. `names` also gives `<key>List` with every name.
 * It writes into one object per entry rather than returning one per field: 10,000 entries made ~200,000
 * small objects to merge, which showed as garbage collection in the profile of a build.
 */
function writeFieldView(view: Record<string, unknown>, key: string, spec: FieldSpec, value: unknown): void {
  switch (spec.role) {
    case "line":
    case "doi": {
      const text = asText(value);
      view[key] = text ? escapeText(text) : "";
      return;
    }
    case "markdown":
      view[key] = markdown(asText(value));
      return;
    case "url": {
      const text = asText(value);
      view[key] = text ? escapeUrl(text) : "";
      return;
    }
    case "names": {
      const names = asTexts(value).map(escapeText);
      view[key] = shortenNames(names);
      view[`${key}List`] = names;
      return;
    }
    case "tags":
      view[key] = asTexts(value).map(escapeText);
      return;
    case "labelled-urls":
      view[key] = (Array.isArray(value) ? (value as unknown[]) : []).map((item) => {
        const record = (item ?? {}) as Readonly<Record<string, unknown>>;
        const url = asText(record.url);
        const label = asText(record.label) ?? asText(record.alt);
        return { url: url ? escapeUrl(url) : "", label: label ? escapeText(label) : "" };
      });
      return;
    case "ignores":
    case "history":
      // Bookkeeping no template shows.
      return;
    default:
      // id, enum, category, date, arxiv: checked against a pattern or a closed set, safe as they are.
      view[key] = asText(value) ?? "";
  }
}

/** The anatomy's entries, listed once per anatomy rather than once per record. */
const fieldLists = new WeakMap<Anatomy, [string, FieldSpec][]>();
function fieldsOf(anatomy: Anatomy): [string, FieldSpec][] {
  let fields = fieldLists.get(anatomy);
  if (!fields) fieldLists.set(anatomy, (fields = Object.entries(anatomy)));
  return fields;
}

/**
 * The view of one entry: every anatomy field by its role, then what the shipped templates derive from
 * several fields (`when`, `arxivUrl`, `doiUrl`, `noteQuoted`) or show their own way (`kind`, repository
 * labels, image alt texts), which replace the role-shaped value of the same key.
 */
export function buildEntryView(entry: Entry, anatomy: Anatomy = ENTRY_ANATOMY): EntryView {
  const record = entry as unknown as Readonly<Record<string, unknown>>;
  const view: Record<string, unknown> = {};
  for (const [key, spec] of fieldsOf(anatomy)) writeFieldView(view, key, spec, record[key]);
  const venue = entry.venue ? escapeText(entry.venue) : "";
  const note =
    typeof view.note === "string" && anatomy.note?.role === "markdown" ? view.note : markdown(entry.note);
  const derived = {
    kind: entry.kind === "paper" ? "" : entry.kind,
    when: [venue, entry.date ?? ""].filter(Boolean).join(" · "),
    arxivUrl:
      entry.arxiv && !isArxivPage(entry.url, entry.arxiv)
        ? escapeUrl(`https://arxiv.org/abs/${entry.arxiv}`)
        : "",
    doiUrl: entry.doi && !isDoiLink(entry.url, entry.doi) ? escapeUrl(doiUrl(entry.doi)) : "",
    repos: (entry.repos ?? []).map((r): RepoView => ({
      url: escapeUrl(r.url),
      label: escapeText(r.label ?? repositoryLabel(r.url)),
      official: r.official === true,
    })),
    images: (entry.images ?? []).map((i, index, all): ImageView => ({
      src: escapeUrl(i.url),
      width: i.width === undefined ? "" : escapeText(String(i.width)),
      alt: escapeText(i.alt?.trim() || imageAltText(entry.title, index, all.length)),
    })),
    noteQuoted: note === "" ? "" : note.replace(/^/gm, "> ").replace(/^> $/gm, ">"),
  } satisfies Partial<EntryView>;
  // The role-shaped fields carry every other key of EntryView (the test of the view checks each one).
  return Object.assign(view, derived) as EntryView;
}

/** Groups the flat, pre-order ToC items under their top categories. */
export function groupTocItems(items: readonly TocItemView[]): TocCategoryView[] {
  const groups: TocCategoryView[] = [];
  for (const item of items) {
    const group = groups.at(-1);
    if (item.depth === 0 || !group) groups.push({ ...item, subcategories: [] });
    else group.subcategories.push(item);
  }
  return groups;
}

/** The view of the `site` zone. */
export function buildSiteView(url: string, data: PapersFile): SiteView {
  return { url: escapeUrl(url), title: data.list?.title ? escapeText(data.list.title) : "" };
}

/**
 * Alt text says what the image is, since the title is already the line above it: a lone image is the
 * paper's teaser, several are its figures in order. An alt the record gives wins.
 */
export function imageAltText(title: string, index: number, count: number): string {
  return count === 1 ? `teaser of ${title}` : `figure ${index + 1} of ${title}`;
}

/** The view of one category's heading and intro. */
export function buildSectionView(
  category: Category,
  depth: number,
  count: number,
  directCount: number,
): SectionView {
  const level = Math.min(6, depth + 2);
  return {
    id: category.id,
    title: escapeText(category.title),
    depth,
    level,
    hashes: "#".repeat(level),
    intro: markdown(category.intro),
    count,
    directCount,
  };
}

/** The view of the list's own intro. */
export function buildIntroView(data: PapersFile, categoryCount: number): IntroView {
  return {
    title: data.list?.title ? escapeText(data.list.title) : "",
    intro: markdown(data.list?.intro),
    entryCount: data.entries.length,
    categoryCount,
  };
}
