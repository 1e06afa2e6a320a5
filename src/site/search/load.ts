/**
 * The served search index (compact-index.ts) as the page searches it: expanded into MiniSearch, each Chinese
 * query term looked up in both scripts when the index says how (variants.ts). The page and the tests load it
 * this one way. Bundled into the browser script.
 */
import { expandSearchIndex, type CompactSearchIndex } from "./compact-index.js";
import { indexOptions, isPrefixTerm, type SearchDocument } from "./options.js";
import { RankedSearch } from "./ranked.js";
import { queryForms } from "./variants.js";

export function loadSearchIndex(compact: CompactSearchIndex): RankedSearch<SearchDocument> {
  const search = RankedSearch.loadJS<SearchDocument>(
    expandSearchIndex(compact),
    indexOptions(compact.fields),
  );
  const { variants } = compact;
  if (variants !== undefined)
    search.forms = (term) => queryForms(term, variants, (form) => search.holds(form, isPrefixTerm(form)));
  return search;
}
