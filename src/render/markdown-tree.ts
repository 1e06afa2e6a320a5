/** The render stage's Markdown: the shared parser (src/markdown) and its tree helpers. */
export { parseMarkdown, textContent, walkTree, withinMarkdownLimits } from "../markdown/index.js";
