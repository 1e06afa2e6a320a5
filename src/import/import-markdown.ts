/**
 * `importMarkdown(text)`: a HackMD / awesome-style list → records and a report. Pure: the CLI reads the
 * files, writes the YAML and prints the report. Nothing is dropped silently: whatever cannot be placed in a
 * record is a warning with its line, and every rule that moves or rewrites text leaves an info notice.
 */
import {
  arxivIdFromUrl,
  type Category,
  compareCodePoints,
  type Entry,
  type PapersFile,
  oneLine,
  shorten,
} from "../records/index.js";
import { assignArxivIds, type ArxivCandidate } from "./arxiv.js";
import { buildEntry } from "./entry.js";
import { kindNotice, kindOfUrl } from "./kinds.js";
import { entryIdBase, IdAllocator, mainTitle, slugifyAscii } from "./ids.js";
import { collectLinks } from "./inline.js";
import { classifyLines, joinBlocks, type TextBlock } from "./lines.js";
import { splitListEntries, type ListItemEntry } from "./list-items.js";
import { readStructure, type ListStructure, type RawCategory } from "./structure.js";
import type { ImportNotice, ImportOptions, ImportResult } from "./types.js";

export const DEFAULT_SUMMARY_HEADINGS = ["摘要", "Summary", "Abstract"] as const;

/** Converts a Markdown list into records plus notices (see ImportNotice). Never throws on bad input. */
export function importMarkdown(text: string, options: ImportOptions = {}): ImportResult {
  const file = options.file ?? "list.md";
  const summaryHeadings = new Set((options.summaryHeadings ?? DEFAULT_SUMMARY_HEADINGS).map((h) => h.trim()));
  const lines = classifyLines(text);
  const structure = readStructure(lines, (heading) => summaryHeadings.has(heading.trim()));
  const notices: ImportNotice[] = [];
  const state: WalkState = {
    file,
    notices,
    categoryIds: new IdAllocator(),
    entryIds: new IdAllocator(),
    entries: [],
    candidates: [],
    position: 0,
  };
  const categories = structure.categories
    .filter((c) => !isBoilerplate(c, state))
    .map((c) => buildCategory(c, state, undefined));

  notices.push(...reportStructure(structure, file));
  if (options.arxivIds) notices.push(...assignArxivIds(state.candidates, options.arxivIds, file));
  for (const c of state.candidates) {
    const entry = state.entries[c.index];
    if (entry && c.arxiv) entry.arxiv = c.arxiv;
  }

  const list = {
    ...(structure.title ? { title: withoutBadges(structure.title.heading ?? "") } : {}),
    ...(structure.intro ? { intro: structure.intro.text } : {}),
  };
  const data: PapersFile = {
    ...(Object.keys(list).length > 0 ? { list } : {}),
    categories,
    entries: state.entries,
  };
  return { data, report: sortNotices(notices) };
}

/**
 * A title without its badges: "Awesome Vision [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
 * is "Awesome Vision" (the badge's Markdown showed as text in the site's title and heading).
 */
function withoutBadges(title: string): string {
  const plain = title
    .replace(/\[!\[[^\]\n]*\]\([^)\n]*\)\]\([^)\n]*\)/g, "")
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, "")
    .trim();
  return plain === "" ? title : plain;
}

/** Warnings for text and headings outside the tree; an info when a heading was read as the list's title. */
function reportStructure(structure: ListStructure, file: string): ImportNotice[] {
  const notices: ImportNotice[] = [];
  for (const block of structure.loose)
    notices.push({
      severity: "warning",
      code: "unplaced-content",
      file,
      line: block.startLine,
      endLine: block.endLine,
      message: `text outside any entry or category was not imported: "${excerpt(block.text)}"`,
    });
  for (const line of structure.strayHeadings)
    notices.push({
      severity: "warning",
      code: "unexpected-heading",
      file,
      line: line.number,
      message: `"${line.text.trim()}" is outside the category tree (before any category, or shallower than the category headings): it and the text under it were not imported`,
    });
  if (structure.title)
    notices.push({
      severity: "info",
      code: "list-title",
      file,
      line: structure.title.number,
      message: `the only heading above the category level, "${structure.title.heading ?? ""}", read as the list's title`,
    });
  return notices;
}

interface WalkState {
  file: string;
  notices: ImportNotice[];
  categoryIds: IdAllocator;
  entryIds: IdAllocator;
  entries: Entry[];
  candidates: (ArxivCandidate & { index: number })[];
  /** Categories seen so far, for the `category-N` fallback id of titles without ASCII letters. */
  position: number;
}

/**
 * The sections an awesome list has besides its topics (awesome-lint asks for a "Contents" and a "Contributing"
 * section, and most end with a "License"): a table of anchors, how to send a pull request, a licence badge.
 * Imported, each became a category, the badge's link an entry, and the table's `#anchors` dead links on the
 * site. A top-level one with no subsections and no entries is left out, with a notice.
 */
const BOILERPLATE = new Set([
  "contents",
  "table of contents",
  "目錄",
  "contributing",
  "contribute",
  "contributors",
  "license",
  "licence",
  "footnotes",
]);

function isBoilerplate(raw: RawCategory, state: WalkState): boolean {
  const title = (raw.heading.heading ?? "").trim();
  if (!BOILERPLATE.has(title.toLowerCase()) || raw.children.length > 0 || raw.entries.length > 0)
    return false;
  // Items that link to http(s) pages are entries: then it is a topic after all.
  if (raw.intro && splitListEntries(raw.intro).items.length > 0) return false;
  state.notices.push({
    severity: "info",
    code: "boilerplate-section",
    file: state.file,
    line: raw.heading.number,
    message: `"${title}" read as the list's own ${title.toLowerCase().startsWith("contrib") ? "contribution guide" : title.toLowerCase().startsWith("licen") ? "licence" : "table of contents"}, not a category: not imported (copy it into README.md outside the markers if you want it there)`,
  });
  return true;
}

function buildCategory(raw: RawCategory, state: WalkState, parentId: string | undefined): Category {
  state.position += 1;
  const title = (raw.heading.heading ?? "").trim();
  const base = slugifyAscii(title);
  const id = state.categoryIds.take(
    base,
    `category-${state.position}`,
    parentId && base ? [`${parentId}-${base}`] : [],
  );
  if (raw.aside)
    state.notices.push({
      severity: "info",
      code: "aside-intro",
      file: state.file,
      line: raw.aside.startLine,
      endLine: raw.aside.endLine,
      message: `text before the heading "${title}" (line ${raw.heading.number}) kept as that category's intro`,
    });
  const split = raw.intro ? splitListEntries(raw.intro) : { items: [], skipped: [], moved: [] };
  const intro = joinBlocks([raw.aside, split.rest].filter((b): b is TextBlock => b !== undefined));
  for (const item of split.items) addEntry(state, listItemEntry(item, id, state), item.line, true);
  const [firstItem] = split.items;
  if (firstItem)
    state.notices.push({
      severity: "info",
      code: "list-entries",
      file: state.file,
      line: firstItem.line,
      message: `${split.items.length} list item(s) starting with a link under "${title}" read as entries`,
    });
  for (const item of split.skipped)
    state.notices.push({
      severity: "warning",
      code: "list-item-not-http",
      file: state.file,
      line: item.line,
      message: `a list item under "${title}" links to "${item.url}", not an http(s) URL: kept in the category's intro, not made an entry (give it the full address to make it one)`,
    });
  for (const moved of split.moved)
    state.notices.push({
      severity: "info",
      code: "list-text-moved",
      file: state.file,
      line: moved.startLine,
      endLine: moved.endLine,
      message: `text after the list entries of "${title}" moved into its intro, which the README shows above the entries: "${excerpt(moved.text)}"`,
    });

  for (const rawEntry of raw.entries)
    addEntry(
      state,
      buildEntry(rawEntry, { file: state.file, ids: state.entryIds, categoryId: id, notices: state.notices }),
      rawEntry.heading[0]?.number ?? 0,
      true,
    );
  const children = raw.children.map((child) => buildCategory(child, state, id));

  if (raw.intro && split.items.length === 0 && raw.entries.length === 0 && children.length === 0) {
    // The prose stays the intro (visible under the heading); the resource makes its links checkable.
    addEntry(state, proseResource(raw.intro, id, state), raw.intro.startLine, false);
  }
  return { id, title, ...(intro ? { intro: intro.text } : {}), ...(children.length > 0 ? { children } : {}) };
}

function addEntry(state: WalkState, entry: Entry | undefined, line: number, fromHeading: boolean) {
  if (!entry) return;
  state.candidates.push({
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    line,
    fromHeading,
    index: state.entries.length,
    ...(entry.arxiv ? { arxiv: entry.arxiv } : {}),
  });
  state.entries.push(entry);
}

/** An awesome-style `- [Name](url) - description` item as an entry (no date: such lists rarely give one). */
function listItemEntry(item: ListItemEntry, categoryId: string, state: WalkState): Entry | undefined {
  if (!item.title) return undefined;
  const id = state.entryIds.take(entryIdBase(item.title, item.url), `entry-${item.line}`);
  const arxiv = arxivIdFromUrl(item.url);
  const kind = kindOfUrl(item.url);
  const kindSaid = kindNotice(item.title, item.url, kind);
  if (kindSaid)
    state.notices.push({ severity: "info", file: state.file, line: item.line, entryId: id, ...kindSaid });
  return {
    id,
    title: item.title,
    url: item.url,
    kind: kind.kind,
    category: categoryId,
    ...(arxiv ? { arxiv } : {}),
    ...(item.description ? { summary: item.description } : {}),
  };
}

/**
 * A category with prose and no entries (科学空间|Scientific Spaces議題) recommends something: the first link
 * is the resource (its text the title), the other links stay as links. The prose itself stays the
 * category's intro, shown as written: as the resource's summary it would be folded away under 摘要.
 */
function proseResource(prose: TextBlock, categoryId: string, state: WalkState): Entry | undefined {
  const links = collectLinks(prose.text).filter((l) => /^https?:\/\//.test(l.url));
  const [main, ...others] = links;
  if (!main) return undefined;
  const title =
    oneLine(main.text).replace(/^[「『“"'\s]+|(?<![」』”"'\s])[」』”"'\s]+$/g, "") || new URL(main.url).host;
  const id = state.entryIds.take(slugifyAscii(mainTitle(title)), `resource-${prose.startLine}`);
  state.notices.push({
    severity: "info",
    code: "prose-resource",
    file: state.file,
    line: prose.startLine,
    endLine: prose.endLine,
    entryId: id,
    message: `a section with prose and no entries keeps the prose as its intro and gets resource "${id}": title and url from its first link (${main.url}), the other links as links`,
  });
  return {
    id,
    title,
    url: main.url,
    kind: "resource",
    category: categoryId,
    ...(others.length > 0
      ? {
          links: others.map((l) => ({
            label: oneLine(l.text) || new URL(l.url).host,
            url: l.url,
          })),
        }
      : {}),
  };
}

function excerpt(text: string, max = 60): string {
  return shorten(oneLine(text), max);
}

function sortNotices(list: ImportNotice[]): ImportNotice[] {
  return [...list].sort(
    (a, b) => compareCodePoints(a.file, b.file) || a.line - b.line || compareCodePoints(a.code, b.code),
  );
}

/** `file:line  severity code  message`, one notice per line (file:line stays clickable in terminals). */
export function formatNotice(n: ImportNotice): string {
  // A message that names its lines already ("lines 30–32 were not imported") is not followed by them again.
  const span =
    n.endLine !== undefined && n.endLine !== n.line && !n.message.includes(`lines ${n.line}–${n.endLine}`)
      ? ` (lines ${n.line}–${n.endLine})`
      : "";
  return `${n.file}:${n.line}  ${n.severity} ${n.code}  ${n.message}${span}`;
}
