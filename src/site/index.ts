export * from "./build.js";
export * from "./entry-view.js";
export * from "./templates.js";
export * from "./write.js";
export { formatBibtex, formatBibliography } from "./bibtex.js";
export { formatAtomFeed } from "./feed.js";
export { computeRelated, type RelatedEntry } from "./related.js";
export { markdownToHtml } from "./markdown-html.js";
export { buildSearchIndex } from "./search/build-index.js";
export { indexOptions, QUERY_OPTIONS, type SearchDocument } from "./search/options.js";
export {
  expandSearchIndex,
  isCompactSearchIndex,
  COMPACT_INDEX_FORMAT,
  type CompactSearchIndex,
} from "./search/compact-index.js";
export * from "./config.js";
