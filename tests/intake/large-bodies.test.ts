/**
 * Bodies of 50–65 KB, the most GitHub lets a submitter send: each ends in a clear error on its field and a
 * comment GitHub accepts, never in a stalled or crashed step. No timing is asserted; before the Markdown
 * limits the first one threw RangeError and the second took ~11 s a parse (and was accepted).
 */
import { describe, expect, it } from "vitest";
import { INTAKE_MARKER, renderIntakeComment } from "../../src/intake/comment.js";
import { fencedBlock, neutralizeMarkdown } from "../../src/intake/markdown-safe.js";
import { runIntake, type IntakeRenderEntry } from "../../src/intake/run.js";
import { fixtureForm, fixtureTemplate, NOW, papersText, readmeEntryRenderer } from "./helpers.js";
import { largeBody } from "./large-bodies.js";

const form = fixtureForm();
const readme = await readmeEntryRenderer();

async function intake(body: string, renderEntry: IntakeRenderEntry = readme) {
  return runIntake({ body, template: fixtureTemplate(), papersText: papersText(), now: NOW, renderEntry });
}

describe("50–65 KB Markdown in the 摘要", () => {
  const cases = [
    ["60,000 >", /is too deeply nested: line 1 opens 60,000 levels/],
    ["*a × 30,000", /is too complex: more than 2,000 emphasis marks and brackets/],
    ["14,000 paragraphs", /is too long: 27,999 lines; at most 1,000/],
  ] as const;

  it.each(cases)(
    "%s: a clear error on 摘要, before any renderer or parser sees it",
    async (name, message) => {
      const body = largeBody(form, name);
      expect(body.length).toBeGreaterThan(40_000);
      expect(body.length).toBeLessThanOrEqual(65_536);
      let rendered = 0;
      const result = await intake(body, (entry) => {
        rendered++;
        return readme(entry);
      });
      expect(result).toMatchObject({
        ok: false,
        errors: [{ field: "summary", label: "摘要 / Summary", message: expect.stringMatching(message) }],
      });
      expect(rendered).toBe(0);
      const comment = renderIntakeComment(result);
      expect(comment.length).toBeLessThanOrEqual(65_536);
      expect(comment.split(INTAKE_MARKER)).toHaveLength(2);
      expect(comment).toMatch(
        /\*\*摘要 \/ Summary\*\*\n {3}\S[^\n]*[\u4E00-\u9FFF][^\n]*\n {3}The text is too/,
      );
    },
  );

  it("a renderer that still fails on a record is an error for the submitter, not a thrown step", async () => {
    const result = await intake(largeBody(form, "60,000 >").replace(/>{60000}/, "fine"), () => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("too deeply nested or too complex") }],
    });
  });
});

describe("2,000 repository lines", () => {
  it("is one error on the repositories field and not a single link request", async () => {
    const body = largeBody(form, "2,000 repository lines");
    expect(body.length).toBeGreaterThan(50_000);
    expect(body.length).toBeLessThanOrEqual(65_536);
    const requested: string[] = [];
    const result = await runIntake({
      body,
      template: fixtureTemplate(),
      papersText: papersText(),
      now: NOW,
      checkLinks: async (urls) => {
        requested.push(...urls);
        return urls.map((url) => ({ url, verdict: "ok", message: "200" }));
      },
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          field: "repos",
          message: "Lists 2,000 repositories; at most 10.",
          hint: expect.stringContaining("paper's page"),
        },
      ],
    });
    expect(requested).toEqual([]);
    expect(renderIntakeComment(result).length).toBeLessThanOrEqual(65_536);
  });
});

describe("neutralizeMarkdown on Markdown no parser should see", () => {
  it("shows too deep or too complex Markdown as a fenced block instead of parsing it", () => {
    for (const text of [">".repeat(60_000), "*a".repeat(30_000), "- ".repeat(20_000) + "x"])
      expect(neutralizeMarkdown(text)).toBe(fencedBlock(text));
  });

  it("still neutralises ordinary nesting in place", () => {
    expect(neutralizeMarkdown("> > - @octocat <script>")).toBe("> > - @\u200Boctocat &lt;script>");
  });
});
