import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS, parseIssueBody } from "../../src/intake/body.js";
import { parseIssueForm, type IssueForm } from "../../src/intake/form.js";
import { bodyFor, fixtureForm } from "./helpers.js";

const SMALL_FORM = `
name: t
description: t
body:
  - type: markdown
    attributes: { value: "hello" }
  - type: input
    id: title
    attributes: { label: 標題 / Title }
    validations: { required: true }
  - type: textarea
    id: summary
    attributes: { label: 摘要 / Summary }
  - type: textarea
    id: code
    attributes: { label: Code, render: python }
  - type: dropdown
    id: kind
    attributes: { label: Kind, options: ["paper", "dataset"] }
  - type: dropdown
    id: tags
    attributes: { label: Tags, multiple: true, options: ["a, b", "a", "c"] }
  - type: checkboxes
    id: confirm
    attributes:
      label: Confirm
      options:
        - label: Not a duplicate
          required: true
        - label: Optional box
`;

function smallForm(): IssueForm {
  const result = parseIssueForm(SMALL_FORM);
  if (!result.ok) throw new Error(result.errors.join());
  return result.form;
}

const section = (label: string, value: string) => `### ${label}\n\n${value}`;
const body = (parts: Record<string, string>) =>
  [
    section("標題 / Title", parts.title ?? "A title"),
    section("摘要 / Summary", parts.summary ?? "_No response_"),
    section("Code", parts.code ?? "```python\n\n```"),
    section("Kind", parts.kind ?? "None"),
    section("Tags", parts.tags ?? "None"),
    section("Confirm", parts.confirm ?? "- [X] Not a duplicate\n- [ ] Optional box"),
  ].join("\n\n");

const answersOf = (text: string) => parseIssueBody(text, smallForm()).answers;

describe("parseIssueBody", () => {
  it("reads a body saved with a byte-order mark (intake --body file.md) from its first field", () => {
    const result = parseIssueBody(`\uFEFF${body({ title: "BOM title" })}`, smallForm());
    expect(result).toMatchObject({ ok: true, answers: { title: "BOM title" }, warnings: [] });
  });

  it("reads fields whose headings were moved into another order, each once", () => {
    const sections = [
      section("摘要 / Summary", "一段摘要"),
      section("Kind", "dataset"),
      section("Code", "```python\n\n```"),
      section("標題 / Title", "Moved title"),
      section("Confirm", "- [X] Not a duplicate"),
      section("Tags", "None"),
    ];
    const result = parseIssueBody(sections.join("\n\n"), smallForm());
    expect(result).toMatchObject({
      ok: true,
      answers: { title: "Moved title", summary: "一段摘要", kind: "dataset", confirm: ["Not a duplicate"] },
      warnings: [],
    });
    // Reversed entirely.
    const reversed = parseIssueBody(
      [
        section("Confirm", "- [X] Not a duplicate"),
        section("Kind", "paper"),
        section("標題 / Title", "Last"),
      ].join("\n\n"),
      smallForm(),
    );
    expect(reversed).toMatchObject({ ok: true, answers: { title: "Last", kind: "paper" } });
    // A field's heading twice is still an error, not a guess, whatever the order.
    const again = parseIssueBody(body({ summary: "before\n### 標題 / Title\nafter" }), smallForm());
    expect(again.ok).toBe(false);
    expect(JSON.stringify(again)).toContain("appears 2 times");
  });

  it("reads a field's heading in any form GitHub shows as a heading: ##, indented, closed with #", () => {
    for (const heading of [
      "## 摘要 / Summary",
      " ### 摘要 / Summary",
      "###\t摘要 / Summary",
      "### 摘要 / Summary ###",
    ]) {
      const text = body({}).replace("### 摘要 / Summary\n\n_No response_", `${heading}\n\n一段摘要`);
      expect(text, heading).toContain(heading);
      const result = parseIssueBody(text, smallForm());
      expect({ heading, summary: result.answers.summary, warnings: result.ok && result.warnings }).toEqual({
        heading,
        summary: "一段摘要",
        warnings: [],
      });
    }
  });

  it("maps headings to field ids through the form's labels", () => {
    const result = parseIssueBody(body({ summary: "一段摘要", kind: "dataset" }), smallForm());
    expect(result).toMatchObject({
      ok: true,
      answers: {
        title: "A title",
        summary: "一段摘要",
        code: "",
        kind: "dataset",
        tags: [],
        confirm: ["Not a duplicate"],
      },
      warnings: [],
    });
  });

  it("reads _No response_ as empty, and None as empty only for dropdowns", () => {
    expect(answersOf(body({ summary: "None" }))).toMatchObject({ summary: "None", kind: "" });
    expect(answersOf(body({ summary: "_No response_" })).summary).toBe("");
    // An answer written under the placeholder when the issue was edited later.
    expect(answersOf(body({ summary: "_No response_\n\nActually, see v2 of the paper." })).summary).toBe(
      "Actually, see v2 of the paper.",
    );
    // The placeholder's words inside an answer are the answer's.
    expect(answersOf(body({ summary: "Said _No response_ twice." })).summary).toBe(
      "Said _No response_ twice.",
    );
  });

  it("keeps a ### line inside a backtick or tilde fence as part of the value", () => {
    for (const fence of ["```", "~~~", "````md"]) {
      const close = fence.replace(/md$/, "");
      const value = `Before\n${fence}\n### Kind\n\n### 標題 / Title\n${close}\nAfter`;
      expect(answersOf(body({ summary: value })).summary).toBe(value);
    }
  });

  it("keeps a stray ### heading that is not a label in the answer, with a warning", () => {
    const result = parseIssueBody(body({ summary: "Intro\n\n### Method\n\nDetails" }), smallForm());
    expect(result.answers.summary).toBe("Intro\n\n### Method\n\nDetails");
    expect(result.warnings).toMatchObject([
      { field: "summary", message: expect.stringContaining('"Method"') },
    ]);
  });

  it("refuses a field heading typed inside an answer instead of guessing where the answer ends", () => {
    // "### Kind" in the 摘要 and the real "### Kind" below it: which one starts the field is a guess.
    const text = body({ summary: "intro\n### Kind\nmore summary", kind: "paper" });
    expect(parseIssueBody(text, smallForm())).toMatchObject({
      ok: false,
      errors: [
        {
          severity: "error",
          message:
            'The heading "### Kind" appears 2 times (lines 8 and 17); GitHub writes each field\'s heading once.',
          zh: '標題行 "### Kind" 出現了 2 次（第 8、17 行），但 GitHub 每個欄位只寫一次。',
          hint: expect.stringContaining("inside a code fence"),
          hintZh: expect.stringContaining("程式碼區塊"),
        },
      ],
      warnings: [],
      unreadable: true,
    });
    // Inside a fence the same line is text, as the hint says.
    const fenced = body({ summary: "intro\n```\n### Kind\n```\nmore summary", kind: "paper" });
    expect(parseIssueBody(fenced, smallForm())).toMatchObject({
      ok: true,
      answers: { summary: "intro\n```\n### Kind\n```\nmore summary", kind: "paper" },
    });
  });

  it("refuses an earlier field's heading repeated inside a later answer too", () => {
    const result = parseIssueBody(body({ summary: "x\n### 標題 / Title\ny" }), smallForm());
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('"### 標題 / Title" appears 2 times (lines 1 and 8)') }],
    });
  });

  it("treats - [ ] in a textarea as text, and reads x and X in checkboxes", () => {
    expect(answersOf(body({ summary: "- [ ] todo\n- [x] done" })).summary).toBe("- [ ] todo\n- [x] done");
    expect(answersOf(body({ confirm: "- [x] Not a duplicate\n- [X] Optional box" })).confirm).toEqual([
      "Not a duplicate",
      "Optional box",
    ]);
  });

  it("reports an unticked required checkbox and checkbox lines that are not the form's", () => {
    const unticked = parseIssueBody(
      body({ confirm: "- [ ] Not a duplicate\n- [ ] Optional box" }),
      smallForm(),
    );
    expect(unticked).toMatchObject({
      ok: false,
      errors: [
        {
          field: "confirm",
          message: '"Not a duplicate" is not ticked.',
          zh: '還沒有勾選 "Not a duplicate"。',
          hint: "Edit the issue and tick this box once you have checked it.",
        },
      ],
    });
    const edited = parseIssueBody(
      body({ confirm: "- [X] Not a duplicate\n- [X] I changed this" }),
      smallForm(),
    );
    expect(edited).toMatchObject({ ok: false, errors: [{ field: "confirm" }] });
  });

  it("unwraps a render textarea and reads an empty render fence as empty", () => {
    expect(answersOf(body({ code: "```python\nprint(1)\n```" })).code).toBe("print(1)");
    expect(answersOf(body({})).code).toBe("");
  });

  it("splits multi-select answers by the options, so an option with a comma survives", () => {
    expect(answersOf(body({ tags: "a, b, c" })).tags).toEqual(["a, b", "c"]);
    expect(answersOf(body({ tags: "a, c" })).tags).toEqual(["a", "c"]);
  });

  it("normalises CRLF and lone CR line endings", () => {
    const text = body({ summary: "line 1\nline 2" });
    expect(parseIssueBody(text.replace(/\n/g, "\r\n"), smallForm()).answers).toEqual(answersOf(text));
    expect(parseIssueBody(text.replace(/\n/g, "\r"), smallForm()).answers).toEqual(answersOf(text));
  });

  it("reports a missing required field and an empty required field by field", () => {
    const missing = parseIssueBody(body({}).replace(/### 標題 \/ Title\n\nA title\n\n/, ""), smallForm());
    expect(missing).toMatchObject({
      ok: false,
      errors: [
        {
          field: "title",
          label: "標題 / Title",
          message: "This field is missing from the issue body.",
          zh: "issue 內文裡少了這個欄位。",
          hint: 'Edit the issue and add the line "### 標題 / Title", then a blank line and your answer.',
        },
      ],
    });
    const empty = parseIssueBody(body({ title: "_No response_" }), smallForm());
    expect(empty).toMatchObject({
      ok: false,
      errors: [{ field: "title", message: expect.stringContaining("required") }],
    });
  });

  it("warns about text before the first field and about unknown headings there", () => {
    const result = parseIssueBody(`Hello\n### Something\n\n${body({})}`, smallForm());
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.line)).toEqual([1, 2]);
  });

  it("does not let an unclosed fence in one answer swallow the fields after it", () => {
    const result = parseIssueBody(body({ summary: "```\nnever closed", kind: "paper" }), smallForm());
    expect(result.answers).toMatchObject({
      summary: "```\nnever closed",
      kind: "paper",
      confirm: ["Not a duplicate"],
    });
  });

  it("refuses a body longer than GitHub allows, with a clear error", () => {
    const result = parseIssueBody(body({ summary: "x".repeat(1024 * 1024) }), smallForm());
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining(`at most ${MAX_BODY_CHARS}`) }],
    });
  });

  it("reads a full submission body written for the real form", () => {
    const form = fixtureForm();
    const answers = { title: "T", url: "https://example.org", kind: "論文 / paper", category: "x" };
    const result = parseIssueBody(bodyFor(form, answers), form);
    expect(result).toMatchObject({
      ok: true,
      answers: { title: "T", url: "https://example.org", arxiv: "", repos: "" },
    });
  });
});
