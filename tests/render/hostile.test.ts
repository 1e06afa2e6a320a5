/**
 * Records written to break the page (tests/fixtures/render/hostile.yaml) must render inert: no script or
 * event handler reaches the HTML, every <details> closes where it opened, no record adds a heading, the zones
 * survive, the hand-written text is unchanged, and the hostile text is still there for a reader to see.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { PapersFile } from "../../src/records/schema.js";
import { renderReadme, README_ZONES } from "../../src/render/readme.js";
import { parseZones, splitAroundZones } from "../../src/render/zones.js";
import { decodeHtml, headingIds, renderGfm, stripTags } from "./gfm.js";
import { loadRecords, loadTemplates, readFixture } from "./fixtures.js";

let records: PapersFile;
let current: string;
let text: string;
let html: string;

beforeAll(async () => {
  records = await loadRecords("hostile.yaml");
  current = await readFixture("README.md");
  const result = renderReadme(current, "README.md", records, await loadTemplates());
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  text = result.text;
  html = renderGfm(text);
});

const visible = () => decodeHtml(stripTags(html)).replace(/\s+/g, " ");

describe("hostile records render inert", () => {
  test("no script element, event handler or javascript: URL reaches the HTML", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
    expect(html).not.toMatch(/(?:href|src)="javascript:/i);
    expect(html).not.toMatch(/<div/i);
  });

  test("every <details> is closed by its own </details>, never nested or left open", () => {
    let depth = 0;
    for (const m of html.matchAll(/<(\/?)details\b/g)) {
      depth += m[1] === "/" ? -1 : 1;
      expect(depth === 0 || depth === 1).toBe(true);
    }
    expect(depth).toBe(0);
    // One per 摘要, plus the ToC's folded subcategories when the list has any.
    const summaries = records.entries.filter((e) => e.summary).length;
    const tocFolds = records.categories.some((c) => (c.children ?? []).length > 0) ? 1 : 0;
    expect([...html.matchAll(/<details>/g)]).toHaveLength(summaries + tocFolds);
  });

  test("records add no headings: the only headings are the hand-written ones and the categories", () => {
    expect(headingIds(html).map((h) => h.text)).toEqual([
      "Test list",
      "Multimodal",
      "目錄 / Contents",
      "Cat <b>bold](https://evil.example) | # !",
      "<script>alert('cat')</script>",
      "License",
    ]);
  });

  test("the zones and every hand-written byte survive", () => {
    const before = parseZones(current, "README.md", README_ZONES);
    const after = parseZones(text, "README.md", README_ZONES);
    if (!before.ok || !after.ok) throw new Error(JSON.stringify(after));
    expect(after.zones.map((z) => z.name)).toEqual(["intro", "toc", "entries"]);
    expect(splitAroundZones(text, after.zones)).toEqual(splitAroundZones(current, before.zones));
    expect(html).toContain("Hand-written text <em>after</em> the zones.");
  });

  test("the hostile text is shown as text", () => {
    const shown = visible();
    for (const title of [
      "Evil](https://evil.example) [x",
      "<!-- papershelf:end entries -->",
      "# Not a heading | a | b | `code` *bold* _it_ ~~s~~ $x$ \\ &amp; &lt;x&gt;",
      "- 1. > looks like a list",
      "](javascript:alert(3))",
      "</details><details open>",
      "**Venue** <i>",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(6)>",
    ])
      expect(shown).toContain(title);
    // Headings inside record Markdown are demoted to bold, not dropped.
    expect(html).toContain("<strong>Summary heading</strong>");
    expect(html).toContain("<strong>Setext heading</strong>");
    expect(html).toContain("<strong>An intro heading</strong>");
  });

  test("URLs keep their exact value in href and src, quotes and brackets included", () => {
    expect(html).toContain('href="https://example.org/a_(b)"');
    expect(html).toContain('href="https://example.org/?q=%22%3E%3Cscript%3Ealert(2)%3C/script%3E"');
    // Raw HTML passes through cmark as written; a browser decodes the references back to the exact URL.
    expect(html).toContain('<img src="https://example.org/x.png&quot;onerror=&quot;alert&#40;4&#41;"');
  });

  test("allowlisted inline HTML stays HTML; the rest of the same field does not", () => {
    expect(html).toContain("<b>fine</b>");
    expect(html).toContain("<font color=red size=6>red</font>");
    expect(visible()).toContain("<b>unclosed bold");
  });

  test("a link reference definition in a record does not leak into the page", () => {
    expect(visible()).toContain("[ref]: https://evil.example");
  });
});
