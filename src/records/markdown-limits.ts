/**
 * Markdown limits now live with the parser (src/markdown), measured on the tree micromark builds; this door
 * stays for the record stage's readers.
 */
export {
  MARKDOWN_MAX_DELIMITERS,
  MARKDOWN_MAX_DEPTH,
  MARKDOWN_MAX_LINES,
  checkMarkdownLimits,
  describeMarkdownLimit,
  type MarkdownLimitProblem,
} from "../markdown/index.js";
