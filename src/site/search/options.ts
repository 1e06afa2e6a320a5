/**
 * The MiniSearch options shared by the index built in Node and the search run in the browser (a serialised
 * index only loads with the options it was built with). Why MiniSearch: a small (about 7 KB gzipped),
 * dependency-free, well-kept library whose index serialises to JSON and whose tokenizer is ours to choose,
 * which Chinese needs (see tokenize.ts). Pagefind was the other candidate: its index is made from the built
 * HTML by a native binary and its Chinese segmentation is its own, so "微調" could not be promised to match
 * exactly the texts that contain it, and the filters would live in its index rather than in our URL.
 *
 * The indexed fields come from the record anatomy (entry-view.ts `searchFields`); the served index
 * names them (compact-index.ts `fields`), so the browser reads them from there and needs no list of its own.
 */
import type { Options, SearchOptions } from "minisearch";
import { isCjkTerm, tokenize, tokenizeQuery } from "./tokenize.js";

/** A record's searchable text, one string per field, and its id. */
export type SearchDocument = { id: string } & Record<string, string>;

/** A query term that matches as a prefix: a Latin word ("diffu" finds diffusion) or a single CJK character. */
export const isPrefixTerm = (term: string) => !isCjkTerm(term) || term.length === 1;

/**
 * CJK bigrams match exactly, and nothing is fuzzy, so a result always contains what was typed (or, for
 * Chinese, its form in the other script: search/load.ts).
 */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: "AND",
  prefix: isPrefixTerm,
  fuzzy: false,
  tokenize: tokenizeQuery,
  processTerm: (term) => term,
};

export function indexOptions(fields: readonly string[]): Options<SearchDocument> {
  return {
    fields: [...fields],
    storeFields: [],
    tokenize,
    // The tokenizer already normalises and lowercases.
    processTerm: (term) => term,
    searchOptions: QUERY_OPTIONS,
  };
}
