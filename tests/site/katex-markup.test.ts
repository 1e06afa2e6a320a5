/** KaTeX's markup read without parse5 (katex-markup.ts): the same tree, so the same HTML, or none at all. */
import fc from "fast-check";
import { fromHtmlIsomorphic } from "hast-util-from-html-isomorphic";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { katexTree } from "../../src/site/katex-markup.js";

/** As the site asks KaTeX (markdown-html.ts): MathML only, strict "ignore", sizes capped. */
const markupOf = (tex: string, displayMode = false) =>
  katex.renderToString(tex, {
    output: "mathml",
    strict: "ignore",
    maxSize: 10,
    displayMode,
    throwOnError: true,
  });

/** CI's runs; `npm run fuzz:markdown` runs 25 times as many (MARKDOWN_FUZZ_SCALE=n to change). */
const RUNS_SCALE = Number(process.env.MARKDOWN_FUZZ_SCALE ?? 1);

const byParse5 = (markup: string) => toHtml(fromHtmlIsomorphic(markup, { fragment: true }));

/** TeX that makes KaTeX write most of its MathML: fractions, roots, arrays, accents, spaces, colours, text. */
const PIECES = [
  "x",
  "10^2",
  "a_{i,j}",
  "O(n^2)",
  "a<b",
  "a>b",
  "a \\& b",
  "\\text{模型 \"q\" 'a' <b> \\& c}",
  "\\frac{1}{2}",
  "\\dfrac{a}{b}",
  "\\binom{n}{k}",
  "\\sqrt[3]{x}",
  "\\sqrt{x+1}",
  "\\sum_{i=1}^{n} i",
  "\\int_0^\\infty e^{-x}\\,dx",
  "\\lim_{x \\to 0}",
  "\\left( \\frac{a}{b} \\right)",
  "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
  "\\begin{array}{c|l} 1 & 2 \\\\ \\hline 3 & 4 \\end{array}",
  "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}",
  "\\hat{x} \\bar{y} \\vec{v} \\widehat{abc} \\overline{z} \\underbrace{a+b}_{c}",
  "\\mathbf{W} \\mathbb{R} \\mathcal{L} \\mathrm{d} \\mathit{x} \\mathsf{s} \\mathtt{t} \\boldsymbol{\\theta}",
  "\\alpha \\beta \\Gamma \\omega \\nabla \\partial \\infty",
  "\\quad \\, \\; \\! \\: \\qquad \\hspace{1em} \\mkern3mu",
  "\\color{red}{x} \\textcolor{blue}{y} \\colorbox{yellow}{z}",
  "\\boxed{x} \\cancel{y} \\fbox{z} \\phantom{w} \\vphantom{q} \\smash{s}",
  "\\Huge H \\tiny t \\large l",
  "\\xrightarrow{f} \\stackrel{a}{=} \\overset{b}{\\to} \\underset{c}{\\leftarrow}",
  "\\not= \\ne \\le \\ge \\ll \\cdot \\times \\pm \\in \\notin \\subset \\cup \\emptyset",
  "\\ldots \\cdots \\vdots \\ddots x' f''",
  "\\operatorname{softmax}(x) \\log \\max_k",
  "\\{ \\} \\% \\# \\_ \\$",
  "\\verb|<&>\"'|",
  "\\rule{1em}{2em} \\raisebox{1em}{r}",
  "\\href{https://example.org}{link} \\url{https://example.org}",
  "\\big( \\Bigg] \\left( a \\middle| b \\right)",
  "\\pmod{p} \\bmod q",
  "\\substack{a \\\\ b}",
  '\\char"41',
  "\\mathllap{l} \\rlap{r}",
];

describe("katexTree", () => {
  it("reads KaTeX's markup into the tree parse5 reads: the same HTML for every formula it reads", () => {
    const formula = fc
      .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 })
      .map((p) => p.join(" "));
    let read = 0;
    let formulas = 0;
    fc.assert(
      fc.property(formula, fc.boolean(), (tex, display) => {
        const markup = markupOf(tex, display);
        formulas++;
        const tree = katexTree(markup, h);
        if (tree === undefined) return true;
        read++;
        return toHtml(tree) === byParse5(markup);
      }),
      { numRuns: 400 * RUNS_SCALE },
    );
    // Nearly every formula is read (display formulas' <span class="katex-display"> too).
    expect(read).toBeGreaterThan(formulas * 0.95);
  });

  it("reads each of the pieces, alone and in display", () => {
    for (const tex of PIECES)
      for (const display of [false, true]) {
        const markup = markupOf(tex, display);
        const tree = katexTree(markup, h);
        expect(tree, tex).toBeDefined();
        expect(toHtml(tree as NonNullable<typeof tree>), tex).toBe(byParse5(markup));
      }
  });

  it("leaves to parse5 markup it cannot be sure to read as parse5 does", () => {
    const math = (inner: string) =>
      `<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML">${inner}</math></span>`;
    for (const markup of [
      // A reference KaTeX does not write; CR and NUL, which parse5 changes.
      math("<mi>&copy;</mi>"),
      math("<mi>a\rb</mi>"),
      math("<mi>a\0</mi>"),
      math('<mi mathvariant="&nbsp;">x</mi>'),
      // parse5 reads a tag inside a token element as HTML, where a self-closing tag stays open.
      math('<mo><mover><mspace width="1em"/></mover></mo>'),
      '<span class="katex"/>',
      // A tag it does not know, one not closed, one closed in the wrong place, an attribute in single quotes.
      math("<mfoo></mfoo>"),
      math("<mrow>"),
      math("<mrow></mi>"),
      math("<mi mathvariant='normal'>x</mi>"),
      "<div>x</div>",
    ]) {
      expect(katexTree(markup, h), JSON.stringify(markup)).toBeUndefined();
    }
    // What it reads, it reads as parse5 does: a repeated attribute keeps its first value.
    const repeated = math('<mi mathvariant="bold" mathvariant="normal">x</mi>');
    expect(toHtml(katexTree(repeated, h) as NonNullable<ReturnType<typeof katexTree>>)).toBe(
      byParse5(repeated),
    );
  });
});
