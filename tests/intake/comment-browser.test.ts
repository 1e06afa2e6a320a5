/**
 * The bot's comment and the health report as people see them on GitHub: cmark-gfm (GitHub's renderer; a
 * comment keeps its line breaks) → HTML styled by github-markdown-css → Chromium. The screenshots are saved
 * for a person to look at (PAPERSHELF_SCREENSHOTS, default the temp folder); the test asserts the structure
 * a reader meets first.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, type CheckReport } from "../../src/check/index.js";
import { renderIntakeComment } from "../../src/intake/comment.js";
import { runIntake } from "../../src/intake/run.js";
import { lintList } from "../../src/lint/index.js";
import { CHECK_FORMATS } from "../../src/report/index.js";
import { renderGfm } from "../render/gfm.js";
import { launchChromium } from "../site/helpers/browser.js";
import {
  bodyFor,
  fixtureForm,
  fixtureTemplate,
  NOW,
  papersText,
  readmeEntryRenderer,
  VALID_ANSWERS,
} from "./helpers.js";

const require = createRequire(import.meta.url);
const CSS = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
const SHOTS = process.env.PAPERSHELF_SCREENSHOTS ?? path.join(os.tmpdir(), "papershelf-screenshots");

function page(markdown: string, hardbreaks: boolean): string {
  // GitHub keeps <details>, <code> and <pre> (its sanitizer drops the rest), so raw HTML stays.
  const html = renderGfm(markdown, { hardbreaks });
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}
body { margin: 0; background: #fff; } .markdown-body { box-sizing: border-box; width: 880px; padding: 32px; }
</style></head><body><article class="markdown-body">${html}</article></body></html>`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Lays the Markdown out; returns the article's headings, its first list item and its whole text. */
async function show(markdown: string, name: string, hardbreaks: boolean) {
  const context = await browser.newContext({ viewport: { width: 944, height: 900 } });
  try {
    const tab = await context.newPage();
    // Nothing leaves the machine: images are answered with nothing.
    await tab.route("**/*", (route) => route.fulfill({ status: 204, body: "" }));
    await tab.setContent(page(markdown, hardbreaks), { waitUntil: "load" });
    await tab.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    return {
      headings: await tab.locator("article :is(h2, h3)").allInnerTexts(),
      // All items at once: a page without a numbered list gives none (no wait for one to appear).
      firstItem: ((await tab.locator("article ol > li").allInnerTexts())[0] ?? "").split("\n"),
      text: await tab.locator("article").innerText(),
    };
  } finally {
    await context.close();
  }
}

describe("in Chromium, as GitHub renders them", () => {
  it("an intake comment: the verdict, then each problem's field, 中文 first, English, the choices", async () => {
    const result = await runIntake({
      body: bodyFor(fixtureForm(), { ...VALID_ANSWERS, category: "Segment Anythin", date: "2023年13月" }),
      template: fixtureTemplate(),
      papersText: papersText(),
      now: NOW,
      lint: ({ parsed, entryId, now }) => lintList(parsed, { now, onlyEntryIds: new Set([entryId]) }),
      renderEntry: await readmeEntryRenderer(),
    });
    const seen = await show(renderIntakeComment(result), "intake-comment", true);
    expect(seen.headings[0]).toBe("❌ 需要修改 / Needs changes");
    expect(seen.firstItem.slice(0, 3)).toEqual([
      "日期 / Date",
      "沒有 13 月。請寫成 2023-06-27、2023/6/27、2023年6月27日、2023-06 或 2023。",
      "There is no month 13. Write it as 2023-06-27, 2023/6/27, 2023年6月27日, 2023-06 or 2023.",
    ]);
    expect(seen.text).toContain("影像模型 › Segment Anything [segment-anything]");
    expect(seen.text).not.toContain("\u200B");
  });

  it("the health report: what fails the run first, linked places, readable time", async () => {
    const at = { file: "data/papers.yaml", line: 43, column: 10, entryId: "taskmatrix" };
    const report: CheckReport = buildReport({
      links: [
        {
          url: "https://example.org/gone",
          verdict: "dead",
          message: "404 Not Found (failing since 2026-11-23)",
          locations: [at],
        },
        {
          url: "https://example.org/moved",
          verdict: "redirect",
          message: "301 → https://example.org/new",
          suggestion: "https://example.org/new",
          locations: [at],
        },
      ],
      repos: [],
      notes: [],
      stats: { httpRequests: 2, graphqlRequests: 0 },
      startedAt: "2026-11-30T04:22:59.123Z",
      finishedAt: "2026-11-30T04:23:01.456Z",
    } as unknown as Parameters<typeof buildReport>[0]);
    const markdown = CHECK_FORMATS.markdown(report, {
      failOn: ["dead"],
      locationUrl: (file, line) => `https://github.com/o/r/blob/${"a".repeat(40)}/${file}#L${line}`,
      fixesUrl: "https://github.com/o/r/pull/7",
    });
    const seen = await show(markdown, "health-report", false);
    expect(seen.headings.slice(0, 2)).toEqual(["Link and repository check", "❌ dead (1)"]);
    const lines = seen.text.split("\n").filter((l) => l.trim() !== "");
    expect(lines[1]).toBe("❌ 1 finding fails the run: 1 dead link.");
    expect(lines[2]).toBe("Safe fixes are proposed in this pull request.");
    expect(seen.text).toContain("finished 2026-11-30 04:23 UTC.");
  });
});
