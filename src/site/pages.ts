/**
 * The views of the three kinds of page (the whole list, one category, one entry). Every link is relative to
 * the page (`root` is "./" at the top and "../../" two folders down), so the site works under any base path,
 * such as https://<owner>.github.io/<repo>/.
 */
import type { Category } from "../records/index.js";
import { ENTRY_ANATOMY, flattenCategories } from "../records/index.js";
import { enumText, type CategoryRef, type SiteEntry } from "./entry-view.js";
import { markdownToHtml, type RepositoryLinks } from "./markdown-html.js";
import { joinOverlappingTerms, type RelatedEntry } from "./related.js";
import { asWholeWords } from "./shared-words.js";
import { CARD_ENTRY } from "./templates.js";

/**
 * "./", not "": a link to `root` itself (the site title) must leave the page's query behind. An empty href
 * is the page's own URL, so on `?kind=paper` the title kept the filter on.
 */
export const TOP_ROOT = "./";
/** `c/<id>/` and `p/<id>/` are two folders down. */
export const NESTED_ROOT = "../../";

export const categoryPath = (id: string) => `c/${encodeURIComponent(id)}/`;
export const entryPath = (id: string) => `p/${encodeURIComponent(id)}/`;

/** Headings stop at h6. */
const level = (n: number) => Math.min(6, n);

export interface CategoryNode {
  category: Category;
  depth: number;
  parentId: string | undefined;
  /** Entries directly in this category, in list order. */
  entries: SiteEntry[];
  /** Entries in this category and below. */
  count: number;
  introHtml: string;
}

/** The category tree in display order (pre-order), each with its own entries and subtree count. */
export function buildCategoryNodes(
  categories: readonly Category[],
  entries: readonly SiteEntry[],
  links?: RepositoryLinks,
): CategoryNode[] {
  const byCategory = new Map<string, SiteEntry[]>();
  for (const e of entries) {
    const id = e.categoryPath[0]?.id ?? "";
    const list = byCategory.get(id);
    if (list) list.push(e);
    else byCategory.set(id, [e]);
  }
  const nodes = flattenCategories(categories).map(({ category, depth, parentId }) => ({
    category,
    depth,
    parentId,
    entries: byCategory.get(category.id) ?? [],
    count: 0,
    introHtml: markdownToHtml(category.intro, links),
  }));
  const byId = new Map(nodes.map((n) => [n.category.id, n]));
  // Pre-order: walking backwards adds every child's total to its parent before the parent is read.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as CategoryNode;
    node.count += node.entries.length;
    if (node.parentId !== undefined) {
      const parent = byId.get(node.parentId);
      if (parent) parent.count += node.count;
    }
  }
  return nodes;
}

/** A category's ancestors and itself, top first, for breadcrumbs and for the entries' category paths. */
export function categoryPaths(
  nodes: readonly { category: Category; parentId?: string | undefined }[],
): Map<string, CategoryRef[]> {
  const paths = new Map<string, CategoryRef[]>();
  for (const node of nodes) {
    const parent = node.parentId === undefined ? [] : (paths.get(node.parentId) ?? []);
    paths.set(node.category.id, [...parent, { id: node.category.id, title: node.category.title }]);
  }
  return paths;
}

/**
 * A category section's id in a list page, which its contents link names. "ps_" like the page's other ids: a
 * plain "c-<category>" could be an entry's id too (an entry "c-b" took the contents link of category "b").
 */
export const sectionAnchor = (categoryId: string): string => `ps_c-${categoryId}`;

/** What a card's view holds besides its entry's fields; no field of an entry has one of these names. */
interface CardFields {
  root: string;
  cardLevel: number;
  [CARD_ENTRY]: SiteEntry;
}
/** A compile-time check: an entry field named like a card field would be hidden by the spread after it. */
const noCardFieldHidden: Extract<keyof SiteEntry, keyof CardFields> extends never ? true : never = true;
void noCardFieldHidden;

/**
 * The sections of a list page: `nodes` is a subtree in pre-order starting at depth `baseDepth`. Section
 * headings start at h2 under the page's h1, cards are one level below their section. `raise` lifts every
 * heading by that many levels: a category page shows its own section without a heading (`own`: the page's
 * h1 is its title, and its cards are h2), so the sections below it start at h2, not h3 (a skipped level,
 * which screen readers announce).
 */
export function sectionViews(
  nodes: readonly CategoryNode[],
  baseDepth: number,
  root: string,
  { raise = 0, own = false }: { raise?: number; own?: boolean } = {},
) {
  return nodes.map((node) => {
    const sectionLevel = level(node.depth - baseDepth + 2 - raise);
    // A page's own section has no heading: its cards are one level below the page's h1.
    const cardLevel = own ? 2 : level(sectionLevel + 1);
    return {
      id: node.category.id,
      anchor: sectionAnchor(node.category.id),
      title: node.category.title,
      href: `${root}${categoryPath(node.category.id)}`,
      depth: node.depth - baseDepth,
      level: sectionLevel,
      hideHeading: own,
      cardLevel,
      count: node.count,
      introHtml: node.introHtml,
      // Each card's view: the entry, with the page's root and the card's heading level, which the card
      // template reads. As a partial's hash (`{{> card root=… cardLevel=…}}`, the old list template), they
      // cost Handlebars a copy of the entry's 30 fields per card, 4 % of the build's main thread. Put before
      // the spread: added after it, they gave every copy a shape of its own (11,191 of 11,200 in a test),
      // which took 4 times as long to make and made each field the template reads a lookup by shape.
      // The entry itself goes along, for the card to be made once for every page (templates.ts CARD_ENTRY).
      entries: node.entries.map(
        (entry) => ({ [CARD_ENTRY]: entry, root, cardLevel, ...entry }) satisfies CardFields & SiteEntry,
      ),
    };
  });
}

/**
 * The filter menus: every category (indented by depth), the kinds and years present, newest year first. A
 * title the menu holds twice names its parent too, "LLM (Survey Paper)": the real list has three
 * "Multimodal" and two "LLM", and a chosen option shows without its indent, so they looked the same.
 */
export function filterOptions(nodes: readonly CategoryNode[], entries: readonly SiteEntry[], baseDepth = 0) {
  const titles = new Map<string, number>();
  for (const n of nodes) titles.set(n.category.title, (titles.get(n.category.title) ?? 0) + 1);
  const byId = new Map(nodes.map((n) => [n.category.id, n]));
  const title = (n: CategoryNode) => {
    const parent = n.parentId === undefined ? undefined : byId.get(n.parentId);
    return (titles.get(n.category.title) ?? 0) > 1 && parent
      ? `${n.category.title} (${parent.category.title})`
      : n.category.title;
  };
  return {
    categoryOptions: nodes.map((n) => ({
      id: n.category.id,
      title: title(n),
      indent: "\u00a0\u00a0".repeat(n.depth - baseDepth),
    })),
    kindOptions: [...new Set(entries.map((e) => e.kind))]
      .sort()
      .map((kind) => ({ value: kind, label: enumText(ENTRY_ANATOMY.kind, kind) })),
    yearOptions: [...new Set(entries.map((e) => e.year).filter(Boolean))].sort().reverse(),
  };
}

/**
 * Whether `term` occurs in the texts the related entries were found by (摘要, title, abstract): the 摘要
 * first, where a Chinese term nearly always is, so the English abstract is seldom read.
 */
function inTexts(entry: SiteEntry | undefined, term: string): boolean {
  return (
    !!entry && (entry.summary.includes(term) || entry.title.includes(term) || entry.abstract.includes(term))
  );
}

/**
 * The related list of `entry`'s page, each with the terms it shares, overlapping bigrams joined
 * (joinOverlappingTerms) where the joined term is in both entries' texts, and then, with `wholeWords`, made
 * whole words (shared-words.ts).
 */
export function relatedViews(
  entry: SiteEntry,
  related: readonly RelatedEntry[],
  entriesById: ReadonlyMap<string, SiteEntry>,
  wholeWords = false,
) {
  // The page's entry's texts, in inTexts' order, where asWholeWords looks its terms up.
  const texts = [entry.summary, entry.title, entry.abstract];
  return related.map((r) => {
    const other = entriesById.get(r.id);
    const inBoth = (term: string) => inTexts(entry, term) && inTexts(other, term);
    const joined = joinOverlappingTerms(r.sharedTerms, inBoth);
    const terms = wholeWords ? asWholeWords(joined, texts, inBoth) : joined;
    return {
      href: `${NESTED_ROOT}${entryPath(r.id)}`,
      title: other?.title ?? r.id,
      sharedText: terms.join(", "),
    };
  });
}
