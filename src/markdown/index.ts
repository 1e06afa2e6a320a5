/**
 * The Markdown room: the one parser (micromark via remark, with GFM) and its limits, which no caller can skip;
 * tree helpers; linear line-level readers. Nothing else in src/ imports remark-parse, remark-gfm or micromark.
 */
export { parseAtxHeading, stripClosingSequence, type AtxHeading } from "./atx.js";
export {
  MARKDOWN_MAX_CONTAINER_MARKERS,
  MARKDOWN_MAX_DELIMITERS,
  MARKDOWN_MAX_DEPTH,
  MARKDOWN_MAX_LINES,
  describeMarkdownLimit,
  type MarkdownLimitProblem,
} from "./limits.js";
export {
  checkMarkdownLimits,
  parseMarkdown,
  setMathValue,
  withinMarkdownLimits,
  type MarkdownParse,
  type MarkdownParseOptions,
} from "./parse.js";
export { textContent, walkTree } from "./tree.js";
export { BREAK, breakNotifications, defuseMarkers, inertLink, inertText, oneLine } from "./inert.js";
