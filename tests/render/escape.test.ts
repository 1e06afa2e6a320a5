import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { escapeText, escapeUrl } from "../../src/render/escape.js";
import { decodeHtml, renderGfm, stripTags } from "./gfm.js";

/** Strings rich in the characters Markdown and HTML care about. */
const hostileText = fc.string({
  unit: fc.constantFrom(
    ..."abc 中文 <>&\"'`*_~[]()|#$!\\-+=.1:/\n\t".split(""),
    "<!--",
    "-->",
    "](",
    "<script>",
  ),
  maxLength: 40,
});

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

describe("escapeText", () => {
  test("any text shows as exactly itself in Markdown text, a heading, a link and a table cell", () => {
    fc.assert(
      fc.property(hostileText, (raw) => {
        const text = collapse(raw);
        const escaped = escapeText(raw);
        const plain = (md: string) => collapse(decodeHtml(stripTags(renderGfm(md))));
        expect(plain(`x ${escaped}`)).toBe(collapse(`x ${text}`));
        expect(plain(escaped)).toBe(text);
        expect(plain(`## ${escaped}`)).toBe(text);
        expect(plain(`[${escaped}](https://example.org)`)).toBe(text);
        const table = renderGfm(`| a | b |\n| - | - |\n| ${escaped} | z |`);
        expect(table.match(/<td>/g) ?? []).toHaveLength(2);
      }),
      { numRuns: 300 },
    );
  });

  test("a value is also inert inside raw HTML and a double-quoted attribute", () => {
    fc.assert(
      fc.property(hostileText, (raw) => {
        const html = renderGfm(`<img alt="${escapeText(raw)}">\n\n<b>${escapeText(raw)}</b>`);
        expect(html).not.toMatch(/<(?!\/?(?:img|b|p)\b)[a-z!]/i);
        expect(html.match(/"/g) ?? []).toHaveLength(2);
      }),
      { numRuns: 300 },
    );
  });

  test("readable where nothing needs escaping", () => {
    expect(escapeText("Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic")).toBe(
      "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic",
    );
    expect(escapeText("圖片理解(Image-to-text等等)")).toBe("圖片理解(Image-to-text等等)");
    expect(escapeText("1. not a list")).toBe("1&#46; not a list");
  });
});

describe("escapeUrl", () => {
  test("the href GitHub produces is the URL as written", () => {
    for (const url of [
      "https://example.org/wiki/A_(b)",
      'https://example.org/?q="><script>',
      "https://example.org/a|b`c\\d'e",
      "https://example.org/?a=1&b=2",
    ]) {
      const html = renderGfm(`[x](${escapeUrl(url)})`);
      const href = decodeHtml(/href="([^"]*)"/.exec(html)?.[1] ?? "");
      expect(decodeURI(href)).toBe(url);
    }
  });
});
