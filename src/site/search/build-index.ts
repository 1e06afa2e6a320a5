/** The serialised search index, built once at site build time and fetched by the page when search is used. */
import MiniSearch from "minisearch";
import { INDEX_OPTIONS, type SearchDocument } from "./options.js";

/** JSON text of the MiniSearch index over `documents` (deterministic: same documents, same bytes). */
export function buildSearchIndex(documents: readonly SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return JSON.stringify(index);
}
