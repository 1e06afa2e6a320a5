import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { sanitizeMarkdown, sanitizeMarkdownSlow } from "../../src/render/sanitize-markdown.js";
import { decodeHtml, renderGfm, stripTags } from "./gfm.js";

/** `npm run fuzz:markdown` runs the shortcut's property 25 times as often (MARKDOWN_FUZZ_SCALE=n to change). */
const RUNS_SCALE = Number(process.env.MARKDOWN_FUZZ_SCALE ?? 1);

/** Lines built from the pieces that break containers: HTML, comments, headings, fences, definitions, lists. */
const hostileMarkdown = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "</details>",
        "<details open>",
        "<div>",
        "<!-- papershelf:end entries -->",
        "<!--",
        "<script>alert(1)</script>",
        "<b>",
        "</b>",
        "<font size=6>x</font>",
        "<br>",
        // An unquoted address in a tag: micromark reads an autolink literal there, cmark-gfm a tag.
        "<details title=https://x.example/>",
        "<img src=https://ok.example/x.png onerror=alert(1)>",
        "<a href=https://ok.example/u>",
        "<https://ok.example/auto>",
        "[l](<https://ok.example/a b>)",
        "# heading",
        "  ## heading",
        "===",
        "---",
        "```",
        "~~~",
        "    indented",
        "[ref]: https://evil.example",
        "[^1]: note",
        "- item",
        "> quote",
        "| a | b |",
        "| - | - |",
        "",
        "text",
        "中文 **粗體**",
      ),
      fc.string({ unit: fc.constantFrom(..."<>/#-=`~[]: ab".split("")), maxLength: 12 }),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join("\n"));

/** The field rendered the way the entry template places it. */
function inContainer(field: string): string {
  return renderGfm(`<details><summary>摘要</summary>\n\n${sanitizeMarkdown(field)}\n\n</details>\n\nAFTER\n`);
}

describe("sanitizeMarkdown", () => {
  test("no field can escape its <details>, add a heading, a script or a comment", () => {
    fc.assert(
      fc.property(hostileMarkdown, (field) => {
        const html = inContainer(field);
        expect(html.match(/<details\b/g)).toHaveLength(1);
        expect(html.match(/<\/details>/g)).toHaveLength(1);
        expect(html).toMatch(/<\/details>\n<p>AFTER<\/p>\n$/);
        expect(html).not.toMatch(/<h[1-6]\b|<script|<!--|<div/);
        // Nothing invisible is added to make code inert (issue 9: a U+200B in `<SEG>` was copied along).
        expect(sanitizeMarkdown(field)).not.toContain("\u200B");
      }),
      { numRuns: 500 },
    );
  });

  test("where micromark and cmark-gfm disagree about lazy lines, the field is still contained", () => {
    // cmark-gfm reads a lone <br> after a list item as an HTML block, so the "code" below is raw HTML there.
    // The third: a closing fence appended to the open `~~~` opened a new fence in cmark-gfm (found by the
    // property test above), which swallowed the README.
    for (const field of [
      "- item\n<br>\n~~~\n</details>",
      "<\n>-\n</details>\n===",
      "- item\n<br>\n~~~\n\n<",
      // The fourth (found in CI by the property above): cmark-gfm reads a one-column table, its header the
      // paragraph's last line, then a fence left open; micromark reads table rows and no fence.
      "</details>\n<br>\n:-\n```",
    ]) {
      const html = inContainer(field);
      expect(html.match(/<\/details>/g)).toHaveLength(1);
      expect(html).toMatch(/<\/details>\n<p>AFTER<\/p>\n$/);
      expect(html).not.toMatch(/<h[1-6]\b/);
    }
    // Code holding a tag becomes the HTML GitHub renders for it, with references: nothing invisible is added.
    expect(sanitizeMarkdown("```html\n</details>\n```")).toBe(
      "<pre><code>&#60;&#47;details&#62;&#10;</code></pre>",
    );
  });

  test("code holding a tag shows, and copies, exactly as written (no U+200B inside, issue 9)", () => {
    const visibleText = (html: string) =>
      decodeHtml(stripTags(html).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))));
    for (const [field, shown] of [
      ["以 `<SEG>` token 表示分割請求。", "以 <SEG> token 表示分割請求。"],
      ["```html\n</details>\n<b>x</b>\n```", "</details>\n<b>x</b>\n"],
      ["- item\n\n  ```\n  <div>\n  a & b\n  ```", "<div>\na & b\n"],
      ["| a |\n| - |\n| `<x> *y*` |", "<x> *y*"],
    ] as const) {
      const html = inContainer(field);
      expect(html).not.toContain("\u200B");
      expect(visibleText(html)).toContain(shown);
      expect(html.match(/<\/details>/g)).toHaveLength(1);
    }
  });

  test("text without anything risky is returned as written (the fast path)", () => {
    const summary = "在人類對話中，**超集**。\n\n* 一\n* 二\n\n1) 三\n2) 四";
    expect(sanitizeMarkdown(summary)).toBe(summary);
  });

  test("a text whose tags are all kept skips the parse, with the parse's result for any text", () => {
    // As real 摘要 hold them: sized text and line breaks, left as written without a parse.
    for (const kept of ["<font size=5>模型</font><br>微調", "* a <b>x</b>\n* <sub>1</sub> y", "<br>\n後"])
      expect(sanitizeMarkdown(kept)).toBe(kept);
    // Tags that balance on a line but not in the tree's groups, or that the tree reads as text: parsed.
    for (const split of [
      "*<b>x*</b>",
      "[<b>x](https://a.b)</b>",
      "| <b>x | y</b> |",
      "\\<b>x</b>",
      "<b　x>y</b>",
      "<a href=https://a.b>a</a>",
    ])
      expect(sanitizeMarkdown(split), split).toBe(sanitizeMarkdownSlow(split));
    const piece = fc.constantFrom(
      "模型",
      "a",
      " ",
      "  ",
      "<b>",
      "</b>",
      "<b>x</b>",
      "<font size=5>",
      "</font>",
      '<font face="a>b">f</font>',
      "<br>",
      "<br/>",
      "<i>",
      "</i>",
      "<details>",
      "<b x=1>",
      "<B>",
      "<b　x>",
      "<!--",
      "-->",
      "<https://a.b>",
      "<a href=https://a.b>",
      "</a>",
      "<img src=x.png>",
      "*",
      "**",
      "_",
      "`",
      "\\",
      "[",
      "](https://a.b)",
      "~~",
      "|",
      "\n",
      "\n\n",
      "\n* ",
      "\n    ",
      "\n> ",
      "\n| - |\n",
      "$",
    );
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join("");
        const slow = sanitizeMarkdownSlow(text);
        if (text.includes("<") && slow === text.trimEnd()) skipped++;
        expect(sanitizeMarkdown(text), JSON.stringify(text)).toBe(slow);
      }),
      { numRuns: 3000 * RUNS_SCALE },
    );
    expect(skipped).toBeGreaterThan(100);
  });

  test("only the risky bytes change", () => {
    expect(sanitizeMarkdown("## 方法\n\n我們提出 <b>X</b> 與 <div>Y</div>。")).toBe(
      "**方法**\n\n我們提出 <b>X</b> 與 &lt;div>Y&lt;/div>。",
    );
    expect(sanitizeMarkdown("Title\n---\n\n> q\n> ===")).toBe("**Title**\n\n> **q**");
    expect(sanitizeMarkdown("[a]: https://x.org\n\n[^1]: n")).toBe("\\[a]: https://x.org\n\n\\[^1]: n");
    // A fence left open is shown as text (its opener escaped), never closed by an added fence: see below.
    expect(sanitizeMarkdown("````py\ncode\n```")).toBe("\\````py\ncode\n\\```");
    expect(sanitizeMarkdown("```\nclosed\n```")).toBe("```\nclosed\n```");
  });

  test("the seed's formula keeps its <font> and <br>; tables and math are untouched", () => {
    const formula =
      "<font size=6>$L_{3} = -\\frac{1}{N}\\sum^{N}_{i=1}\\log\\frac{e^{s\\left(\\cos\\left(\\theta_{y_{i}} + m\\right)\\right)}}{e^{s}}$</font><br>";
    expect(sanitizeMarkdown(formula)).toBe(formula);
    const table = "| Hardware | GPU Memory |\n| -------- | -------- |\n| 8 * A100 |   40 GB  |";
    expect(sanitizeMarkdown(table)).toBe(table);
  });

  test("allowlisted tags must be balanced within their paragraph and carry only allowed attributes", () => {
    expect(sanitizeMarkdown("<b>open\n\nclose</b>")).toBe("&lt;b>open\n\nclose&lt;/b>");
    expect(sanitizeMarkdown('<img src="https://a.org/x.png" width=50> <img src=x onerror=y>')).toBe(
      '<img src="https://a.org/x.png" width=50> &lt;img src=x onerror=y>',
    );
    expect(sanitizeMarkdown('<a href="javascript:alert(1)">x</a>')).toBe(
      '&lt;a href="javascript:alert(1)">x&lt;/a>',
    );
  });

  test("a raw <img> or <a> may name a file of the repository, as ![](docs/x.png) may; no scheme, reference or host", () => {
    for (const kept of [
      '<img src="docs/fig.png" width="300">',
      '<img src="../images/a_1.png">',
      '<a href="/docs/notes.md">notes</a>',
      '<img src="docs/%E5%9C%96.png">',
    ])
      expect(sanitizeMarkdown(kept), kept).toBe(kept);
    for (const refused of [
      '<img src="//evil.example/a.png">',
      '<img src="javascript:alert(1)">',
      '<img src="data:image/png;base64,AAAA">',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="docs/a.md?x=1">x</a>',
      '<img src=" docs/a.png">',
    ])
      expect(sanitizeMarkdown(refused), refused).toMatch(/^&lt;/);
  });

  test("a tag micromark reads as text and a link (an unquoted address inside) is text for GitHub too", () => {
    const field =
      "Intro text <details title=https://x.example/> and more text.\n\nK <img src=https://ok.example/x.png onerror=alert(1)> L\n\nA <a href=https://ok.example/u>u</a> B";
    const html = inContainer(field);
    expect(html.match(/<details\b/g)).toHaveLength(1);
    expect(html).toMatch(/<\/details>\n<p>AFTER<\/p>\n$/);
    // The attributes are shown as text, never inside a tag.
    expect(html).not.toMatch(/<img|<[^>]*onerror|<a href=https:\/\/ok\.example\/u>/);
    expect(html).toContain("onerror=alert(1)&gt;");
    // Shown as written: the `<` became a reference, nothing else changed.
    expect(sanitizeMarkdown(field)).toBe(field.replace(/<(?=[a-z/])/g, "&lt;"));
    // Autolinks and link destinations in angle brackets are syntax, and stay.
    const links = "see <https://ok.example/a> and [b](<https://ok.example/b c>)";
    expect(sanitizeMarkdown(links)).toBe(links);
    expect(inContainer(links)).toContain('<a href="https://ok.example/a">');
  });

  test("CRLF and trailing blank lines are normalised", () => {
    expect(sanitizeMarkdown("a\r\nb\r\n\r\n")).toBe("a\nb");
  });
});
