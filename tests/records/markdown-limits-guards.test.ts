/**
 * Hand-edited records can hold Markdown that Markdown parsers do not survive (60,000 nested `>` overflow
 * remark's stack; 20,000 nested `- ` take minutes). Every stage that parses record Markdown must stay up.
 */
import { describe, expect, it } from "vitest";
import { extractMarkdownUrls } from "../../src/check/extract/markdown.js";
import { lintList } from "../../src/lint/index.js";
import { parseRecords } from "../../src/records/parse.js";
import { sanitizeMarkdown } from "../../src/render/sanitize-markdown.js";

const DEEP_QUOTES = `${">".repeat(60_000)} see https://example.org/deep`;
const DEEP_LIST = Array.from({ length: 20_000 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n");

describe("Markdown past the parsers' limits", () => {
  it("renders as inert text in a code fence instead of crashing or hanging", () => {
    for (const text of [DEEP_QUOTES, DEEP_LIST.slice(0, 200_000)]) {
      const out = sanitizeMarkdown(`${text}\n<script>x</script>`);
      expect(out.startsWith("```text\n")).toBe(true);
      expect(out.endsWith("\n```")).toBe(true);
      expect(out).toContain("<script>x</script>");
    }
  });

  it("is a lint finding on the 摘要's line, not a crash", () => {
    // Short enough for the text-length rule to pass it on to the Markdown rules.
    const deep = `${">".repeat(3_500)} [quoted](https://example.org/q)`;
    const yaml = `categories:\n  - id: llm\n    title: LLM\nentries:\n  - id: deep\n    title: Deep\n    url: https://arxiv.org/abs/2306.15195\n    kind: paper\n    category: llm\n    date: "2023-06"\n    summary: |\n      plain first line\n      ${deep}\n`;
    const parsed = parseRecords(yaml);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    const findings = lintList(parsed, { now: new Date("2026-11-29T00:00:00Z") });
    const finding = findings.find((d) => d.ruleId === "markdown-structure");
    expect(finding?.message).toMatch(/too deeply nested/);
    expect(finding?.line).toBe(13);
  });

  it("still yields the URLs for the link check", () => {
    expect(extractMarkdownUrls(DEEP_QUOTES).map((u) => u.url)).toEqual(["https://example.org/deep"]);
  });
});
