/**
 * The HTML half of the full Markdown stack (markdown-html.ts): unified, remark-rehype, rehype-raw (with parse5),
 * rehype-sanitize, rehype-stringify and unist-util-visit, loaded the first time a text needs it rather than when
 * the process starts. Most 摘要 take the fast path and never do: loading them cost ~0.08 s of every
 * `papershelf site` before any work (the site command's whole chunk took 0.12 s to import). rehype-katex and
 * KaTeX load later still, at the first formula.
 *
 * The build is synchronous, so the modules are loaded with require(), which Node ≥ 20.19 (package.json
 * "engines") allows for ES modules, as src/markdown/remark.ts loads the parser. The site is not part of the
 * Action's bundle (scripts/action-bundle.ts), which could not require from node_modules.
 */
import { createRequire } from "node:module";
import type { fromHtmlIsomorphic as FromHtmlIsomorphic } from "hast-util-from-html-isomorphic";
import type { toHtml as ToHtml } from "hast-util-to-html";
import type { h as H } from "hastscript";
import type Katex from "katex";
import type RehypeKatex from "rehype-katex";
import type RehypeRaw from "rehype-raw";
import type RehypeSanitize from "rehype-sanitize";
import type { defaultSchema as DefaultSchema } from "rehype-sanitize";
import type RehypeStringify from "rehype-stringify";
import type RemarkRehype from "remark-rehype";
import type { unified as Unified } from "unified";
import type { visit as Visit } from "unist-util-visit";

export interface RehypeStack {
  unified: typeof Unified;
  remarkRehype: typeof RemarkRehype;
  rehypeRaw: typeof RehypeRaw;
  rehypeSanitize: typeof RehypeSanitize;
  defaultSchema: typeof DefaultSchema;
  rehypeStringify: typeof RehypeStringify;
  visit: typeof Visit;
}

const require = createRequire(import.meta.url);
let stack: RehypeStack | undefined;

/** The modules, loaded at the first call. */
export function loadRehypeStack(): RehypeStack {
  if (stack) return stack;
  const sanitize = require("rehype-sanitize") as {
    default: typeof RehypeSanitize;
    defaultSchema: typeof DefaultSchema;
  };
  return (stack = {
    unified: (require("unified") as { unified: typeof Unified }).unified,
    remarkRehype: (require("remark-rehype") as { default: typeof RemarkRehype }).default,
    rehypeRaw: (require("rehype-raw") as { default: typeof RehypeRaw }).default,
    rehypeSanitize: sanitize.default,
    defaultSchema: sanitize.defaultSchema,
    rehypeStringify: (require("rehype-stringify") as { default: typeof RehypeStringify }).default,
    visit: (require("unist-util-visit") as { visit: typeof Visit }).visit,
  });
}

/** rehype-katex and KaTeX, loaded the first time a text holds a formula (~0.18 s, which a list without any need not pay). */
export function loadRehypeKatex(): typeof RehypeKatex {
  return (require("rehype-katex") as { default: typeof RehypeKatex }).default;
}

/**
 * What the fast path writes a formula with, as rehype-katex does in the stack: KaTeX's markup, read into a
 * tree (by katex-markup.ts with hastscript's `h`, or by hast-util-from-html-isomorphic, which rehype-katex
 * uses, for markup that reader leaves), and written out by hast-util-to-html (rehype-stringify's writer).
 * Loaded at the first formula a fast-path text holds; parse5, with the second reader, only if it is needed.
 */
export interface FormulaKit {
  renderToString: typeof Katex.renderToString;
  h: typeof H;
  fromHtmlIsomorphic: () => typeof FromHtmlIsomorphic;
  toHtml: typeof ToHtml;
}

let formulaKit: FormulaKit | undefined;

export function loadFormulaKit(): FormulaKit {
  return (formulaKit ??= {
    // KaTeX's ES module, the one rehype-katex imports: require() would pick its CommonJS build, a second
    // copy of KaTeX to load and compile when a list has formulas on both paths.
    renderToString: (require(require.resolve("katex").replace(/\.js$/, ".mjs")) as { default: typeof Katex })
      .default.renderToString,
    h: (require("hastscript") as { h: typeof H }).h,
    fromHtmlIsomorphic: () =>
      (require("hast-util-from-html-isomorphic") as { fromHtmlIsomorphic: typeof FromHtmlIsomorphic })
        .fromHtmlIsomorphic,
    toHtml: (require("hast-util-to-html") as { toHtml: typeof ToHtml }).toHtml,
  });
}
