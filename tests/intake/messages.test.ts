/**
 * Every kind of message the intake writes (issue 9, "messages that get the submission fixed"): a Chinese
 * sentence first, then the English one, and a way to fix it; no rule ids or entry ids in what the submitter
 * reads; nothing invisible added. The comment is rendered with cmark-gfm (GitHub's renderer, comment mode:
 * hard line breaks) to check what the submitter sees and copies.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderIntakeComment } from "../../src/intake/comment.js";
import { createEntryLinker } from "../../src/intake/preview.js";
import type { IntakeProblem } from "../../src/intake/problems.js";
import { runIntake, type IntakeInput, type IntakeResult } from "../../src/intake/run.js";
import { readTemplates } from "../../src/render/templates.js";
import { decodeHtml, headingIds, renderGfm, stripTags } from "../render/gfm.js";
import { fixtureInput, fixtureLint, NOW, readmeEntryRenderer, ROOT } from "./helpers.js";

/** A comment as GitHub shows it: cmark-gfm with its extensions and a comment's hard line breaks. */
const renderComment = (markdown: string) => renderGfm(markdown, { hardbreaks: true });

/** The text a reader sees (and copies) in rendered HTML: tags dropped, references decoded. */
const visibleText = (html: string) =>
  decodeHtml(stripTags(html).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))));

const HAN = /[\u4E00-\u9FFF]/;

const input = (answers: Record<string, string | boolean>, extra: Partial<IntakeInput> = {}): IntakeInput =>
  fixtureInput(answers, { lint: fixtureLint, ...extra });

const problemsOf = (r: IntakeResult): IntakeProblem[] => [...(r.ok ? [] : r.errors), ...r.findings];

/** Each problem: Chinese, English, a fix in both, and in the comment the Chinese line before the English. */
function expectBilingualWithFix(result: IntakeResult): void {
  const comment = renderIntakeComment(result);
  const text = visibleText(renderComment(comment));
  expect(problemsOf(result).length).toBeGreaterThan(0);
  for (const p of problemsOf(result)) {
    expect(p.zh, p.message).toMatch(HAN);
    expect(p.hintZh, p.message).toMatch(HAN);
    expect(p.message).toMatch(/^[A-Z"0-9]/);
    expect(p.hint.length).toBeGreaterThan(10);
    const zhAt = text.indexOf(`${p.zh}${p.hintZh}`);
    const enAt = text.indexOf(`${p.message} ${p.hint}`);
    expect(zhAt, `${p.zh} not shown`).toBeGreaterThan(-1);
    expect(enAt, `${p.message} not shown`).toBeGreaterThan(zhAt);
  }
}

describe("intake messages", () => {
  it("every kind of problem is said in Chinese first, then English, with how to fix it", async () => {
    const cases: Record<string, string | boolean>[] = [
      { title: "", url: "", category: "None" },
      { date: "2023-02-30", arxiv: "2306", image: "https://x.org/a.png 150%" },
      {
        links: "https://no-label.example\nDocs | ftp://z",
        repos: Array(11).fill("https://github.com/a/b").join("\n"),
      },
      { title: "Shikra\u202E txet", venue: "a\nb" },
      { category: "Cooking [food]", kind: "poem" },
      { confirm: false },
      { summary: "intro\n### 類型 / Kind\nmore" },
      // Each Markdown limit (a too-complex field) is said in both languages too.
      { summary: "<b>]".repeat(3_000) },
      { summary: "- a\n".repeat(600) },
    ];
    for (const answers of cases) expectBilingualWithFix(await runIntake(input(answers)));
    // Link verdicts and lint findings too.
    const checked = await runIntake(
      input(
        {},
        {
          checkLinks: async (urls) => urls.map((url) => ({ url, verdict: "dead", message: "404 Not Found" })),
        },
      ),
    );
    expectBilingualWithFix(checked);
  });

  it("a required field left empty gets the form's own hint; a dropdown lists its options", async () => {
    const result = await runIntake(input({ url: "", category: "None" }));
    expect(result.ok).toBe(false);
    const url = problemsOf(result).find((p) => p.field === "url");
    // The form's description of the field and its placeholder, in both languages.
    expect(url).toMatchObject({
      message: "This field is required but was left empty.",
      zh: "這個欄位必填，但沒有填寫。",
      hint: "Edit the issue and fill it in: The main link: the paper's page (arXiv abs preferred), the dataset or the model card. For example: https://arxiv.org/abs/2306.15195",
      hintZh:
        "請編輯 issue 填寫：主要連結：論文頁面（建議 arXiv abs）、資料集或模型頁。例如：https://arxiv.org/abs/2306.15195",
    });
    const category = problemsOf(result).find((p) => p.field === "category");
    expect(category?.choices?.length).toBeGreaterThan(1);
    // Copyable in the comment: each option in a code span, as the dropdown would have written it.
    const comment = renderIntakeComment(result);
    for (const option of category?.choices ?? []) expect(comment).toContain(`\` ${option} \``);
  });

  it("a wrong category lists the valid ones, the closest first", async () => {
    const result = await runIntake(input({ category: "Segment Anythin" }));
    const category = problemsOf(result).find((p) => p.field === "category");
    expect(category?.choices?.[0]).toBe("影像模型 › Segment Anything [segment-anything]");
    expect(category?.zh).toBe('"Segment Anythin" 不是清單裡的分類。');
    const html = renderComment(renderIntakeComment(result));
    // The closest option is the first one listed under the problem.
    expect(html).toMatch(/<li><code>影像模型 › Segment Anything \[segment-anything\]<\/code><\/li>/);
  });

  it("link problems name their field by the form's label", async () => {
    const result = await runIntake(
      input(
        { links: "Demo | https://demo.example" },
        {
          checkLinks: async (urls) =>
            urls.map((url) => ({
              url,
              verdict: url.includes("demo") ? "dead" : "ok",
              message: "404 Not Found",
            })),
        },
      ),
    );
    expect(problemsOf(result)).toMatchObject([
      {
        field: "links",
        label: "其他連結 / Other links",
        zh: '連結 "https://demo.example" 打不開（網頁不存在）。',
      },
    ]);
    expect(renderIntakeComment(result)).toContain("1. **其他連結 / Other links**\n");
  });

  it("a link pasted with the sentence's punctuation loses it, and the comment says what was cut", async () => {
    const result = await runIntake(input({ url: "https://arxiv.org/abs/2308.00692)." }));
    // Cut, not only reported: kept, it made a dead link, and a listed paper's duplicate went unnoticed.
    expect(result.ok).toBe(true);
    expect(result.ok && result.entry.url).toBe("https://arxiv.org/abs/2308.00692");
    expect(result.findings).toMatchObject([
      {
        field: "url",
        severity: "warning",
        zh: '已刪掉連結最後的標點 ")."。',
        message: 'Removed the punctuation ")." at the end of the link.',
      },
    ]);
    expectBilingualWithFix(result);
    const shown = visibleText(renderComment(renderIntakeComment(result)));
    expect(shown).toContain('Removed the punctuation ")." at the end of the link.');
  });

  it("no rule id or entry id in what the submitter reads; they stay in a hidden marker", async () => {
    const result = await runIntake(
      input(
        {},
        {
          lint: () => [
            {
              ruleId: "text-length",
              severity: "warning",
              message: "the title is long",
              file: "papers.yaml",
              line: 1,
              column: 1,
              entryId: "lisa",
            },
          ],
        },
      ),
    );
    const comment = renderIntakeComment(result);
    const shown = visibleText(renderComment(comment.replace(/```yaml[^]*?```/, "")));
    expect(shown).not.toMatch(/text-length|\(lisa\)|"lisa"/);
    expect(comment.split("\n")[1]).toBe("<!-- papershelf:problems text-length -->");
  });

  it("no invisible character is added: the preview's `<SEG>` renders and copies as written", async () => {
    const body = readFileSync(path.join(ROOT, "tests/fixtures/intake/sample-issue-body.md"), "utf8");
    const result = await runIntake({
      ...input({}),
      body,
      renderEntry: await readmeEntryRenderer(),
      lint: undefined,
    });
    expect(result.ok).toBe(true);
    const comment = renderIntakeComment(result);
    expect(comment).not.toContain("\u200B");
    const text = visibleText(renderComment(comment));
    expect(text).toContain("以 <SEG> token 表示分割請求。");
    expect(text).not.toContain("\u200B");
  });
});

describe("a duplicate submission", () => {
  const data = readFileSync(path.join(ROOT, "data/papers.yaml"), "utf8");
  const readmeText = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const form = readFileSync(path.join(ROOT, ".github/ISSUE_TEMPLATE/submit-paper.yml"), "utf8");

  async function submit(category: string): Promise<IntakeResult> {
    const templates = await readTemplates(path.join(ROOT, "templates"), (file) => readFile(file, "utf8"));
    if (!templates.ok) throw new Error(templates.errors[0]?.message);
    const body = [
      "### 標題 / Title\n\nCounter-Strike Deathmatch with Large-Scale Behavioural Cloning",
      "### 連結 / Link\n\nhttps://arxiv.org/abs/2104.04258",
      "### 類型 / Kind\n\n論文 / paper",
      `### 分類 / Category\n\n${category}`,
      "### 確認 / Confirmation\n\n- [X] 我搜尋過清單，這不是重複的項目 / I searched the list and this is not a duplicate.",
    ].join("\n\n");
    return runIntake({
      body,
      template: form,
      papersText: data,
      now: NOW,
      lint: fixtureLint,
      linkToEntry: createEntryLinker(templates.templates, readmeText, "README.md"),
    });
  }

  it("links the listed entry in the README, says to close the issue, whichever comes first in the file", async () => {
    // The listed paper is in the last category: submitted into the first one, the new entry is inserted
    // before it and the lint reports the listed one; submitted into the same category, the new one.
    const anchors = headingIds(renderGfm(readmeText));
    const gameHeading = anchors.find((h) => h.text.includes("玩遊戲"));
    expect(gameHeading).toBeDefined();
    for (const category of [
      "Multimodal › 圖片理解(Image-to-text等等) [image-to-text]",
      "RL(Reinforcement Learning) › 玩遊戲 [game-playing]",
    ]) {
      const result = await submit(category);
      expect(result.ok).toBe(false);
      const duplicates = problemsOf(result).filter((p) => p.code?.startsWith("duplicate-entry:"));
      expect(duplicates).toHaveLength(1);
      const [dup] = duplicates;
      expect(dup).toMatchObject({
        severity: "error",
        // The submission repeats the listed entry, never the reverse.
        message:
          'This work is already on the list as "Counter-Strike Deathmatch with Large-Scale Behavioural Cloning": both have the same arXiv id 2104.04258.',
        zh: '這篇已經在清單裡了："Counter-Strike Deathmatch with Large-Scale Behavioural Cloning"，兩者有同一個 arXiv 編號 2104.04258。',
        hint: expect.stringContaining("Please close this issue."),
        hintZh: expect.stringContaining("請關閉這個 issue"),
        links: [{ url: `README.md#${gameHeading?.id}` }],
      });
      const comment = renderIntakeComment(result);
      expect(comment).toContain(`(README.md#${gameHeading?.id})`);
      // The entry ids stay out of sight.
      expect(visibleText(renderComment(comment))).not.toMatch(/alex-petrenko|duplicate-entry/);
    }
  });
});
