import { describe, expect, it } from "vitest";
import { INTAKE_MARKER, renderIntakeComment } from "../../src/intake/comment.js";
import {
  breakMentions,
  codeSpan,
  escapeMarkdownText,
  fencedBlock,
  neutralizeMarkdown,
} from "../../src/intake/markdown-safe.js";
import { runIntake, type IntakeInput } from "../../src/intake/run.js";
import { bodyFor, fixtureForm, fixtureTemplate, NOW, papersText, VALID_ANSWERS } from "./helpers.js";

const input = (answers: Record<string, string>): IntakeInput => ({
  body: bodyFor(fixtureForm(), { ...VALID_ANSWERS, ...answers }),
  template: fixtureTemplate(),
  papersText: papersText(),
  now: NOW,
});

const countMarkers = (text: string) => text.split(INTAKE_MARKER).length - 1;

describe("renderIntakeComment", () => {
  it("starts with the marker and shows the preview and the record for a valid submission", async () => {
    const comment = renderIntakeComment(await runIntake(input({})), {
      pullRequestUrl: "https://github.com/o/r/pull/7",
    });
    expect(comment.startsWith(`${INTAKE_MARKER}\n### ✅ 可以加入 / Ready to add`)).toBe(true);
    expect(comment).toContain("> ### [LISA: Reasoning Segmentation via Large Language Model]");
    expect(comment).toContain("Pull request: https://github.com/o/r/pull/7");
    expect(comment).toContain("```yaml\n- id: lisa\n");
  });

  it("lists each problem with its field label and how to fix it", async () => {
    const comment = renderIntakeComment(await runIntake(input({ date: "2023-02-30", title: "" })));
    expect(comment).toContain("### ❌ 需要修改 / Needs changes");
    // The field's label, then the Chinese sentence and its fix, then the English ones.
    expect(comment).toContain(
      [
        "1. **標題 / Title**",
        "   這個欄位必填，但沒有填寫。請寫上論文標題，或在連結欄給 arXiv 連結或編號，標題會自動填入。",
        "   This field is required but was left empty\\. Write the paper's title, or give an arXiv link or id so it is filled in\\.",
      ].join("\n"),
    );
    expect(comment).toContain("2. **日期 / Date**\n   2023\\-02 沒有 30 日。請寫成 2023\\-06\\-27");
    expect(comment).toContain("   2023\\-02 has no day 30\\. Write it as 2023\\-06\\-27");
  });

  it("speaks the list's languages: English alone, Chinese alone, or both", async () => {
    const invalid = await runIntake(input({ date: "2023-02-30", title: "" }));
    const english = renderIntakeComment(invalid, { languages: ["en"] });
    expect(english).toContain(
      "### ❌ Needs changes\n\nEdit this issue to fix the problems below; the bot checks again.",
    );
    expect(english).toContain("**Problems**");
    // The label is the form's own (this fixture's form is bilingual); the sentences are English only.
    expect(english).toContain("1. **標題 / Title**\n   This field is required but was left empty");
    for (const chinese of ["需要修改", "請編輯", "問題", "這個欄位必填", "沒有 30 日"])
      expect(english).not.toContain(chinese);

    const valid = await runIntake(input({}));
    const englishValid = renderIntakeComment(valid, {
      languages: ["en"],
      pullRequestUrl: "https://github.com/o/r/pull/7",
    });
    expect(englishValid).toContain("### ✅ Ready to add");
    expect(englishValid).toContain("#### Preview");
    expect(englishValid).toContain("<details><summary>Record (data/papers.yaml)</summary>");
    expect(englishValid).toContain("\nPull request: https://github.com/o/r/pull/7");
    for (const chinese of ["可以加入", "預覽", "資料", "合併請求"])
      expect(englishValid).not.toContain(chinese);

    const chinese = renderIntakeComment(invalid, { languages: ["zh-TW"] });
    expect(chinese).toContain("### ❌ 需要修改\n\n請編輯這個 issue");
    expect(chinese).toContain("1. **標題 / Title**\n   這個欄位必填");
    for (const english of ["Needs changes", "Edit this issue", "This field is required"])
      expect(chinese).not.toContain(english);

    // Without languages (papershelf's own list names none), and with both: both, 中文 first.
    expect(renderIntakeComment(invalid, { languages: ["zh-TW", "en"] })).toBe(renderIntakeComment(invalid));
  });

  it("neutralises markers, HTML and mentions in everything the submitter wrote", async () => {
    const evil = `<!-- papershelf:intake --> <script>alert(1)</script> @octocat #1 </details> ### ✅ Ready`;
    const ok = renderIntakeComment(
      await runIntake(input({ summary: evil, title: "Evil: @octocat <b>x</b>" })),
    );
    expect(countMarkers(ok)).toBe(1);
    // Outside the record's code block (where text is shown, never rendered) nothing is live.
    const [rendered, record] = ok.split("<details><summary>資料 / Record (data/papers.yaml)</summary>");
    expect(rendered).not.toMatch(/<script|<b>|@octocat|#1\b|^<\/details> ###/m);
    expect(record).toMatch(/^\n\n(`{3,})yaml\n[^]*\n\1\n\n<\/details>\n$/);
    const bad = renderIntakeComment(
      await runIntake(input({ date: `<!-- papershelf:intake --> @octocat`, title: "" })),
    );
    expect(countMarkers(bad)).toBe(1);
    // A mention quoted back is shown in a code span, where GitHub links nothing (no invisible break needed).
    expect(bad).toContain("` @octocat `");
    expect(bad.replaceAll("` @octocat `", "")).not.toMatch(/@octocat|<!-- papershelf:intake --> @/);
  });

  it("stays under GitHub's comment limit for the largest body GitHub accepts", async () => {
    const comment = renderIntakeComment(await runIntake(input({ summary: "長".repeat(60_000) })));
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(countMarkers(comment)).toBe(1);
  });

  it("does not link a pull request URL that is not a plain https URL", async () => {
    const comment = renderIntakeComment(await runIntake(input({})), {
      pullRequestUrl: "javascript:alert(1)",
    });
    expect(comment).not.toContain("javascript");
  });
});

describe("markdown-safe", () => {
  it("escapes plain text so it renders as itself", () => {
    expect(escapeMarkdownText("a *b* [c](d) <e> & f\ng")).toBe("a \\*b\\* \\[c\\]\\(d\\) \\<e\\> &amp; f g");
  });

  it("breaks mentions and references but not e-mail addresses or URLs' paths", () => {
    expect(breakMentions("@octocat, org/repo#12 and a@b.org")).toBe(
      "@\u200Boctocat, org/repo#\u200B12 and a@b.org",
    );
  });

  it("breaks a mention right after another @ (GitHub links the second one: (?:^|\\W)@name)", () => {
    expect(breakMentions("@@octocat and x@@y")).toBe("@@\u200Boctocat and x@@\u200By");
  });

  it("fences and code spans cannot be closed by their content", () => {
    expect(fencedBlock("```\nx\n````", "yaml")).toBe("`````yaml\n```\nx\n````\n`````");
    expect(codeSpan("a ``b`` c")).toBe("``` a ``b`` c ```");
  });

  it("keeps the renderer's own tags, shows any other HTML as text, leaves code alone", () => {
    const md = [
      '<img src="https://x.org/a.png" width="50%" alt="fig">',
      "",
      "<details><summary>摘要</summary>",
      "",
      "text <b onclick=x>bold</b> @someone",
      "",
      "</details>",
      "",
      "`@code <i>` [@link](https://x.org/@user) https://x.org/@user",
    ].join("\n");
    expect(neutralizeMarkdown(md)).toBe(
      [
        '<img src="https://x.org/a.png" width="50%" alt="fig">',
        "",
        "<details><summary>摘要</summary>",
        "",
        "text &lt;b onclick=x>bold&lt;/b> @\u200Bsomeone",
        "",
        "</details>",
        "",
        "`@code <i>` [@\u200Blink](https://x.org/@user) https://x.org/@user",
      ].join("\n"),
    );
  });
});

describe("breakMentions with character references", () => {
  it("breaks mentions and references written as entities, which GitHub decodes before linking", () => {
    expect(breakMentions("&#64;octocat org/repo&#35;12 &#x40;a &#12;")).toBe(
      "&#64;\u200Boctocat org/repo&#35;\u200B12 &#x40;\u200Ba &#12;",
    );
  });
});
