/**
 * The served search index (compact-index.ts) as the page searches it: expanded into MiniSearch, with each
 * query term folded to the list's script when the index says how (variants.ts). The page and the tests load
 * it this one way. Bundled into the browser script.
 */
import { expandSearchIndex, type CompactSearchIndex } from "./compact-index.js";
import { indexOptions, isPrefixTerm, type SearchDocument } from "./options.js";
import { RankedSearch } from "./ranked.js";
import { foldQueryTerm } from "./variants.js";

export function loadSearchIndex(compact: CompactSearchIndex): RankedSearch<SearchDocument> {
  const { variants } = compact;
  // The fold asks the index what it holds; it runs at query time, once `search` is made.
  const fold =
    variants === undefined
      ? undefined
      : (term: string): string =>
          foldQueryTerm(term, variants, (candidate) => search.holds(candidate, isPrefixTerm(candidate)));
  const search: RankedSearch<SearchDocument> = RankedSearch.loadJS<SearchDocument>(
    expandSearchIndex(compact),
    indexOptions(compact.fields, fold),
  );
  return search;
}
