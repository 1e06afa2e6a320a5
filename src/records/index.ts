export * from "./diagnostics.js";
export * from "./parse.js";
export * from "./schema.js";
export * from "./source.js";
export * from "./validate.js";
export * from "./edit.js";
export * from "./anatomy/index.js";
export { addEntryFields, type FieldAddition } from "./edit-fields.js";
export {
  decodeUtf8Strict,
  firstInvalidUtf8,
  invalidUtf8Diagnostic,
  invalidUtf8Message,
  readTextOrUndefined,
  readUtf8,
  readUtf8Strict,
  type InvalidUtf8,
  type StrictText,
} from "./files.js";
export { partsByteLength, partsEqual } from "./text-parts.js";
export { collapseWhitespace, oneLine, plural, shorten } from "./whitespace.js";
export { isMeaningfulJoiner } from "./joiners.js";
export {
  ARXIV_ID,
  arxivIdFromUrl,
  canonicalArxivPageId,
  arxivPageId,
  isArxivPage,
  normalizeArxivId,
  parseArxivId,
} from "./arxiv.js";
export {
  arxivYearMonth,
  daysInMonth,
  formatYearMonth,
  isAfter,
  parsePartialDate,
  type PartialDate,
  publicationYear,
  readWrittenDate,
  toSchemaDate,
} from "./dates.js";
export { closesFence, type Fence, openingFence, safeFence } from "./fences.js";
export { loadYamlValue } from "./yaml-data.js";
export { isWithin, keptPathWithin, resolveThroughLinks, type KeptPath } from "./paths.js";
