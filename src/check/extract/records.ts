/**
 * Every URL of the records: each entry's url, repositories, links and images, and the URLs inside its
 * Markdown (summary, extra, note), the list intro and category intros. Scalar URLs keep their data path,
 * so `fix` can replace exactly that value.
 */
import { isScalar, Scalar } from "yaml";
import type { Category, PapersFile } from "../../records/schema.js";
import type { PathSegment, RecordSource } from "../../records/source.js";
import { extractMarkdownUrls } from "./markdown.js";
import { groupTargets, isHttpUrl, type CheckTarget, type UrlLocation } from "./targets.js";

interface Found {
  url: string;
  location: UrlLocation;
}

const MARKDOWN_FIELDS = ["extra", "summary", "note", "aside"] as const;

/** Spaces before the first non-empty content line of a block scalar starting on `headerLine` (1-based). */
function blockIndent(text: string, headerLine: number): number {
  const lines = text.split("\n", headerLine + 50).slice(headerLine);
  const first = lines.find((l) => l.trim() !== "") ?? "";
  return first.length - first.trimStart().length;
}

/** URLs inside a Markdown value, placed on the file's lines (a block scalar's text starts one line down). */
function markdownUrls(text: string, path: PathSegment[], source: RecordSource, entryId?: string): Found[] {
  const node = source.nodeAt(path);
  const start = source.position(path);
  const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  const indent = block ? blockIndent(source.text, start.line) : 0;
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

function categoryUrls(categories: readonly Category[], path: PathSegment[], source: RecordSource): Found[] {
  return categories.flatMap((category, i) => [
    ...(category.intro ? markdownUrls(category.intro, [...path, i, "intro"], source) : []),
    ...categoryUrls(category.children ?? [], [...path, i, "children"], source),
  ]);
}

/** A URL that is a whole YAML value (entry url, repository, link, image): what `fix` may replace. */
export interface ScalarUrl {
  url: string;
  path: PathSegment[];
  entryId: string;
  entryIndex: number;
}

/** The scalar URLs of every entry, in file order. */
export function listScalarUrls(data: PapersFile): ScalarUrl[] {
  const out: ScalarUrl[] = [];
  data.entries.forEach((entry, i) => {
    const add = (url: string, ...rest: PathSegment[]) =>
      out.push({ url, path: ["entries", i, ...rest], entryId: entry.id, entryIndex: i });
    add(entry.url, "url");
    entry.repos?.forEach((repo, j) => add(repo.url, "repos", j, "url"));
    entry.links?.forEach((link, j) => add(link.url, "links", j, "url"));
    entry.images?.forEach((image, j) => add(image.url, "images", j, "url"));
  });
  return out;
}

/** The records' URLs, grouped by URL with every location. */
export function extractRecordUrls(data: PapersFile, source: RecordSource): CheckTarget[] {
  const found: Found[] = [];
  if (data.list?.intro) found.push(...markdownUrls(data.list.intro, ["list", "intro"], source));
  found.push(...categoryUrls(data.categories, ["categories"], source));
  for (const { url, path, entryId } of listScalarUrls(data)) {
    if (!isHttpUrl(url)) continue;
    const pos = source.position(path);
    found.push({ url, location: { file: source.file, line: pos.line, column: pos.column, entryId, path } });
  }
  data.entries.forEach((entry, i) => {
    for (const field of MARKDOWN_FIELDS) {
      const text = entry[field];
      if (text) found.push(...markdownUrls(text, ["entries", i, field], source, entry.id));
    }
  });
  return groupTargets(found);
}
