/**
 * What the templates see. Every string here is already safe for the README: plain text is escaped
 * (escape.ts), Markdown is sanitised (sanitize-markdown.ts), URLs are escaped for links and attributes.
 * Templates are compiled with noEscape, so `{{x}}` and `{{{x}}}` print the same safe value and a template
 * author cannot un-escape by accident. Every field is always present (empty string / empty list when the
 * record has none), so strict templates can test any field with `{{#if}}`.
 */
import { isArxivPage } from "../records/arxiv.js";
import type { Category, Entry, PapersFile } from "../records/schema.js";
import { escapeText, escapeUrl } from "./escape.js";
import { sanitizeMarkdown } from "./sanitize-markdown.js";
import { githubRepoOf } from "../urls/index.js";

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

export interface EntryView {
  id: string;
  title: string;
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

export interface TocView {
  items: TocItemView[];
  /** All entries. */
  total: number;
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

/** The view of one entry. */
export function buildEntryView(entry: Entry): EntryView {
  const venue = entry.venue ? escapeText(entry.venue) : "";
  const date = entry.date ?? "";
  const note = markdown(entry.note);
  return {
    id: entry.id,
    title: escapeText(entry.title),
    url: escapeUrl(entry.url),
    kind: entry.kind === "paper" ? "" : entry.kind,
    date,
    venue,
    when: [venue, date].filter(Boolean).join(" · "),
    arxiv: entry.arxiv ?? "",
    arxivUrl:
      entry.arxiv && !isArxivPage(entry.url, entry.arxiv)
        ? escapeUrl(`https://arxiv.org/abs/${entry.arxiv}`)
        : "",
    doi: entry.doi ? escapeText(entry.doi) : "",
    doiUrl: entry.doi && !isDoiLink(entry.url, entry.doi) ? escapeUrl(`https://doi.org/${entry.doi}`) : "",
    repos: (entry.repos ?? []).map((r) => ({
      url: escapeUrl(r.url),
      label: escapeText(r.label ?? repositoryLabel(r.url)),
      official: r.official === true,
    })),
    links: (entry.links ?? []).map((l) => ({ url: escapeUrl(l.url), label: escapeText(l.label) })),
    images: (entry.images ?? []).map((i) => ({
      src: escapeUrl(i.url),
      width: i.width === undefined ? "" : escapeText(String(i.width)),
      alt: escapeText(i.alt ?? entry.title),
    })),
    extra: markdown(entry.extra),
    summary: markdown(entry.summary),
    note,
    noteQuoted: note === "" ? "" : note.replace(/^/gm, "> ").replace(/^> $/gm, ">"),
    aside: markdown(entry.aside),
    tags: (entry.tags ?? []).map(escapeText),
    added: entry.added ?? "",
  };
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
