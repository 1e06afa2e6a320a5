/** The serialised search index, built once at site build time and fetched by the page when search is used. */
import MiniSearch from "minisearch";
import { indexOptions, type SearchDocument } from "./options.js";

/** JSON text of the MiniSearch index over `documents` (deterministic: same documents, same bytes). */
export function buildSearchIndex(documents: readonly SearchDocument[], fields: readonly string[]): string {
  const index = new MiniSearch<SearchDocument>(indexOptions(fields));
  index.addAll(documents);
  return JSON.stringify(index);
}
