/**
 * The README as a reader meets it on github.com: cmark-gfm (GitHub's renderer) → HTML in an
 * `article.markdown-body` styled by github-markdown-css, laid out by Chromium at a desktop and a phone width.
 * Nothing leaves the machine: every request is answered with a 1×1 PNG (images below the first paper do not
 * move it; the test checks that no image is above it).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { renderGfm } from "./gfm.js";

const require = createRequire(import.meta.url);
const MARKDOWN_CSS = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/**
 * A viewport and the README box GitHub draws in it. At 1280 px the repository page puts the README beside a
 * 296 px sidebar: an article about 880 px wide with 32 px padding. On a phone the box spans the screen less
 * 16 px margins, with 16 px padding.
 */
export interface ReadmeViewport {
  name: string;
  width: number;
  height: number;
  articleWidth: number;
  padding: number;
}

export const DESKTOP: ReadmeViewport = {
  name: "desktop",
  width: 1280,
  height: 800,
  articleWidth: 880,
  padding: 32,
};
export const PHONE: ReadmeViewport = {
  name: "phone",
  width: 390,
  height: 844,
  articleWidth: 358,
  padding: 16,
};

export interface ReadmeLayout {
  /** The first paper's title line, in px from the top of the README body (the article's top edge). */
  firstPaperTop: number;
  firstPaperBottom: number;
  /** Images rendered above the first paper (they would move it once loaded). */
  imagesAbove: number;
  /** The whole README body's height. */
  bodyHeight: number;
}

export function readmePage(markdown: string, viewport: ReadmeViewport): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${MARKDOWN_CSS}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${viewport.articleWidth}px; padding: ${viewport.padding}px;
  margin: 0 auto; }
</style></head><body><article class="markdown-body">${renderGfm(markdown)}</article></body></html>`;
}

/**
 * Lays the README out and finds the first paper: the first bold link whose text is `title` (the entry
 * template prints each paper's title that way). `screenshot` saves the first screen and a half to that path.
 */
export async function measureReadme(
  browser: Browser,
  markdown: string,
  title: string,
  viewport: ReadmeViewport,
  screenshot?: string,
): Promise<ReadmeLayout> {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
  try {
    const page = await context.newPage();
    await page.route("**/*", (route) =>
      route.fulfill({ status: 200, contentType: "image/png", body: PNG_1X1 }),
    );
    await page.setContent(readmePage(markdown, viewport), { waitUntil: "load" });
    await page.evaluate("document.fonts.ready");
    const article = await page.locator("article.markdown-body").boundingBox();
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
    const link = await page.locator("strong > a", { hasText: exact }).first().boundingBox();
    if (!article || !link) throw new Error(`no bold title link "${title}" in the rendered README`);
    // One round trip for all images (a string, since this file is compiled without the DOM's types).
    const imagesAbove = (await page.evaluate(
      `[...document.querySelectorAll("article img")].filter((i) => i.getBoundingClientRect().top < ${link.y}).length`,
    )) as number;
    const layout: ReadmeLayout = {
      firstPaperTop: Math.round(link.y - article.y),
      firstPaperBottom: Math.round(link.y + link.height - article.y),
      imagesAbove,
      bodyHeight: Math.round(article.height),
    };
    if (screenshot)
      await page.screenshot({
        path: screenshot,
        fullPage: true,
        clip: { x: 0, y: 0, width: viewport.width, height: Math.round(viewport.height * 1.5) },
      });
    return layout;
  } finally {
    await context.close();
  }
}
