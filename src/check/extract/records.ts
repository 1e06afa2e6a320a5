/**
 * Every URL of the records: the URL fields of each entry and the URLs inside its Markdown fields, the list
 * intro and category intros, as the record walker (records/anatomy/walk.ts) finds them. Scalar URLs keep
 * their data path, so `fix` can replace exactly that value.
 */
import {
  ENTRY_ANATOMY,
  listTexts,
  visitEntryMarkdown,
  visitEntryUrls,
  walkRecordUrls,
  type Entry,
  type PapersFile,
  type PathSegment,
  type RecordSource,
} from "../../records/index.js";
import { extractMarkdownUrls } from "./markdown.js";
import { isHttpUrl, TargetGroups, type CheckTarget } from "./targets.js";

/**
 * Spaces before the first non-empty content line of a block scalar whose header is at `headerOffset`.
 * Reads only the scalar's own lines: splitting the file from its start for every field was quadratic.
 */
function blockIndent(text: string, headerOffset: number, end: number): number {
  const body = text.slice(text.indexOf("\n", headerOffset) + 1, end);
  return /^(?:[ \t]*\r?\n)*( *)/.exec(body)?.[1]?.length ?? 0;
}

/** URLs inside a Markdown value, placed on the file's lines (a block scalar's text starts one line down). */
function addMarkdownUrls(
  groups: TargetGroups,
  text: string,
  path: PathSegment[],
  source: RecordSource,
  entryId?: string,
): void {
  const hits = extractMarkdownUrls(text);
  if (hits.length === 0) return;
  const node = source.nodeAt(path);
  const start = source.position(path);
  const block = node?.kind === "scalar" && (node.style === "literal" || node.style === "folded");
  const indent = block ? blockIndent(source.text, node.start, node.end) : 0;
  for (const hit of hits)
    groups.add(hit.url, {
      file: source.file,
      line: start.line + (block ? hit.line : hit.line - 1),
      column: block ? indent + hit.column : hit.line === 1 ? start.column + hit.column - 1 : hit.column,
      ...(entryId ? { entryId } : {}),
    });
}

/** A URL that is a whole YAML value (entry url, repository, link, image): what `fix` may replace. */
export interface ScalarUrl {
  url: string;
  path: PathSegment[];
  entryId: string;
  entryIndex: number;
}

/** The scalar URLs of every entry, in file order (the record walker's URL fields). */
export function listScalarUrls(data: PapersFile): ScalarUrl[] {
  return walkRecordUrls(data).flatMap((site) =>
    site.kind === "field"
      ? [{ url: site.value, path: site.path, entryId: site.entryId, entryIndex: site.entryIndex }]
      : [],
  );
}

/**
 * The records' URLs, grouped by URL with every location. It visits the records with the walker's visitors
 * rather than its list of sites: a site object per URL and Markdown field was half the garbage of a run.
 */
export function extractRecordUrls(data: PapersFile, source: RecordSource): CheckTarget[] {
  const groups = new TargetGroups();
  // Locations keep the order reports have always listed them in: list and category intros, then every
  // URL field, then the links inside entries' Markdown. One function per pass: with both loops in one
  // function, V8 optimised the first on the fly and threw that code away at the second on every call.
  for (const intro of listTexts(data).markdown) addMarkdownUrls(groups, intro.value, intro.path, source);
  addFieldUrls(groups, data.entries, source);
  addEntryMarkdownUrls(groups, data.entries, source);
  return groups.targets();
}

function addFieldUrls(groups: TargetGroups, entries: readonly Entry[], source: RecordSource): void {
  const file = source.file;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Entry;
    const entryId = entry.id;
    visitEntryUrls(entry, index, ENTRY_ANATOMY, (path, url) => {
      if (!isHttpUrl(url)) return;
      const { line, column } = source.position(path);
      groups.add(url, { file, line, column, entryId, path });
    });
  }
}

function addEntryMarkdownUrls(groups: TargetGroups, entries: readonly Entry[], source: RecordSource): void {
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Entry;
    const entryId = entry.id;
    visitEntryMarkdown(entry, index, ENTRY_ANATOMY, (path, text) =>
      addMarkdownUrls(groups, text, path, source, entryId),
    );
  }
}
