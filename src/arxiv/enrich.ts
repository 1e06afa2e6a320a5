/**
 * What arXiv can add to a record: the fields it lacks, never one a person wrote. Pure: the plan is data
 * (entry, field, value) that `enrich` prints or writes with the byte-preserving field edit.
 */
import {
  arxivIdFromUrl,
  type Entry,
  type FieldAddition,
  normalizeArxivId,
  type PapersFile,
} from "../records/index.js";
import type { ArxivPaper } from "./feed.js";

/** The record fields arXiv fills, in record key order, each with how it is read off the feed. */
export const ARXIV_FIELDS = [
  { key: "title", from: (p: ArxivPaper) => p.title },
  { key: "authors", from: (p: ArxivPaper) => (p.authors.length > 0 ? p.authors : undefined) },
  {
    key: "date",
    from: (p: ArxivPaper) => (/^\d{4}-\d{2}-\d{2}$/.test(p.published) ? p.published : undefined),
  },
  { key: "arxiv", from: (p: ArxivPaper) => p.id },
  { key: "doi", from: (p: ArxivPaper) => (p.doi && /^10\.\d{4,9}\/\S+$/.test(p.doi) ? p.doi : undefined) },
  { key: "arxiv-category", from: (p: ArxivPaper) => p.primaryCategory },
  { key: "journal-ref", from: (p: ArxivPaper) => p.journalRef },
  { key: "abstract", from: (p: ArxivPaper) => p.abstract || undefined },
] as const satisfies readonly { key: keyof Entry; from: (p: ArxivPaper) => unknown }[];

export type ArxivFieldKey = (typeof ARXIV_FIELDS)[number]["key"];

/** The arXiv id a record names: its `arxiv` field, else its link when that is an arXiv page. */
export function arxivIdOf(entry: Pick<Entry, "arxiv" | "url">): string | undefined {
  const written = entry.arxiv ?? arxivIdFromUrl(entry.url);
  return written === undefined ? undefined : normalizeArxivId(written);
}

/** The values arXiv has for the fields `entry` leaves empty (a person's value always wins). */
export function missingFromArxiv(
  entry: Partial<Entry>,
  paper: ArxivPaper,
): Partial<Record<ArxivFieldKey, unknown>> {
  const out: Partial<Record<ArxivFieldKey, unknown>> = {};
  for (const { key, from } of ARXIV_FIELDS) {
    const value = from(paper);
    if (value !== undefined && entry[key] === undefined) out[key] = value;
  }
  return out;
}

export interface EnrichmentPlan {
  additions: FieldAddition[];
  /** Ids of papers arXiv does not know, with the records naming them. */
  unknown: { entryId: string; arxiv: string }[];
}

/** The fields to add to every record with an arXiv id, from the papers looked up. */
export function planEnrichment(data: PapersFile, papers: ReadonlyMap<string, ArxivPaper>): EnrichmentPlan {
  const additions: FieldAddition[] = [];
  const unknown: EnrichmentPlan["unknown"] = [];
  data.entries.forEach((entry, entryIndex) => {
    const id = arxivIdOf(entry);
    if (id === undefined) return;
    const paper = papers.get(id);
    if (!paper) {
      unknown.push({ entryId: entry.id, arxiv: id });
      return;
    }
    for (const [key, value] of Object.entries(missingFromArxiv(entry, paper)))
      additions.push({ entryIndex, key, mode: "set", value });
  });
  return { additions, unknown };
}
