/** Shapes shared by the importer's stages: its options, its notices and its result. */
import type { PapersFile } from "../records/index.js";

/** One row of an arXiv-ids file (`- title: …\n  arxiv: '2306.15195'`); `arxiv: null` means "not a paper". */
export interface ArxivIdRow {
  title: string;
  arxiv: string | null;
  /** 1-based line of the row in its file, for notices. */
  line: number;
}

export interface ArxivIdList {
  /** The file as shown to people (notices point into it). */
  file: string;
  rows: ArxivIdRow[];
}

export interface ImportOptions {
  /** The Markdown file as shown to people; notices point into it. Default "list.md". */
  file?: string;
  /** Known arXiv ids, matched to entries by normalised title. */
  arxivIds?: ArxivIdList;
  /** Headings (after the `####`) that open an entry's summary. Default: 摘要, Summary, Abstract. */
  summaryHeadings?: readonly string[];
}

/**
 * Why a notice exists. Warnings mean something needs a person (content left out, an id not matched, a guess);
 * infos say where a documented rule put or normalised something, so nothing changes silently.
 */
export type ImportNoticeCode =
  | "unplaced-content"
  | "heading-without-link"
  | "unexpected-heading"
  | "arxiv-unmatched-entry"
  | "arxiv-unused-row"
  | "arxiv-by-position"
  | "arxiv-conflict"
  | "image-width-dropped"
  | "aside-entry"
  | "aside-intro"
  | "boilerplate-section"
  | "prose-resource"
  | "title-joined"
  | "title-trimmed"
  | "date-normalised"
  | "date-invalid"
  | "no-date"
  | "no-summary"
  | "image-size-without-space"
  | "image-height-dropped"
  | "link-label-from-host"
  | "list-title"
  | "list-entries"
  | "list-item-not-http"
  | "list-text-moved"
  | "kind-from-url"
  | "kind-guessed";

export interface ImportNotice {
  severity: "warning" | "info";
  code: ImportNoticeCode;
  message: string;
  /** The Markdown file, or the arXiv-ids file for its own rows. */
  file: string;
  /** 1-based line the notice is about. */
  line: number;
  endLine?: number;
  /** The record it concerns, once it has an id. */
  entryId?: string;
}

export interface ImportResult {
  data: PapersFile;
  /** In source order. Any warning means the import is incomplete (the CLI exits 1). */
  report: ImportNotice[];
}
