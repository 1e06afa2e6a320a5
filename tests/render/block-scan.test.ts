import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { headingText } from "../../src/render/anchors.js";
import { scanBlocks } from "../../src/render/block-scan.js";
import { decodeHtml, renderGfm, stripTags } from "./gfm.js";

const scanned = (md: string) => scanBlocks(md).headings.map((h) => headingText(h.content));
const rendered = (md: string) =>
  [...renderGfm(md).matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) =>
    decodeHtml(stripTags(m[1] ?? "")),
  );

/**
 * Top-level blocks of the kinds a README has. Out of scope (documented in the README): the content of list
 * items beyond their first line.
 */
const documentLines = fc
  .array(
    fc.constantFrom(
      "# Title",
      "## Sub ##",
      "### [Link](https://x.org) `code` *em* &amp;",
      "#not a heading",
      "Paragraph",
      "===",
      "---",
      "***",
      "",
      "```",
      "~~~~",
      "    indented code",
      "    # indented code",
      "<div>",
      "</div>",
      "<!-- comment",
      "-->",
      "<!-- papershelf:begin toc -->",
      "<img src=x>",
      "<pre>",
      "</pre>",
      "- item",
      "- # item heading",
      "> # quoted heading",
      "| a | b |",
    ),
    { maxLength: 14 },
  )
  .map((lines) => lines.join("\n"))
  // Out of scope: lines indented under a list item (they belong to the item, which the scanner does not model).
  .filter((md) => !(/^[->] /m.test(md) && /^ {4}/m.test(md)));

describe("scanBlocks agrees with cmark-gfm on headings", () => {
  test("random documents", () => {
    fc.assert(
      fc.property(documentLines, (md) => {
        expect(scanned(md)).toEqual(rendered(md));
      }),
      { numRuns: 1000 },
    );
  });

  test("the repository README and the render fixture", () => {
    for (const file of ["../../README.md", "../fixtures/render/README.md"]) {
      const md = readFileSync(new URL(file, import.meta.url), "utf8");
      expect(scanned(md)).toEqual(rendered(md));
    }
  });

  test("reports a fence left open", () => {
    expect(scanBlocks("text\n````js\ncode").openFence).toBe("````");
    expect(scanBlocks("text\n````js\ncode").openFenceLine).toBe(1);
    expect(scanBlocks("```\ncode\n```").openFence).toBeUndefined();
  });
});
