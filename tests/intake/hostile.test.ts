/**
 * Hostile submissions: whatever a submitter types, the intake ends in a clear error or in a record whose
 * insertion changes no other byte of the list and whose comment is inert.
 */
import fc from "fast-check";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { parseAtxHeading } from "../../src/markdown/index.js";
import { parseIssueBody } from "../../src/intake/body.js";
import { INTAKE_MARKER, renderIntakeComment } from "../../src/intake/comment.js";
import type { IntakeResult } from "../../src/intake/run.js";
import { removeEntry } from "../../src/records/edit.js";
import { parseRecords } from "../../src/records/parse.js";
import { bodyFor, createIntakeHarness, VALID_ANSWERS } from "./helpers.js";

const harness = await createIntakeHarness();
const { form, original } = harness;

/** Pieces that broke issue parsers, YAML emitters or comment renderers somewhere. */
const TRICKY = [
  "```",
  "~~~",
  "````md",
  "### 標題 / Title",
  "### 摘要 / Summary",
  "### Method",
  "- [ ] todo",
  "- [X] done",
  "None",
  "title: x",
  "- id: evil",
  "entries:",
  "  - id: evil2",
  "<!-- papershelf:intake -->",
  "-->",
  "<script>alert(1)</script>",
  "</details>",
  "@octocat",
  "org/repo#1",
  "\u202Eevil\u202C",
  "\u2066x\u2069",
  "a\u200Bb",
  "\uFEFF",
  "*",
  "&",
  "'",
  '"',
  "|",
  "\\",
  "#",
  "> quote",
  "{{title}}",
  "${{ github.token }}",
];

const trickyText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }), fc.constant("")), {
    maxLength: 12,
  })
  .chain((parts) => fc.constantFrom(parts.join("\n"), parts.join(" "), parts.join("")));

/**
 * CI runs each property a few hundred times, new texts each run; `npm run fuzz` runs the one over every field
 * 20 times as often (FUZZ_SCALE=n to change): a CI seed found `<entries:org/repo#1-->` left live.
 */
const HOSTILE_SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** `plain`: the stand-in preview; otherwise the README's own entry template, as the edges use it. */
function intake(answers: Record<string, string>, crlf = false, plain = false): Promise<IntakeResult> {
  const body = harness.body(answers);
  return harness.run(crlf ? body.replace(/\n/g, "\r\n") : body, { plain });
}

/** The comment outside its record code block: what GitHub renders as Markdown. */
function renderedPart(comment: string): string {
  return comment.split("<details><summary>資料 / Record")[0] ?? comment;
}

/** Harmless tags (no attributes but an image's src/width/alt); any other tag or comment could act. */
const HARMLESS_TAG =
  /^<(?:\/?(?:details|summary|sub|sup|br|p|pre|code)|img src="https?:\/\/[^"<>\s]+"(?: width="\d+%?")?(?: alt="[^"<>]*")?)>$/;
const isHarmlessHtml = (html: string) =>
  html === "<!-- papershelf:intake -->" ||
  (!html.includes("<!--") && (html.match(/<[^>]*>?/g) ?? []).every((t) => HARMLESS_TAG.test(t)));

/** Parses the comment as GitHub would and asserts nothing in it can act: no foreign HTML, no live mention. */
function assertInert(comment: string): void {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(comment) as Root;
  visit(tree, (node) => {
    if (node.type === "html") expect(isHarmlessHtml(node.value), node.value).toBe(true);
    if (node.type === "text") expect(node.value).not.toMatch(/(?:^|[^\w.])@octocat|#1\b/);
  });
  expect(comment).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
}

function assertSafe(result: IntakeResult): void {
  const comment = renderIntakeComment(result);
  expect(comment.split(INTAKE_MARKER)).toHaveLength(2);
  expect(comment.startsWith(INTAKE_MARKER)).toBe(true);
  assertInert(renderedPart(comment));
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
    return;
  }
  // The inserted block is the only change: removing it gives back the original bytes.
  expect(removeEntry(result.newText, result.entry.id, "papers.yaml")).toEqual({ ok: true, text: original });
  const parsed = parseRecords(result.newText, "papers.yaml");
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  expect(parsed.data.entries).toHaveLength(parseRecordsCount() + 1);
  expect(parsed.data.entries.find((e) => e.id === result.entry.id)).toEqual(result.entry);
}

const parseRecordsCount = () => {
  const parsed = parseRecords(original);
  return parsed.ok ? parsed.data.entries.length : -1;
};

describe("hostile submissions", () => {
  it("any text in any field: a clear error, or a byte-exact insertion and an inert comment", async () => {
    const fields = [
      "title",
      "venue",
      "date",
      "arxiv",
      "summary",
      "note",
      "repos",
      "links",
      "image",
      "url",
      "category",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        trickyText,
        fc.boolean(),
        fc.boolean(),
        async (field, text, crlf, plain) => {
          assertSafe(await intake({ [field]: text }, crlf, plain));
        },
      ),
      { numRuns: 200 * HOSTILE_SCALE },
    );
  });

  it("an autolink of another scheme references nothing: GitHub shows it as text (found by the property above)", async () => {
    for (const summary of ["<entries:org/repo#1-->", "see <x-app:@octocat/#1>", "<mailto:a@example.org>"])
      for (const plain of [false, true]) assertSafe(await intake({ summary }, false, plain));
  });

  it("Markdown answers keep ###, fences, checkboxes and None exactly as typed; a field heading is refused", () => {
    const labels = new Set(form.fields.map((f) => f.label));
    // A line GitHub shows as a heading whose text is a field's label: the field's heading.
    const isFieldHeading = (line: string) => labels.has(parseAtxHeading(line)?.content ?? "");
    fc.assert(
      fc.property(trickyText, fc.boolean(), (text, crlf) => {
        const lines = text.replace(/\r/g, "").trimEnd().split("\n");
        while (lines.length > 0 && (lines[0] ?? "").trim() === "") lines.shift();
        const value = lines.join("\n");
        fc.pre(value !== "" && value !== "_No response_");
        const body = bodyFor(form, { ...VALID_ANSWERS, summary: value });
        const result = parseIssueBody(crlf ? body.replace(/\n/g, "\r\n") : body, form);
        // A field's heading typed in the answer (outside a fence) is an error that names it, never a split.
        if (!result.ok && value.split("\n").some(isFieldHeading)) {
          expect(result).toMatchObject({ unreadable: true });
          expect(result.errors.map((e) => e.message).join()).toMatch(/"### .*" appears \d+ times/);
          return;
        }
        expect(result.answers.summary).toBe(value);
        expect(result.answers.title).toBe(VALID_ANSWERS.title);
        expect(result.answers.confirm).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it("YAML injection in a one-line field is refused; in Markdown it stays text inside the record", async () => {
    const title = await intake({ title: "x\n- id: evil\n  title: pwned" });
    expect(title).toMatchObject({
      ok: false,
      errors: [{ field: "title", message: "Should be one line, but has several." }],
    });
    const summary = await intake({ summary: "title: x\n- id: evil\nentries: []" });
    assertSafe(summary);
    expect(summary.ok && summary.entry.summary).toBe("title: x\n- id: evil\nentries: []");
  });

  it("bidi controls are refused with the field named; zero-width characters leave one-line fields", async () => {
    const bidi = await intake({ title: "Shikra\u202E txet" });
    expect(bidi).toMatchObject({
      ok: false,
      errors: [{ field: "title", message: expect.stringContaining("U+202E") }],
    });
    const zw = await intake({ title: "LI\u200BSA: Reasoning\u2060 Segmentation" });
    expect(zw).toMatchObject({ ok: true, entry: { id: "lisa", title: "LISA: Reasoning Segmentation" } });
  });

  it("a 1 MB body is a clear error and an inert comment", async () => {
    const result = await intake({ summary: `${"<b>@octocat</b> ".repeat(70_000)}` });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("GitHub allows at most 65536") }],
    });
    assertSafe(result);
  });
});
