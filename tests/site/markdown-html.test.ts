/** Record Markdown as site HTML: the fast path writes what the remark stack writes, and nothing unsafe survives. */
import fc from "fast-check";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { markdownToHtml, repositoryLinks } from "../../src/site/index.js";
import { htmlToPlainText, markdownToHtmlSlow, rendersOnFastPath } from "../../src/site/markdown-html.js";
import { makeSyntheticList, withRealMarkdown } from "../../bench/synthetic.js";
import { parseMarkdown } from "../../src/markdown/index.js";
import { readRealList } from "./helpers/fixture.js";

type Node = DefaultTreeAdapterMap["node"];

/**
 * The fast path's properties run ~1,200 generated texts in CI, new ones each run; `npm run fuzz:markdown`
 * runs 25 times as many (MARKDOWN_FUZZ_SCALE=n to change). The 27x run found "模型\n:-" (a table).
 */
const RUNS_SCALE = Number(process.env.MARKDOWN_FUZZ_SCALE ?? 1);

/** Every element of `html` (parsed by parse5, as a browser parses it): its tag, attributes and text. */
function elements(html: string): { tag: string; attrs: Record<string, string>; text: string }[] {
  const found: { tag: string; attrs: Record<string, string>; text: string }[] = [];
  const text = (node: Node): string =>
    node.nodeName === "#text"
      ? (node as DefaultTreeAdapterMap["textNode"]).value
      : "childNodes" in node
        ? node.childNodes.map(text).join("")
        : "";
  const walk = (node: Node) => {
    if ("tagName" in node)
      found.push({
        tag: node.tagName,
        attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])),
        text: text(node),
      });
    if ("childNodes" in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html) as Node);
  return found;
}

/** The TeX of each formula in `html` (KaTeX writes it as the MathML's annotation), in order. */
const formulas = (html: string) =>
  elements(html)
    .filter((e) => e.tag === "annotation" && e.attrs.encoding === "application/x-tex")
    .map((e) => e.text);

/** Each text is left to the stack (whole or in part) by the fast path, and its HTML is the stack's. */
function expectStackHtml(texts: readonly string[]): void {
  for (const markdown of texts) {
    expect(rendersOnFastPath(markdown), markdown).toBe(false);
    expect(markdownToHtml(markdown), markdown).toBe(markdownToHtmlSlow(markdown));
  }
}

/** Each text takes the fast path, which writes the stack's HTML. */
function expectFastAsStack(texts: readonly string[]): void {
  for (const markdown of texts) {
    expect(rendersOnFastPath(markdown), markdown).toBe(true);
    expect(markdownToHtml(markdown), markdown).toBe(markdownToHtmlSlow(markdown));
  }
}

/**
 * Holds generated texts to the stack's HTML (numRuns times RUNS_SCALE); returns how many the fast path wrote
 * whose HTML `counted` holds, so a test can show its generator reaches the fast path.
 */
function fastAsStackOn(
  text: fc.Arbitrary<string>,
  numRuns: number,
  counted: (html: string) => boolean = () => false,
): number {
  let fast = 0;
  fc.assert(
    fc.property(text, (t) => {
      const html = markdownToHtml(t);
      if (rendersOnFastPath(t) && counted(html)) fast++;
      return html === markdownToHtmlSlow(t);
    }),
    { numRuns: numRuns * RUNS_SCALE },
  );
  return fast;
}

/**
 * Texts of paragraphs and lists ("*", "-", numbered, nested, right under a paragraph), their lines made of
 * `piece`s; `trimmed`, with no space at a line's ends (a hard line break, or indented code: each sends the
 * text to the stack).
 */
function markdownTexts(piece: fc.Arbitrary<string>, trimmed = false, maxBlocks = 4): fc.Arbitrary<string> {
  const line = fc
    .array(piece, { minLength: 1, maxLength: 6 })
    .map((p) => (trimmed ? p.join("").trim() || "模型" : p.join("")));
  const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.join("\n"));
  const block = fc.oneof(
    paragraph,
    // A list right under a paragraph's lines, which it ends.
    fc
      .tuple(paragraph, fc.array(line, { minLength: 1, maxLength: 3 }))
      .map(([p, l]) => `${p}\n${l.map((x) => `* ${x}`).join("\n")}`),
    fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.map((x) => `* ${x}`).join("\n")),
    fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.map((x) => `- ${x}`).join("\n")),
    fc
      .tuple(fc.constantFrom("1.", "1)", "3.", "0)"), fc.array(line, { minLength: 1, maxLength: 3 }))
      .map(([first, l]) => l.map((x, i) => `${i === 0 ? first : `${i + 1}.`} ${x}`).join("\n")),
    // Nested lists: each item indented 0-8 spaces, with either marker (most indents and changes are the stack's).
    fc
      .array(fc.tuple(fc.constantFrom(0, 0, 2, 3, 4, 4, 6, 8), fc.constantFrom("*", "*", "-"), line), {
        minLength: 2,
        maxLength: 6,
      })
      .map((items) => items.map(([indent, marker, x]) => `${" ".repeat(indent)}${marker} ${x}`).join("\n")),
  );
  return fc.array(block, { minLength: 1, maxLength: maxBlocks }).map((b) => b.join("\n\n"));
}

describe("markdownToHtml", () => {
  it("gives the remark stack's HTML for every text of the real list and of the benchmark's", async () => {
    const data = await readRealList();
    const texts = [
      ...data.entries.flatMap((e) => [e.summary, e.note, e.extra, e.aside]),
      ...data.categories.map((c) => c.intro),
      ...withRealMarkdown(makeSyntheticList(120)).entries.map((e) => e.summary),
    ].filter((t): t is string => t !== undefined);
    for (const text of texts) expect(markdownToHtml(text)).toBe(markdownToHtmlSlow(text));
  });

  it("gives the remark stack's HTML for generated paragraphs and lists", () => {
    const text = markdownTexts(
      fc.constantFrom(
        "模型",
        "微調",
        "word",
        "Mixed 中文",
        "a-b",
        "1.5",
        "(x)",
        "'q'",
        '"q"',
        ":",
        "。",
        " ",
        "*",
        "-",
        "1.",
        "#",
        "<b>",
        "&",
        "**",
        "`",
        "`x`",
        "https://github.com/a-b/c.d",
        "HTTP://a.b",
        "\t",
      ),
    );
    // Found by this property: an empty heading ("#") ends the paragraph's last line, and the stack trims it;
    // a line of ":-" under a paragraph makes it a one-column table.
    for (const found of ["模型\n#", "a\n#\n\nb", "- x\n\n模型\n##", "模型\n:-", "a\n:--:\nb"])
      expect(markdownToHtml(found), JSON.stringify(found)).toBe(markdownToHtmlSlow(found));
    fastAsStackOn(text, 300);
  });

  it("writes bold, code, URLs, links and nested and numbered lists as the stack does", () => {
    for (const [markdown, html] of [
      // CommonMark's flanking rules, which CJK text meets: a "**" before "「" opens only after a space or
      // punctuation, so this one is no bold on GitHub either.
      ["的**超集**。", "<p>的<strong>超集</strong>。</p>"],
      ["**「超集」**的", "<p>**「超集」**的</p>"],
      ["- **粗體**：說明\n- b", "<ul>\n<li><strong>粗體</strong>：說明</li>\n<li>b</li>\n</ul>"],
      ["**a **b** c**", "<p><strong>a <strong>b</strong> c</strong></p>"],
      ["a\n**b**", "<p>a\n<strong>b</strong></p>"],
      ["😀**x**😀", "<p>😀<strong>x</strong>😀</p>"],
      // An emoji is two UTF-16 units, each neither space nor punctuation to micromark: like a letter, unlike "「".
      ["a**😀**b", "<p>a<strong>😀</strong>b</p>"],
      ["a**「b」**c", "<p>a**「b」**c</p>"],
      ['x `a"b` y', '<p>x <code>a"b</code> y</p>'],
      ["see https://x.com/a.b. ok", '<p>see <a href="https://x.com/a.b">https://x.com/a.b</a>. ok</p>'],
      ["https://x.com**", '<p><a href="https://x.com">https://x.com</a>**</p>'],
      ["a->b > c", "<p>a->b > c</p>"],
      ["見[Github](https://github.com/a/b)。", '<p>見<a href="https://github.com/a/b">Github</a>。</p>'],
      ["**[x](https://a.com)**", '<p><strong><a href="https://a.com">x</a></strong></p>'],
      ["* a\n    * b\n* c", "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>"],
      ["…交互：\n1) 發送\n2) 接收", "<p>…交互：</p>\n<ol>\n<li>發送</li>\n<li>接收</li>\n</ol>"],
      ["3. a\n4. b", '<ol start="3">\n<li>a</li>\n<li>b</li>\n</ol>'],
      // A blank line between lists of two kinds leaves two tight lists (one kind: one loose list, the stack's).
      ["1) a\n\n* b", "<ol>\n<li>a</li>\n</ol>\n<ul>\n<li>b</li>\n</ul>"],
      ["- a\n    1. b\n    2. c", "<ul>\n<li>a\n<ol>\n<li>b</li>\n<li>c</li>\n</ol>\n</li>\n</ul>"],
      ["* a\n   * b", "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>"],
      ["摘要\n* a\n    * b", "<p>摘要</p>\n<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>"],
      [
        "- a\n  - b\n    * c",
        "<ul>\n<li>a\n<ul>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>",
      ],
    ] as const) {
      expect(markdownToHtml(markdown), markdown).toBe(html);
      expect(markdownToHtmlSlow(markdown), markdown).toBe(html);
      expect(rendersOnFastPath(markdown), markdown).toBe(true);
      // Its links are absolute: the repository's files, where relative ones lead, change nothing.
      const links = repositoryLinks("octo-org/papers");
      expect(markdownToHtml(markdown, links), markdown).toBe(markdownToHtmlSlow(markdown, links));
    }
    // Left to the stack: a thematic break, "****", a URL the stack reads on into the text after it, and more.
    expectStackHtml([
      "** *",
      "a ****b**** c",
      "https://x.com/a.中",
      "https://x.com/a_b",
      "xhttps://y.z",
      // A link to the repository's files (rebaseLinks), one whose URL the stack encodes, a label with a space.
      "[x](docs/a.md)",
      "[x](https://a.com/%20)",
      "[ x](https://a.com)",
      // Indents CommonMark reads otherwise: a line of text 6 in, an item at 2 under 4; a numbered list
      // that starts past 1 cannot end a paragraph, and a leading zero is the stack's to read.
      "para\n2) a",
      "01. a",
      "* 模型\n    2. 模型",
      "* a\n\n* b",
      "* a\n      * b",
      "* a\n    * b\n  * c",
    ]);
    // Generated from what decides whether "**" opens or closes (CJK and ASCII punctuation, spaces, an emoji's
    // two UTF-16 units, letters) and the code, URLs and links around it; many take the fast path (counted).
    const text = markdownTexts(
      fc.oneof(
        {
          weight: 30,
          arbitrary: fc.constantFrom(
            "模型",
            "a",
            "Word",
            " ",
            ".",
            "),",
            "「",
            "」",
            "（",
            "）",
            "、",
            "。",
            "😀",
            "->",
            "`x`",
            // A URL ends where a space does: one followed by any other character is the stack's.
            "https://github.com/a-b/c.d ",
            "http://x ",
            "[Github](https://github.com/a/b)",
          ),
        },
        { weight: 10, arbitrary: fc.constant("**") },
        // Rarer, as each sends its whole text to the stack.
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "****",
            "` x`",
            "`a<b`",
            "https://-x",
            "xhttps://y.z",
            ">",
            "[x](a.md)",
            "[x]",
          ),
        },
      ),
      true,
      2,
    );
    // What the fast path wrote itself, by construct: each must be met often enough to be tested.
    const written = { texts: 0, strong: 0, code: 0, link: 0 };
    fc.assert(
      fc.property(text, (t) => {
        const html = markdownToHtml(t);
        if (rendersOnFastPath(t)) {
          written.texts++;
          if (html.includes("<strong>")) written.strong++;
          if (html.includes("<code>")) written.code++;
          if (html.includes("<a href")) written.link++;
        }
        return html === markdownToHtmlSlow(t);
      }),
      { numRuns: 600 * RUNS_SCALE },
    );
    expect(written.texts).toBeGreaterThan(75);
    expect(written.strong).toBeGreaterThan(8);
    expect(written.code).toBeGreaterThan(15);
    expect(written.link).toBeGreaterThan(30);
    // Nested lists, each item indented from the one above (most as people write them, some otherwise).
    const line = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom("模型", "a **b** c", "見[x](https://a.b)", "`c`", "x") },
      { weight: 1, arbitrary: fc.constantFrom("- y", "1. z", "模型 ") },
    );
    const nested = fc
      .array(
        fc.tuple(
          fc.constantFrom(0, 0, 2, 3, 4, 5, -2, -3, -4, -8, 6),
          fc.constantFrom("*", "*", "*", "*", "-", "1.", "2.", "1)"),
          line,
        ),
        {
          minLength: 2,
          maxLength: 7,
        },
      )
      .map((items) => {
        let indent = -2;
        return items
          .map(([step, marker, x], i) => {
            indent = i === 0 ? 0 : Math.max(0, indent + step);
            return `${" ".repeat(indent)}${marker} ${x}`;
          })
          .join("\n");
      });
    const sublists = fastAsStackOn(nested, 300, (html) => html.includes("\n<ul>\n<li>"));
    expect(sublists).toBeGreaterThan(12);
  });

  it("writes inline HTML tags as the stack does: GitHub's kept, <font> and its like dropped, text kept", () => {
    for (const [markdown, html] of [
      ["<font size=6>模型</font><br>後", "<p>模型<br>後</p>"],
      ["a<b>x</b>c <br/> d <br /> e", "<p>a<b>x</b>c <br> d <br> e</p>"],
      ['x <font color=red face="Arial">y</font> <small>s</small><u>u</u><mark>m</mark>', "<p>x y sum</p>"],
      [
        "y <b>**x**</b> <sub>1</sub><sup>2</sup><kbd>k</kbd>",
        "<p>y <b><strong>x</strong></b> <sub>1</sub><sup>2</sup><kbd>k</kbd></p>",
      ],
      ["* a <del>x</del>\n* <ins>y</ins>", "<ul>\n<li>a <del>x</del></li>\n<li><ins>y</ins></li>\n</ul>"],
    ] as const) {
      expect(markdownToHtml(markdown), markdown).toBe(html);
      expect(markdownToHtmlSlow(markdown), markdown).toBe(html);
      expect(rendersOnFastPath(markdown), markdown).toBe(true);
    }
    // A tag alone on a text's first line starts an HTML block; bold across a tag's edge is mended by the
    // HTML parser; a tag left open, closed out of order, in capitals or with attributes GitHub keeps: the stack's.
    expectStackHtml([
      "<br>\n後",
      "* <br>",
      "<b>\nx</b>",
      "y <b>**x</b>**",
      "y <b>x",
      "y <b><i>x</b></i>",
      "x <B>x</B>",
      '<b title="t">x</b> y',
      '<img src="https://example.org/a.png"> y',
    ]);
    const text = markdownTexts(
      fc.oneof(
        {
          weight: 20,
          arbitrary: fc.constantFrom(
            "模型",
            "a",
            " ",
            "。",
            "`x`",
            "$x$ ",
            "[l](https://a.b)",
            "<br>",
            "<br/>",
            "<b>粗</b>",
            "<font size=5>大</font>",
            "<code>c</code>",
            "<u>底</u>",
            "<sub>1</sub>",
          ),
        },
        {
          weight: 4,
          arbitrary: fc.constantFrom("**", "<b>", "</b>", "<font size=5>", "</font>", "<i>", "</i>"),
        },
        { weight: 1, arbitrary: fc.constantFrom("<", "<b", "</br>", "<i/>", "<B>", "<b x=1>") },
      ),
      true,
      2,
    );
    const withTags = fastAsStackOn(text, 400, (html) => /<b>|<br>|<code>/.test(html));
    // About one text in ten: most hold a tag left open or one the stack must read.
    expect(withTags).toBeGreaterThan(25 * RUNS_SCALE);
  });

  it("writes tables as the stack does: alone, under a paragraph, in a list item, ragged rows and all", () => {
    // The real list's two tables: one alone, "*" in its cells; one in a sublist, under an item with a tab.
    expectFastAsStack([
      "| Hardware | GPU Memory |Weight Offload |\n| -------- | -------- |-------- |\n| 8 * A100 |   40 GB  | No |",
      "這篇Survey很有用。\n* 預訓練數據\n    * RedPajama-Data: An Open Source Recipe，2023。" +
        "[Github](https://github.com/togethercomputer/RedPajama-Data)\n        * Dataset\tToken Count\n" +
        "            | Dataset | Token Count |\n            | -------- | -------- |\n            | C4 | 175 Billion |\n" +
        "    * The Pile：800GB 多樣化文本數據集。[論文](https://arxiv.org/abs/2101.00027)\n* 微調數據",
      "| a | b |\n| :- | -: |\n| 1 |\n| 2 | 3 | 4 |",
      "| a |\n| :-: |",
    ]);
    // A row without its outer "|", an escaped "|", a wider space around a cell, a table under a line of a
    // list, a line of text after one: the stack's.
    expectStackHtml([
      "| a | b |\n| - | - |\n1 | 2",
      "| a \\| b |\n| - |",
      "| 　a |\n| - |",
      "* a\n| b |\n| - |",
      "* a\n    | x |\n    | - |\n  | y |\n  | - |",
      "| a |\n| - |\n| b |\nc",
    ]);
    const cell = fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom(
          "模型",
          "a",
          "",
          " ",
          "  x  ",
          "8 * A100",
          "**粗**",
          "`c`",
          "x\ty",
          "a: b",
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom("[l](https://a.b)", "*", "~~s~~", "<b>b</b>", "$x$", "\\|") },
    );
    const row = (cells: number) =>
      fc
        .tuple(
          fc.array(cell, { minLength: cells, maxLength: cells }),
          fc.constantFrom("||", "||", "||", "||", "||", "||", "|", ""),
        )
        .map(([parts, ends]) => `${ends.charAt(0)}${parts.join("|")}${ends.charAt(1)}`);
    // Most delimiter rows have as many cells as the header; a few have one more.
    const delimiter = (cells: number) =>
      fc
        .tuple(
          fc.array(fc.constantFrom("-", "---", ":-", "-:", ":-:", " --- ", "", "="), {
            minLength: cells,
            maxLength: cells,
          }),
          fc.constantFrom("", "", "", "", "-|"),
        )
        .map(([parts, more]) => `|${parts.join("|")}|${more}`);
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((n) =>
        fc.tuple(
          row(n),
          delimiter(n),
          fc.array(
            fc.integer({ min: 1, max: 5 }).chain((m) => row(m)),
            { maxLength: 3 },
          ),
        ),
      )
      .map(([head, delimiterRow, body]) => [head, delimiterRow, ...body]);
    const placed = fc.oneof(
      table.map((rows) => rows.join("\n")),
      fc.tuple(fc.constantFrom("摘要", "a **b**", "* x"), table).map(([p, rows]) => [p, ...rows].join("\n")),
      // In an item ("* " or "1. ", sublist or not), indented 0-5 columns past its text; then what follows.
      fc
        .tuple(
          fc.constantFrom("* 項目", "1. 項目", "* a\n  - 項目", "- a\n    * 項目"),
          fc.integer({ min: -1, max: 5 }),
          table,
          fc.constantFrom(
            "",
            "\n* 下一個",
            "\n- 下一個",
            "\n  * 子",
            "\n\n後記",
            "\n後記",
            "\n2. 下一個",
            "\n  | 行 |",
            "\n      | 行 |\n      | - |",
          ),
        )
        .map(([item, extra, rows, after]) => {
          const content = (item.split("\n").at(-1) as string).indexOf("項");
          const indent = " ".repeat(Math.max(0, content + extra));
          return `${item}\n${rows.map((r) => `${indent}${r}`).join("\n")}${after}`;
        }),
    );
    const text = fc.array(placed, { minLength: 1, maxLength: 2 }).map((blocks) => blocks.join("\n\n"));
    const fast = fastAsStackOn(text, 400, (html) => html.includes("<table>"));
    // Most generated tables hold a cell or a row the stack must read; still, many take the fast path.
    expect(fast).toBeGreaterThan(20 * RUNS_SCALE);
  });

  it("sends the stack only the part of a text it must read, with the same HTML as the whole", () => {
    // As real 摘要 hold them: a long paragraph, then a list with a table in it (one the fast path leaves to
    // the stack: ~~struck~~ text in a cell), or a block after a blank line.
    const table =
      "* 預訓練數據\n    | Dataset | Token Count |\n    | --- | --- |\n    | ~~C4~~ | 175 Billion |";
    expectStackHtml([
      `${"模型".repeat(200)}\n${table}`,
      `${"模型".repeat(200)}\n\n${table}\n\n後記`,
      "摘要\n\n| a |\n| - |\n| b\n\n* a",
      "摘要 **粗體**\n\n<b>x</b> y\n\n```\ncode\n\nmore\n```",
      "摘要\n\n[x]: https://example.org\n\n[x]",
      "摘要\n\n[x]: https://example.org",
      // What a paragraph's interruption changes (a nested empty item stays text) stays the stack's whole.
      "模型\n* -\n* 模型\n\n1. 模型",
      "模型\n* 1. a\n* |x|\n  |-|",
      // After a list, a blank line and an indented line continue it: the whole text is the stack's.
      "* a\n\n  | x |\n  | - |",
    ]);
    // Generated: blocks the fast path reads, and blocks and lists only the stack reads, in any order.
    const fast = fc.constantFrom(
      "模型 **粗體** `x`",
      "a [l](https://a.b) c",
      "* 模型\n* b",
      "1. 模型",
      "摘要\n* 項目",
    );
    const slow = fc.constantFrom(
      "| a | b |\n| - | - |\n| ~~1~~ | 2 |",
      "* 項目\n    | a |\n    | - |\n    | 1 \\| 2 |",
      "<b>x</b>",
      "# h",
      "```\nx\n```",
      "> q",
      "    code",
      "[r]: https://r.example",
      "[r] and [l][r]",
      "模型\n===",
      "- -",
      "* 模型\n\n  續",
      "$$\nx\n$$",
      "a ~~b~~ c[^1]\n\n[^1]: note",
    );
    const text = fc.array(fc.oneof(fast, slow), { minLength: 2, maxLength: 5 }).chain((blocks) =>
      fc
        .array(fc.constantFrom("\n\n", "\n"), {
          minLength: blocks.length - 1,
          maxLength: blocks.length - 1,
        })
        .map((seps) => blocks.map((b, i) => (i === 0 ? b : `${seps[i - 1]}${b}`)).join("")),
    );
    fastAsStackOn(text, 400);
  });

  it("keeps formatting, drops what could run or break out", () => {
    const html = markdownToHtml(
      '**bold** <sub>2</sub> [ok](https://example.org) [bad](javascript:alert(1))\n\n<script>alert(1)</script>\n\n<img src="https://example.org/a.png" onerror="alert(2)">\n\n<img src="https://example.org/b.png">\n\n# heading',
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<sub>2</sub>");
    expect(html).toContain('<a href="https://example.org">ok</a>');
    // No element that runs anything: no script, no event attribute, no javascript: link (as text they may stay).
    expect(html).not.toMatch(/<script|<[a-z][^<>]*\son[a-z]+=|href="javascript:|<h1/i);
    expect(html).toContain("<a>bad</a>");
    expect(html).toContain(
      '<img src="https://example.org/b.png" loading="lazy" decoding="async" alt="Figure">',
    );
    expect(html).toContain("&#x3C;script>");
    expect(markdownToHtml(undefined)).toBe("");
  });
});

describe("links relative to the repository", () => {
  const links = repositoryLinks("octo-org/papers");
  const text = [
    "[notes](docs/notes.md), [here](./docs/a%20b.md#part), [top](/LICENSE), [up](../../../etc/passwd)",
    "[section](#llm), [query](?tab=readme), [site](https://example.org/x), [other host](//example.org/y),",
    "[mail](mailto:a@example.org) ![figure](figures/fig.png)",
  ].join("\n");

  it("lead to the repository's files on GitHub, as the README's do, images to their raw bytes", () => {
    const html = markdownToHtml(text, links);
    expect(html).toContain('<a href="https://github.com/octo-org/papers/blob/HEAD/docs/notes.md">notes</a>');
    expect(html).toContain(
      '<a href="https://github.com/octo-org/papers/blob/HEAD/docs/a%20b.md#part">here</a>',
    );
    expect(html).toContain('<a href="https://github.com/octo-org/papers/blob/HEAD/LICENSE">top</a>');
    expect(html).toContain('src="https://github.com/octo-org/papers/raw/HEAD/figures/fig.png"');
    // A path that climbs out of the repository, a fragment, a query, another scheme or host: as written.
    expect(html).toContain('<a href="../../../etc/passwd">up</a>');
    expect(html).toContain('<a href="#llm">section</a>');
    expect(html).toContain('<a href="?tab=readme">query</a>');
    expect(html).toContain('<a href="https://example.org/x">site</a>');
    expect(html).toContain('<a href="//example.org/y">other host</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
  });

  it('lead there from raw HTML too: <img src="docs/…"> sized by hand, <a href="docs/…">', () => {
    const html = markdownToHtml(
      '圖 <img src="figures/fig.png" width="300"> 與 <a href="docs/notes.md">筆記</a>',
      links,
    );
    expect(html).toContain(
      '<img src="https://github.com/octo-org/papers/raw/HEAD/figures/fig.png" width="300"',
    );
    expect(html).toContain('<a href="https://github.com/octo-org/papers/blob/HEAD/docs/notes.md">筆記</a>');
  });

  it("stay as written when no repository is named, and lead to the one named on another server", () => {
    const html = markdownToHtml(text);
    expect(html).toContain('<a href="docs/notes.md">notes</a>');
    expect(html).toContain('src="figures/fig.png"');
    const enterprise = markdownToHtml(text, repositoryLinks("team/list", "https://git.example.com/"));
    expect(enterprise).toContain('href="https://git.example.com/team/list/blob/HEAD/docs/notes.md"');
    // The same text with a formula goes through the math stack, which rebases its links too.
    expect(markdownToHtml(`$x^2$ ${text}`, links)).toContain(
      '<a href="https://github.com/octo-org/papers/blob/HEAD/docs/notes.md">notes</a>',
    );
  });
});

describe("math, as GitHub shows it", () => {
  it("renders $…$, $`…`$, $$…$$ and a math fence as MathML, which needs no script, stylesheet or font", () => {
    const html = markdownToHtml(
      "高於$10^5$環境幀/秒, and $`x_1 * y_2`$\n\n$$\nE = mc^2\n$$\n\n```math\na^2+b^2\n```",
    );
    expect(formulas(html)).toEqual(["10^5", "x_1 * y_2", "E = mc^2", "a^2+b^2\n"]);
    const maths = elements(html).filter((e) => e.tag === "math");
    expect(maths.map((m) => m.attrs.display)).toEqual([undefined, undefined, "block", "block"]);
    // 10^5 as a superscript, not as text; the underscores as subscripts, not emphasis.
    expect(elements(html).filter((e) => e.tag === "msup")[0]?.text).toBe("105");
    expect(elements(html).some((e) => e.tag === "em")).toBe(false);
    expect(html).toContain('高於<span class="katex">');
  });

  it("reads ArcFace's formula as one formula: its underscores no longer make emphasis", async () => {
    const arcface = (await readRealList()).entries.find((e) => e.extra?.includes("\\frac"));
    const html = markdownToHtml(arcface?.extra);
    expect(formulas(html)).toHaveLength(1);
    expect(formulas(html)[0]).toMatch(/^L_\{3\} = -\\frac/);
    expect(elements(html).some((e) => e.tag === "em")).toBe(false);
  });

  it("keeps prices as text (pandoc's rule): a space inside the dollars, or a digit after the closing one", () => {
    for (const text of ["costs $5, or $10 a month", "價格 $5和$3", "from $ 5 to $ 10", "$5-$10"]) {
      const html = markdownToHtml(text);
      expect(formulas(html), text).toEqual([]);
      expect(elements(html).map((e) => e.text)[0], text).toBe(text);
    }
    // The same span is read as math where the rule allows it.
    expect(formulas(markdownToHtml("price $5$ today"))).toEqual(["5"]);
  });

  it("reads a < in a formula as less-than, though the README's sanitiser wrote it as &lt;", () => {
    const html = markdownToHtml("$a<b$ holds");
    expect(formulas(html)).toEqual(["a<b"]);
    expect(elements(html).find((e) => e.tag === "mo")?.text).toBe("<");
    // In a formula set apart too, which then stays a formula (it once became a bare <pre>).
    const block = markdownToHtml("$$\na <b c> d\n$$");
    expect(formulas(block)).toEqual(["a <b c> d"]);
    expect(elements(block).some((e) => e.tag === "pre")).toBe(false);
  });

  it("reads the text between two prices as Markdown still, a byte order mark before them or not", () => {
    const html = markdownToHtml("costs $5 **only**, or $10 [plan](https://example.org) \\* 2");
    expect(formulas(html)).toEqual([]);
    expect(elements(html).find((e) => e.tag === "strong")?.text).toBe("only");
    expect(elements(html).find((e) => e.tag === "a")?.attrs.href).toBe("https://example.org");
    expect(elements(html)[0]?.text).toBe("costs $5 only, or $10 plan * 2");
    expect(formulas(markdownToHtml("\uFEFF$5 and $10"))).toEqual([]);
    expect(formulas(markdownToHtml("\uFEFFx $a^2$ y"))).toEqual(["a^2"]);
  });

  it("draws no formula over the page: raised or lapped text stays in place, a rule's box is capped", () => {
    const raised = elements(markdownToHtml("$\\raisebox{26em}{\\text{NOTICE}}$ and $a\\mathllap{b}$"));
    // Read as their text: no mpadded element moves them.
    expect(raised.filter((e) => e.tag === "mpadded")).toEqual([]);
    expect(raised.find((e) => e.tag === "mtext")?.text).toBe("NOTICE");
    const rule = elements(markdownToHtml("$\\rule{500em}{500em}$")).find((e) => e.tag === "mspace");
    expect(rule?.attrs).toMatchObject({ width: "10em", height: "10em" });
  });

  it("caps a formula's growth at one \\Huge however many are nested, and keeps smaller sizes", () => {
    const scale = (html: string) =>
      [...html.matchAll(/mathsize="([\d.]+)em"/g)].reduce((product, m) => product * Number(m[1]), 1);
    // Each \Huge is relative to the one around it: six made an "x" 2,000 px tall.
    const huge = markdownToHtml(`$${"\\Huge".repeat(6)} x$`);
    expect(huge).toContain("<math");
    expect(scale(huge)).toBeGreaterThan(2.4);
    expect(scale(huge)).toBeLessThanOrEqual(2.489);
    expect(scale(markdownToHtml("$\\large y$"))).toBe(1.2);
    expect(scale(markdownToHtml("$\\tiny\\tiny z$"))).toBeLessThan(0.5);
  });

  it("shows a text's formulas as their TeX past 200 (each costs KaTeX time)", () => {
    const few = markdownToHtml("$a$ ".repeat(200));
    expect(formulas(few)).toHaveLength(200);
    const many = markdownToHtml("$a$ ".repeat(201));
    expect(formulas(many)).toEqual([]);
    expect(elements(many).filter((e) => e.tag === "code" && e.attrs.class === "language-math")).toHaveLength(
      201,
    );
  });

  it("shows a formula KaTeX cannot read as its source, marked, and makes no link from one", () => {
    const broken = elements(markdownToHtml("bad $\\frac{1}{$ end"));
    expect(broken.find((e) => e.attrs.class === "katex-error")?.text).toBe("\\frac{1}{");
    const html = markdownToHtml("$\\href{javascript:alert(1)}{x}$ $\\url{https://example.org}$");
    expect(elements(html).filter((e) => e.tag === "a" || "href" in e.attrs)).toEqual([]);
  });

  it("writes formulas on the fast path as the stack does, and leaves prices and odd spans to the stack", () => {
    expectFastAsStack([
      "高於$10^2$幀",
      "at $O(n^2)$ cost.",
      "a $a<b \\& c$ b",
      "x $$y$$ z",
      "**$x$** y",
      "a $x$**b**",
      "- $x_1$\n- $y$",
      "$\\color{red}{x}$ and $\\begin{array}{c}a\\\\b\\end{array}$",
      `$${"\\Huge".repeat(4)} x$`,
    ]);
    expectStackHtml([
      "costs $5, or $10",
      "p $x$2",
      "$ x$",
      "a $`x`$",
      "$x$$y$",
      "$$$x$$$",
      "$a\nb$",
      "$$\nx\n$$",
      "bad $\\frac{1}{$ end",
      "$a$ ".repeat(201),
    ]);
    // Generated from formulas KaTeX reads and cannot, the "$" runs of prices, and what stands around them.
    const text = markdownTexts(
      fc.oneof(
        {
          weight: 20,
          arbitrary: fc.constantFrom(
            "模型",
            "a",
            " ",
            "。",
            "5",
            "`x`",
            "[Github](https://github.com/a/b)",
            "$x$ ",
            "$10^2$幀",
            "in $O(n^2)$ ",
            "若$a<b$，",
            "$\\frac{1}{2}$。",
            " $$y$$ ",
            "$a*b$ ",
            "（$x_1 + y_2$）",
            "$\\text{模型}$a",
            "$\\Huge\\Huge z$ ",
          ),
        },
        { weight: 4, arbitrary: fc.constant("**") },
        { weight: 1, arbitrary: fc.constantFrom("$", "$$") },
        {
          weight: 1,
          arbitrary: fc.constantFrom("$\\frac{1}{$", "$&$", "$ x$", "$`y`$", "$\\gdef\\g{1}$", "$\\g$"),
        },
      ),
      true,
      2,
    );
    const formulasWritten = fastAsStackOn(text, 400, (html) => html.includes('<span class="katex">'));
    expect(formulasWritten).toBeGreaterThan(30 * RUNS_SCALE);
  });

  it("keeps a formula's \\gdef to that formula: one record's definition changes no other's", () => {
    // KaTeX shows a command it does not know as its name, in red (strict: "ignore"); defined, it is "y".
    const undefinedName = (html: string) =>
      html.includes('mathcolor="#cc0000"') && !html.includes("<mi>y</mi>");
    expect(undefinedName(markdownToHtml("$\\gdef\\papershelfmacro{y}$ and $\\papershelfmacro$"))).toBe(true);
    markdownToHtmlSlow("$\\gdef\\papershelfother{y}$ and `code`");
    markdownToHtml("$\\gdef\\papershelfother{y}$");
    expect(undefinedName(markdownToHtml("$\\papershelfother$"))).toBe(true);
    expect(undefinedName(markdownToHtmlSlow("$\\papershelfother$ and `code`"))).toBe(true);
  });

  it("parses math only when asked: lint, the README and the intake read the text as written", () => {
    const types = (math: boolean) => {
      const parsed = parseMarkdown("a $x_1$ b", { math });
      const [paragraph] = parsed.ok ? parsed.tree.children : [];
      return paragraph?.type === "paragraph" ? paragraph.children.map((n) => n.type as string) : [];
    };
    expect(types(false)).toEqual(["text"]);
    expect(types(true)).toEqual(["text", "inlineMath", "text"]);
  });
});

describe("htmlToPlainText (a page's description)", () => {
  it("gives a formula as its TeX, not as the glyphs of its MathML run together", () => {
    expect(htmlToPlainText(markdownToHtml("高於$10^5$環境幀 and $a<b$."))).toBe("高於 10^5 環境幀 and a<b .");
  });

  it("ends a tag at the > outside its quoted attributes, so no attribute text reaches the description", () => {
    const html = markdownToHtml(
      '<a href="https://ok.example" title="&quot;><script>alert(7)</script>">ok</a> done',
    );
    expect(htmlToPlainText(html)).toBe("ok done");
    expect(htmlToPlainText("<p>a &amp; b</p><p>c</p>")).toBe("a & b c");
  });
});
