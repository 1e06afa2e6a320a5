/**
 * The migration reaches the page: every fact of the seed (tests/import/seed-facts.ts, read from the HackMD
 * text without the importer) is in the README generated, in this test, from the frozen migrated list
 * (tests/fixtures/seed/migrated.yaml) with the repository's templates. Text is compared as a reader sees it:
 * both sides rendered by cmark-gfm, tags stripped, references decoded, whitespace collapsed, so the escaping
 * papershelf adds does not count, and lost or altered words do. The live data/papers.yaml and README.md are
 * not read: they change with every submission and every `papershelf fix`.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { parseRecords } from "../../src/records/parse.js";
import { renderReadme } from "../../src/render/readme.js";
import { normaliseWhitespace, seedFacts, type SeedFacts } from "../import/seed-facts.js";
import { renderGfm, stripTags } from "./gfm.js";
import { loadTemplates } from "./fixtures.js";

/**
 * Hand edits made to the data after the import, each in its own commit: the category title typo
 * (c228f7b), and exact repeats of earlier sentences cut from two 摘要 by the lint pass (475d9f2; the
 * EMP-SSL sentence that only looked garbled was restored later).
 */
const CATEGORY_TITLE_FIXES = new Map([["Vedeo-to-text", "Video-to-text"]]);
const SUMMARY_TAILS_REMOVED = new Map([
  [
    "Learning Text-Image Joint Embedding for Efficient Cross-Modal Retrieval with Deep Feature Engineering",
    "還考慮基於類別的對齊損失和基於鑑別器的對齊損失。大量實驗表明，我們採用深度特徵工程的 SEJE 方法明顯優於最先進的方法。".repeat(
      2,
    ),
  ],
  [
    "EMP-SSL: Towards Self-Supervised Learning in One Training Epoch",
    // Only the exact repeat of an earlier sentence: "…達到 9%。" before it is not a repeat and stays.
    "此外，我們還發現，與基線 SSL 方法相比，EMP-SSL 對域外數據集的可轉移性明顯更好。",
  ],
]);

/** Every reference a browser decodes: raw HTML (img src) passes through cmark-gfm as written. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(
    /&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi,
    (whole, dec?: string, hex?: string, name?: string) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : (named[name ?? ""] ?? whole),
  );
}

/** What a reader sees of some Markdown. */
const visibleText = (markdown: string) => normaliseWhitespace(decodeEntities(stripTags(renderGfm(markdown))));
/** URLs compared after the percent-encoding cmark-gfm applies to hrefs. */
const sameUrl = (url: string) => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};

/** A README that is nothing but the zones: everything the test sees comes from the records. */
const ZONES_ONLY = ["intro", "toc", "entries"]
  .map((zone) => `<!-- papershelf:begin ${zone} -->\n<!-- papershelf:end ${zone} -->\n`)
  .join("\n");

let facts: SeedFacts;
let readme: string;
let visible: string;
let hrefs: Set<string>;
let imageSources: Set<string>;

beforeAll(async () => {
  facts = seedFacts();
  const migrated = new URL("../fixtures/seed/migrated.yaml", import.meta.url);
  const records = parseRecords(readFileSync(migrated, "utf8"), "migrated.yaml");
  if (!records.ok) throw new Error("tests/fixtures/seed/migrated.yaml is invalid");
  const result = renderReadme(ZONES_ONLY, "README.md", records.data, await loadTemplates());
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  readme = result.text;
  const html = renderGfm(readme);
  visible = normaliseWhitespace(decodeEntities(stripTags(html)));
  hrefs = new Set([...html.matchAll(/href="([^"]*)"/g)].map((m) => sameUrl(decodeEntities(m[1] ?? ""))));
  imageSources = new Set(
    [...html.matchAll(/<img src="([^"]*)"/g)].map((m) => sameUrl(decodeEntities(m[1] ?? ""))),
  );
});

describe("every seed fact is in the generated README", () => {
  test("the seed has what the issue says (55 entries, 11 top categories, the prose one among them)", () => {
    expect(facts.entries).toHaveLength(55);
    expect(facts.categories.filter((c) => c.level === 1)).toHaveLength(11);
    expect(facts.prose).toHaveLength(1);
  });

  test("titles and their urls", () => {
    for (const entry of facts.entries) {
      expect(visible, entry.title).toContain(normaliseWhitespace(entry.title));
      expect(hrefs.has(sameUrl(entry.url)), `${entry.title}: ${entry.url}`).toBe(true);
    }
  });

  test("repository, demo and download links", () => {
    for (const entry of facts.entries)
      for (const url of entry.linkUrls) expect(hrefs.has(sameUrl(url)), `${entry.title}: ${url}`).toBe(true);
  });

  test("images, at their width", () => {
    for (const entry of facts.entries)
      for (const url of entry.imageUrls)
        expect(imageSources.has(sameUrl(url)), `${entry.title}: ${url}`).toBe(true);
    expect(readme).toContain(
      '<img src="https://raw.githubusercontent.com/shikras/shikra/main/assets/teaser.jpg" width="50%"',
    );
  });

  test("every 摘要, as rendered text", () => {
    for (const entry of facts.entries) {
      const tail = SUMMARY_TAILS_REMOVED.get(entry.title) ?? "";
      const summary =
        tail && entry.summary.endsWith(tail) ? entry.summary.slice(0, -tail.length) : entry.summary;
      expect(visible, entry.title).toContain(visibleText(summary));
    }
  });

  test("the formula and the table beside the 摘要, as written", () => {
    for (const entry of facts.entries)
      for (const line of entry.extraLines) expect(readme, entry.title).toContain(line);
  });

  test("an aside between two entries shows between them, before the entry it is about", () => {
    const entryAsides = facts.asides.filter((a) => a.before.kind === "entry");
    expect(entryAsides).not.toHaveLength(0);
    for (const aside of entryAsides) {
      const previous = facts.entries.filter((e) => e.line < aside.line).pop();
      const from = visible.indexOf(normaliseWhitespace(previous?.title ?? ""));
      const at = visible.indexOf(visibleText(aside.text), from);
      const next = visible.indexOf(normaliseWhitespace(aside.before.title), from);
      expect([from > -1, at > from, next > at], aside.text).toEqual([true, true, true]);
    }
  });

  test("the prose section is shown as prose, not folded away inside a <details>", () => {
    const outsideDetails = visibleText(readme.replace(/<details>[\s\S]*?<\/details>/g, ""));
    for (const prose of facts.prose) expect(outsideDetails).toContain(visibleText(prose.text));
  });

  test("the intro, the asides, the prose section and the category titles", () => {
    expect(visible).toContain(visibleText(facts.intro));
    for (const aside of facts.asides) expect(visible).toContain(visibleText(aside.text));
    for (const prose of facts.prose) {
      expect(visible).toContain(visibleText(prose.text));
      for (const link of prose.links) expect(hrefs.has(sameUrl(link.url))).toBe(true);
    }
    const headings = new Set(
      [...renderGfm(readme).matchAll(/<h[2-6]>([\s\S]*?)<\/h[2-6]>/g)].map((m) => decodeEntities(m[1] ?? "")),
    );
    for (const category of facts.categories) {
      const title = CATEGORY_TITLE_FIXES.get(category.title) ?? category.title;
      expect(headings.has(title), title).toBe(true);
    }
  });
});
