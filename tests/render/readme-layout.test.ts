/**
 * The committed README as a reader meets it (issue 9, point 5; issue 10): rendered by cmark-gfm with GitHub's
 * Markdown CSS in Chromium, the first paper is on the first screen at 1280 px and within 1.5 screens on a
 * 390 × 844 phone; the first line links the site; the set-up commands close the page.
 * README_SCREENSHOTS=<dir> saves what the browser saw, to look at.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { parseSiteConfig } from "../../src/config/site.js";
import { parseRecords } from "../../src/records/parse.js";
import { flattenCategories } from "../../src/records/validate.js";
import { README_ZONES } from "../../src/render/readme.js";
import { parseZones, splitAroundZones } from "../../src/render/zones.js";
import { launchChromium } from "../site/helpers/browser.js";
import { headingIds, renderGfm, stripTags } from "./gfm.js";
import { DESKTOP, PHONE, measureReadme, type ReadmeViewport } from "./readme-layout.js";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const records = parseRecords(readFileSync(new URL("data/papers.yaml", root), "utf8"));
if (!records.ok) throw new Error("data/papers.yaml is invalid");
const data = records.data;

/** The first paper in the README: the first entry of the first category, in page order, that has one. */
function firstPaperTitle(): string {
  for (const { category } of flattenCategories(data.categories)) {
    const entry = data.entries.find((e) => e.category === category.id);
    if (entry) return entry.title;
  }
  throw new Error("no entries");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const screenshot = (viewport: ReadmeViewport) =>
  process.env.README_SCREENSHOTS
    ? path.join(process.env.README_SCREENSHOTS, `readme-${viewport.name}.png`)
    : undefined;

describe("the first paper is near the top", () => {
  test("at 1280 px, within the first 1,000 px of the README body", { timeout: 90_000 }, async () => {
    const layout = await measureReadme(browser, readme, firstPaperTitle(), DESKTOP, screenshot(DESKTOP));
    expect(layout.imagesAbove).toBe(0); // nothing above it that grows once loaded
    expect(layout.firstPaperBottom).toBeLessThanOrEqual(1000);
  });

  test("on a 390 × 844 phone, within 1.5 screens", { timeout: 90_000 }, async () => {
    const layout = await measureReadme(browser, readme, firstPaperTitle(), PHONE, screenshot(PHONE));
    expect(layout.imagesAbove).toBe(0);
    expect(layout.firstPaperBottom).toBeLessThanOrEqual(1.5 * PHONE.height);
  });
});

describe("what frames the list", () => {
  const html = renderGfm(readme);

  test("the first rendered line links the site named by site.url", () => {
    const config = parseConfig(readFileSync(new URL(".papershelf.yml", root), "utf8"));
    if (!config.ok) throw new Error(".papershelf.yml is invalid");
    const site = parseSiteConfig(config.config, data.list?.title);
    if (!site.ok) throw new Error("site config is invalid");
    expect(site.site.url).toMatch(/^https:\/\/[^/]+\.github\.io\/[^/]+\/$/);
    const first = /<(p|h1)>([\s\S]*?)<\/\1>/.exec(html);
    expect(first?.[1]).toBe("p");
    expect(first?.[2]).toContain(`href="${site.site.url}"`);
  });

  test("the set-up commands (rebuild the README, run the tests) are in the last section", () => {
    const last = readme.slice(readme.lastIndexOf("\n## "));
    expect(last).toMatch(/^(?:npm ci && )?npm run readme$/m);
    expect(last).toMatch(/^npm test$/m);
    expect(last).toContain("data/papers.yaml");
    expect(last.split("\n").length).toBeLessThan(15);
  });

  test("the maintainer and development docs are linked, not inlined", () => {
    for (const doc of ["docs/maintainers.md", "docs/development.md"]) {
      expect(html).toContain(`href="${doc}"`);
      expect(readFileSync(new URL(doc, root), "utf8").length).toBeGreaterThan(1000);
    }
    expect(headingIds(html).map((h) => h.text)).not.toContain("維護者 / For maintainers");
  });

  test("hand-written Chinese and English sentences are on lines of their own", () => {
    const zones = parseZones(readme, "README.md", README_ZONES);
    if (!zones.ok) throw new Error("README zones");
    const lines = splitAroundZones(readme, zones.zones)
      .flatMap((segment) => [...renderGfm(segment).matchAll(/<p>([\s\S]*?)<\/p>/g)])
      .flatMap((p) => (p[1] ?? "").split("<br />"))
      .map((line) => stripTags(line).replace(/\s+/g, " "));
    expect(lines.some((line) => line.includes("。"))).toBe(true);
    // A Chinese sentence (ending in 。) beside four English words in a row reads as one run-on line.
    expect(lines.filter((line) => line.includes("。") && /(?:[A-Za-z]+,? ){3}[A-Za-z]+/.test(line))).toEqual(
      [],
    );
  });

  test("no label is doubled, as in 摘要（摘要）", () => {
    expect(stripTags(html)).not.toMatch(/(\p{Script=Han}+)（\1）/u);
  });
});
