/**
 * The MiniSearch options shared by the index built in Node and the search run in the browser (the serialised
 * index only loads with the options it was built with). Why MiniSearch: a small (about 7 KB gzipped),
 * dependency-free, well-kept library whose index serialises to JSON and whose tokenizer is ours to choose,
 * which Chinese needs (see tokenize.ts). Pagefind was the other candidate: its index is made from the built
 * HTML by a native binary and its Chinese segmentation is its own, so "微調" could not be promised to match
 * exactly the texts that contain it, and the filters would live in its index rather than in our URL.
 */
import type { Options, SearchOptions } from "minisearch";
import { isCjkTerm, tokenize, tokenizeQuery } from "./tokenize.js";

/** The text a record contributes to search, one string per field. */
export interface SearchDocument {
  id: string;
  title: string;
  authors: string;
  summary: string;
  abstract: string;
  venue: string;
  note: string;
}

export const SEARCH_FIELDS = ["title", "authors", "summary", "abstract", "venue", "note"] as const;

/**
 * A query term is a prefix when it is a Latin word ("diffu" finds diffusion) or a single CJK character;
 * CJK bigrams match exactly, and nothing is fuzzy, so a result always contains what was typed.
 */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: "AND",
  prefix: (term) => !isCjkTerm(term) || term.length === 1,
  fuzzy: false,
  tokenize: tokenizeQuery,
  processTerm: (term) => term,
};

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  // The tokenizer already normalises and lowercases.
  processTerm: (term) => term,
  searchOptions: QUERY_OPTIONS,
};
