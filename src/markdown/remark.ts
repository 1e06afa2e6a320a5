/**
 * unified + remark-parse + remark-gfm (about 190 modules: micromark and the mdast utilities), loaded the first
 * time a Markdown text is parsed rather than when the process starts. Most `papershelf build` runs parse no
 * Markdown at all (a 摘要 without HTML, headings or fences is rendered without parsing), and loading them
 * cost ~0.15–0.25 s of every start-up.
 *
 * The parser is synchronous, so the modules are loaded with require(), which Node ≥ 20.19 (package.json
 * "engines") allows for ES modules. The Action's bundle replaces this file with static imports (see
 * scripts/action-bundle.ts): it carries its dependencies and has no node_modules to require from.
 */
import { createRequire } from "node:module";
import type RemarkGfm from "remark-gfm";
import type RemarkParse from "remark-parse";
import type { unified as Unified } from "unified";

export interface Remark {
  unified: typeof Unified;
  remarkParse: typeof RemarkParse;
  remarkGfm: typeof RemarkGfm;
}

export function loadRemark(): Remark {
  const require = createRequire(import.meta.url);
  return {
    unified: (require("unified") as { unified: typeof Unified }).unified,
    remarkParse: (require("remark-parse") as { default: typeof RemarkParse }).default,
    remarkGfm: (require("remark-gfm") as { default: typeof RemarkGfm }).default,
  };
}
