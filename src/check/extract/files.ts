/** URLs of a Markdown, HTML or text file, chosen by its extension (`papershelf check README.md urls.txt`). */
import { readFile } from "node:fs/promises";
import { extractMarkdownUrls } from "./markdown.js";
import { groupTargets, type CheckTarget, type FoundUrl } from "./targets.js";
import { extractHtmlUrls, extractTextUrls } from "./text.js";

export type FileKind = "markdown" | "html" | "text";

export function fileKind(file: string): FileKind {
  const lower = file.toLowerCase();
  if (/\.(md|markdown|mdown|mkd|mdx)$/.test(lower)) return "markdown";
  if (/\.(html?|xhtml)$/.test(lower)) return "html";
  return "text";
}

/** Pure: the URLs of one file's text, located in `file`. */
export function extractFileUrls(file: string, text: string): CheckTarget[] {
  const kind = fileKind(file);
  const hits: FoundUrl[] =
    kind === "markdown"
      ? extractMarkdownUrls(text)
      : kind === "html"
        ? extractHtmlUrls(text)
        : extractTextUrls(text);
  return groupTargets(hits.map((h) => ({ url: h.url, location: { file, line: h.line, column: h.column } })));
}

export type FileTargets = { ok: true; targets: CheckTarget[] } | { ok: false; file: string; message: string };

/** Reads one file and extracts its URLs; an unreadable file is a result, not an exception. */
export async function readFileTargets(path: string, displayName = path): Promise<FileTargets> {
  try {
    return { ok: true, targets: extractFileUrls(displayName, await readFile(path, "utf8")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      file: displayName,
      message: code === "ENOENT" ? "file not found" : (error as Error).message,
    };
  }
}

/** Joins targets from several sources: one target per URL with all its locations. */
export function mergeTargets(lists: readonly CheckTarget[][]): CheckTarget[] {
  return groupTargets(lists.flat().flatMap((t) => t.locations.map((location) => ({ url: t.url, location }))));
}
