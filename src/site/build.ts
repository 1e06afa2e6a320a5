/**
 * `siteFiles`: records + templates → every file of the static site, one at a time. Pure (no clock, no file
 * system): the same records give the same bytes. It yields each page as soon as it is rendered, so the
 * writer (write.ts) can put it on disk and let it go: holding the whole site (190 MB of strings at 10,000
 * records) in memory made the garbage collector a third of the build. `buildSite` collects the same files
 * into an array, for tests that call it with strings. `planSite` is the same work in runs, for
 * `buildAndWriteSite` (write.ts), which computes the terms on a thread of its own meanwhile.
 */
import type { Diagnostic, PapersFile } from "../records/index.js";
import { buildJsonSchema, flattenCategories } from "../records/index.js";
import { templateRenderDiagnostic } from "../render/index.js";
import { formatBibtex, joinBibliography } from "./bibtex.js";
import { buildSiteEntry, type CategoryRef, type SiteEntry } from "./entry-view.js";
import { formatAtomFeed } from "./feed.js";
import { htmlToPlainText, markdownToHtml, readsAsWritten, type RepositoryLinks } from "./markdown-html.js";
import { prettyJsonPieces } from "./json-pieces.js";
import {
  NESTED_ROOT,
  TOP_ROOT,
  buildCategoryNodes,
  categoryPath,
  categoryPaths,
  entryPath,
  filterOptions,
  relatedViews,
  sectionAnchor,
  sectionViews,
  type CategoryNode,
} from "./pages.js";
import type { RelatedLookup } from "./related.js";
import { termsOfEntries } from "./entry-terms.js";
import { WHOLE_WORDS_UP_TO } from "./shared-words.js";
import { termInput } from "./term-input.js";
import { SiteTemplateError, type SiteTemplates } from "./templates.js";

export interface SiteOptions {
  /** The list's name, shown in every page's header and title. */
  title: string;
  /** The `lang` of the pages (BCP 47), e.g. "zh-Hant". */
  lang: string;
  /** The records file, relative to the project, shown in every page's footer (default data/papers.yaml). */
  dataFile?: string;
  /** The site's absolute URL, ending in "/" (`site.url`): the feed's ids are made of it when set. */
  url?: string;
  /**
   * The repository's files on GitHub, where the links record Markdown writes relative to it lead, as in the
   * README (markdown-html.ts). Unset, such links stay as written, and lead nowhere on the site.
   */
  repository?: RepositoryLinks;
}

export interface SiteAssets {
  /** The browser script (search, filters, copy button), bundled. */
  script: string;
  /** The stylesheet. */
  style: string;
}

export interface SiteFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  content: string;
}

/**
 * A file as `siteFiles` yields it: its text, or its text in pieces to be written one after another (list
 * pages a card a piece, papers.json a record a piece: see templates.ts, json-pieces.ts), which may be made
 * only as they are asked for. No piece ends inside a surrogate pair.
 */
export interface StreamedSiteFile {
  path: string;
  content: string | Iterable<string>;
}

export type SiteResult = { ok: true; files: SiteFile[] } | { ok: false; errors: Diagnostic[] };

export const SEARCH_INDEX_FILE = "search-index.json";

/**
 * papers.json: the records as they are, pointing at the schema they validate against. In pieces, a record
 * each, made as they are written (json-pieces.ts): joined, tens of MB at 10,000 records would be made and
 * copied once more.
 */
function recordsJson(data: PapersFile): { json: Iterable<string>; schema: string } {
  const schema = buildJsonSchema();
  // The data file's schema forbids unknown keys; this copy also allows the `$schema` link itself.
  const properties = { $schema: { type: "string" }, ...(schema.properties as object) };
  return {
    json: withFinalNewline(prettyJsonPieces({ $schema: "papers.schema.json", ...data })),
    schema: `${JSON.stringify({ ...schema, properties }, null, 2)}\n`,
  };
}

function* withFinalNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield "\n";
}

interface PageContext {
  templates: SiteTemplates;
  options: SiteOptions;
  entryCount: number;
}

function page(ctx: PageContext, root: string, pageTitle: string, body: string, description = ""): string {
  return ctx.templates.layout({
    lang: ctx.options.lang,
    root,
    pageTitle,
    description,
    siteTitle: ctx.options.title,
    entryCount: ctx.entryCount,
    dataFile: ctx.options.dataFile ?? "data/papers.yaml",
    body,
  });
}

function* listPages(
  ctx: PageContext,
  nodes: readonly CategoryNode[],
  entries: readonly SiteEntry[],
  introHtml: string,
): Generator<StreamedSiteFile> {
  const filters = filterOptions(nodes, entries);
  const toc = nodes.map((n) => ({
    href: `#${sectionAnchor(n.category.id)}`,
    title: n.category.title,
    depth: n.depth,
    count: n.count,
  }));
  // In pieces, a card each (templates.ts says why).
  const index = ctx.templates.inPieces(() =>
    page(
      ctx,
      TOP_ROOT,
      ctx.options.title,
      ctx.templates.list({
        root: TOP_ROOT,
        heading: ctx.options.title,
        breadcrumbs: [],
        introHtml,
        toc,
        sections: sectionViews(nodes, 0, TOP_ROOT),
        ...filters,
      }),
    ),
  );
  yield { path: "index.html", content: index };

  const paths = categoryPaths(nodes);
  for (const [i, node] of nodes.entries()) {
    // The subtree is the run of nodes after this one that are deeper than it (pre-order).
    let end = i + 1;
    while (end < nodes.length && (nodes[end] as CategoryNode).depth > node.depth) end++;
    const subtree = nodes.slice(i, end);
    const [own] = sectionViews([node], node.depth, NESTED_ROOT, { own: true });
    const below = sectionViews(subtree.slice(1), node.depth, NESTED_ROOT, { raise: 1 });
    const ancestors = (paths.get(node.category.id) ?? []).slice(0, -1);
    const body = () =>
      ctx.templates.list({
        root: NESTED_ROOT,
        heading: node.category.title,
        // The search covers this page's entries only; the status line says so (client/main.ts).
        scope: node.category.title,
        breadcrumbs: breadcrumbTrail(ctx, ancestors),
        introHtml: "",
        toc: [],
        // The category's own section carries its intro and entries right under the page's h1.
        sections: own ? [own, ...below] : below,
        // The page's own categories, kinds and years: the search and filters cover this page's cards, and a
        // menu of all 39 categories offered ones that could only find nothing here.
        ...filterOptions(
          subtree,
          subtree.flatMap((n) => n.entries),
          node.depth,
        ),
      });
    yield {
      path: `${categoryPath(node.category.id)}index.html`,
      content: ctx.templates.inPieces(() =>
        page(ctx, NESTED_ROOT, `${node.category.title} · ${ctx.options.title}`, body()),
      ),
    };
  }
}

/** Search engines show about this much of a page's description; the whole abstract is in the page. */
const DESCRIPTION_CHARS = 200;

/**
 * The first DESCRIPTION_CHARS characters, never half a surrogate pair. The abstract used to go in whole,
 * repeating about 800 bytes in every entry page's head (8 MB at 10,000 records).
 */
function pageDescription(text: string): string {
  if (text.length <= DESCRIPTION_CHARS) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(DESCRIPTION_CHARS - 1))
    ? DESCRIPTION_CHARS - 1
    : DESCRIPTION_CHARS;
  return text.slice(0, end);
}

interface Breadcrumb {
  href: string;
  title: string;
}

/** The way down to a page below the top one: the site, then `categories` (top first), as links. */
function breadcrumbTrail(ctx: PageContext, categories: readonly CategoryRef[]): Breadcrumb[] {
  return [
    { href: NESTED_ROOT, title: ctx.options.title },
    ...categories.map((c) => ({ href: `${NESTED_ROOT}${categoryPath(c.id)}`, title: c.title })),
  ];
}

/** What an entry page shows besides its entry view; no field of a view has one of these names. */
interface EntryPageFields {
  root: string;
  breadcrumbs: Breadcrumb[];
  bibtex: string;
  related: ReturnType<typeof relatedViews>;
}
/** A compile-time check: an entry view field named like a page field would hide it. */
const noFieldHidden: Extract<keyof SiteEntry, keyof EntryPageFields> extends never ? true : never = true;
void noFieldHidden;

/**
 * Entry pages [from, to), as one run or in several (write.ts makes each run's pages as soon as the term
 * thread has its related entries).
 */
function entryPageMaker(ctx: PageContext, entries: readonly SiteEntry[], bibtex: readonly string[]) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  // An entry's breadcrumbs are its category's: made once per category.
  const breadcrumbsOf = new Map<string, Breadcrumb[]>();
  const breadcrumbs = (path: readonly CategoryRef[]) => {
    const key = path[0]?.id ?? "";
    let crumbs = breadcrumbsOf.get(key);
    if (!crumbs) {
      crumbs = breadcrumbTrail(ctx, [...path].reverse());
      breadcrumbsOf.set(key, crumbs);
    }
    return crumbs;
  };
  return (related: RelatedLookup, from = 0, to = entries.length) =>
    entryPages(ctx, entries, bibtex, related, byId, breadcrumbs, from, to);
}

function* entryPages(
  ctx: PageContext,
  entries: readonly SiteEntry[],
  bibtex: readonly string[],
  related: RelatedLookup,
  byId: ReadonlyMap<string, SiteEntry>,
  breadcrumbs: (path: readonly CategoryRef[]) => Breadcrumb[],
  from: number,
  to: number,
): Generator<SiteFile> {
  for (let i = from; i < to; i++) {
    const entry = entries[i] as SiteEntry;
    // The page's own fields first, then the entry's: V8 copies an object into a literal quickly, but gives
    // each copy a shape of its own when fields are added after a spread (about 20 µs a page, 0.2 s at 10,000).
    const body = ctx.templates.entry({
      root: NESTED_ROOT,
      breadcrumbs: breadcrumbs(entry.categoryPath),
      bibtex: bibtex[i] ?? "",
      related: relatedViews(entry, related.get(entry.id) ?? [], byId, entries.length <= WHOLE_WORDS_UP_TO),
      ...entry,
    } satisfies EntryPageFields & SiteEntry);
    // The abstract as the page shows it (its Markdown rendered), else the 摘要: plain text, no "**" or "[…](…)".
    // An abstract of plain words (most are) is its own plain text: taking its HTML apart cost 70-160 ms at 10,000.
    const description = pageDescription(
      entry.abstractHtml !== "" && readsAsWritten(entry.abstract)
        ? entry.abstract
        : htmlToPlainText(entry.abstractHtml || entry.summaryHtml),
    );
    yield {
      path: `${entryPath(entry.id)}index.html`,
      content: page(ctx, NESTED_ROOT, `${entry.title} · ${ctx.options.title}`, body, description),
    };
  }
}

/**
 * The site's files in three runs, apart from the search index: `head` (assets, feed, list and category
 * pages), `entryPages` (which wait for the related entries, and can be made a range of entries at a time)
 * and `exports` (BibTeX, JSON). `siteFiles` runs
 * them in one thread; `buildAndWriteSite` (write.ts) computes the terms on another meanwhile. A template that
 * fails (strict mode: a misspelt field) throws a SiteTemplateError from the iteration.
 */
export function planSite(
  data: PapersFile,
  templates: SiteTemplates,
  assets: SiteAssets,
  options: SiteOptions,
) {
  const links = options.repository;
  // From the tree alone: the nodes proper render each category's intro, which is done once, below.
  const paths = categoryPaths(flattenCategories(data.categories));
  // The entry view wants its category path nearest first (the card's data-categories, the feed).
  const entries = data.entries.map((e) =>
    buildSiteEntry(e, [...(paths.get(e.category) ?? [])].reverse(), links),
  );
  const nodes = buildCategoryNodes(data.categories, entries, links);
  const ctx: PageContext = { templates, options, entryCount: entries.length };
  // Each entry's BibTeX, made once for its page's cite block and for papers.bib.
  const bibtex = entries.map((e) => formatBibtex(e));
  return {
    *head(): Generator<StreamedSiteFile> {
      // The small files first: the writer starts on them while the pages are rendered.
      yield { path: "assets/site.js", content: assets.script };
      yield { path: "assets/site.css", content: assets.style };
      // GitHub Pages would otherwise run Jekyll over the folder.
      yield { path: ".nojekyll", content: "" };
      yield { path: "feed.xml", content: formatAtomFeed({ ...options, entries }) };
      yield* listPages(ctx, nodes, entries, markdownToHtml(data.list?.intro, links));
    },
    /** Entry pages [from, to) (all of them by default), each with its related entries from `related`. */
    entryPages: entryPageMaker(ctx, entries, bibtex),
    *exports(): Generator<StreamedSiteFile> {
      yield { path: "papers.bib", content: joinBibliography(bibtex) };
      const { json, schema } = recordsJson(data);
      yield { path: "papers.json", content: json };
      yield { path: "papers.schema.json", content: schema };
    },
  };
}

/**
 * Every file of the site, each built when it is asked for, in this thread. A template that fails (strict
 * mode: a misspelt field) throws a SiteTemplateError from the iteration; `buildSite` turns it into a
 * diagnostic.
 */
export function* siteFiles(
  data: PapersFile,
  templates: SiteTemplates,
  assets: SiteAssets,
  options: SiteOptions,
): Generator<StreamedSiteFile> {
  const site = planSite(data, templates, assets, options);
  yield* site.head();
  const terms = termsOfEntries(termInput(data.entries));
  yield* site.entryPages(terms.related());
  yield { path: SEARCH_INDEX_FILE, content: terms.searchIndex() };
  yield* site.exports();
}

/** Every file of the site, in memory. Template errors (a misspelt field) come back as diagnostics. */
export function buildSite(
  data: PapersFile,
  templates: SiteTemplates,
  assets: SiteAssets,
  options: SiteOptions,
): SiteResult {
  try {
    const files = [...siteFiles(data, templates, assets, options)].map(({ path, content }) => ({
      path,
      content: typeof content === "string" ? content : Array.from(content).join(""),
    }));
    return { ok: true, files };
  } catch (error) {
    return { ok: false, errors: [siteTemplateDiagnostic(error)] };
  }
}

/** The diagnostic for a template that failed while rendering; any other error is a bug and is thrown on. */
export function siteTemplateDiagnostic(error: unknown): Diagnostic {
  if (!(error instanceof SiteTemplateError)) throw error;
  return templateRenderDiagnostic(error);
}
