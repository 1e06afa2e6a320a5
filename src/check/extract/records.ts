/**
 * Every URL of the records: the URL fields of each entry and the URLs inside its Markdown fields, the list
 * intro and category intros, as the record walker (records/anatomy/walk.ts) finds them. Scalar URLs keep
 * their data path, so `fix` can replace exactly that value.
 */
import { walkRecordUrls, type PapersFile, type PathSegment, type RecordSource } from "../../records/index.js";
import { extractMarkdownUrls } from "./markdown.js";
import { groupTargets, isHttpUrl, type CheckTarget, type UrlLocation } from "./targets.js";

interface Found {
  url: string;
  location: UrlLocation;
}

/**
 * Spaces before the first non-empty content line of a block scalar whose header is at `headerOffset`.
 * Reads only the scalar's own lines: splitting the file from its start for every field was quadratic.
 */
function blockIndent(text: string, headerOffset: number, end: number): number {
  const body = text.slice(text.indexOf("\n", headerOffset) + 1, end);
  return /^(?:[ \t]*\r?\n)*( *)/.exec(body)?.[1]?.length ?? 0;
}

/** URLs inside a Markdown value, placed on the file's lines (a block scalar's text starts one line down). */
function markdownUrls(text: string, path: PathSegment[], source: RecordSource, entryId?: string): Found[] {
  const node = source.nodeAt(path);
  const start = source.position(path);
  const block = node?.kind === "scalar" && (node.style === "literal" || node.style === "folded");
  const indent = block ? blockIndent(source.text, node.start, node.end) : 0;
  return extractMarkdownUrls(text).map((hit) => ({
    url: hit.url,
    location: {
      file: source.file,
      line: start.line + (block ? hit.line : hit.line - 1),
      column: block ? indent + hit.column : hit.line === 1 ? start.column + hit.column - 1 : hit.column,
      ...(entryId ? { entryId } : {}),
    },
  }));
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

/** The records' URLs, grouped by URL with every location. */
export function extractRecordUrls(data: PapersFile, source: RecordSource): CheckTarget[] {
  const sites = walkRecordUrls(data);
  const found: Found[] = [];
  // Locations keep the order reports have always listed them in: list and category intros, then every
  // URL field, then the links inside entries' Markdown.
  for (const site of sites)
    if (site.kind === "markdown" && site.entryId === undefined)
      found.push(...markdownUrls(site.value, site.path, source));
  for (const site of sites) {
    if (site.kind !== "field" || !isHttpUrl(site.value)) continue;
    const pos = source.position(site.path);
    const { entryId, path } = site;
    found.push({
      url: site.value,
      location: { file: source.file, line: pos.line, column: pos.column, entryId, path },
    });
  }
  for (const site of sites)
    if (site.kind === "markdown" && site.entryId !== undefined)
      found.push(...markdownUrls(site.value, site.path, source, site.entryId));
  return groupTargets(found);
}
