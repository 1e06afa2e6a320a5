/** Record Markdown as site HTML: the fast path writes what the remark stack writes, and nothing unsafe survives. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownToHtml } from "../../src/site/index.js";
import { htmlToPlainText, markdownToHtmlSlow } from "../../src/site/markdown-html.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readRealList } from "./helpers/fixture.js";

describe("markdownToHtml", () => {
  it("gives the remark stack's HTML for every text of the real list and of the benchmark's", async () => {
    const data = await readRealList();
    const texts = [
      ...data.entries.flatMap((e) => [e.summary, e.note, e.extra, e.aside]),
      ...data.categories.map((c) => c.intro),
      ...makeSyntheticList(50).entries.map((e) => e.summary),
    ].filter((t): t is string => t !== undefined);
    for (const text of texts) expect(markdownToHtml(text)).toBe(markdownToHtmlSlow(text));
  });

  it("gives the remark stack's HTML for generated paragraphs and lists", () => {
    const piece = fc.constantFrom(
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
    );
    const line = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
    const block = fc.oneof(
      fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.join("\n")),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.map((x) => `* ${x}`).join("\n")),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.map((x) => `- ${x}`).join("\n")),
    );
    const text = fc.array(block, { minLength: 1, maxLength: 4 }).map((b) => b.join("\n\n"));
    // Found by this property: an empty heading ("#") ends the paragraph's last line, and the stack trims it.
    for (const found of ["模型\n#", "a\n#\n\nb", "- x\n\n模型\n##"])
      expect(markdownToHtml(found), JSON.stringify(found)).toBe(markdownToHtmlSlow(found));
    fc.assert(
      fc.property(text, (t) => markdownToHtml(t) === markdownToHtmlSlow(t)),
      { numRuns: 150 },
    );
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

describe("htmlToPlainText (a page's description)", () => {
  it("ends a tag at the > outside its quoted attributes, so no attribute text reaches the description", () => {
    const html = markdownToHtml(
      '<a href="https://ok.example" title="&quot;><script>alert(7)</script>">ok</a> done',
    );
    expect(htmlToPlainText(html)).toBe("ok done");
    expect(htmlToPlainText("<p>a &amp; b</p><p>c</p>")).toBe("a & b c");
  });
});
