/** Issue 12, findings 4–6: text that leaves for GitHub notifies, references and closes nothing. */
import { describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/check/index.js";
import { escapeMarkdownText, neutralizeMarkdown } from "../../src/intake/markdown-safe.js";
import { breakNotifications, inertText } from "../../src/markdown/index.js";
import { renderCheckMarkdown as renderMarkdown } from "../../src/report/index.js";

const ZWSP = "\u200B";
/** What GitHub would still act on: a mention after a non-word character, a reference, a closing keyword. */
const MENTION = /(?:^|[^\p{L}\p{N}_])@[\p{L}\p{N}]/u;
const REFERENCE = /#\d|\bgh-\d/i;
const KEYWORD = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b/i;
const live = (text: string) => MENTION.test(text) || REFERENCE.test(text) || KEYWORD.test(text);

describe("breakNotifications", () => {
  it("breaks mentions after any non-word character, as GitHub finds them", () => {
    for (const text of [".@hubot", "-@monalisa", "/@defunkt", "(@x)", "@@x", "&#64;x", "cc @octocat"]) {
      const out = breakNotifications(text);
      expect(out.replaceAll(ZWSP, "")).toBe(text);
      expect(out, text).not.toMatch(/(?:^|[^\p{L}\p{N}_])@[\p{L}\p{N}]/u);
    }
    expect(breakNotifications("mail a@b.org")).toBe("mail a@b.org");
  });

  it("breaks issue references and closing keywords in any position and case", () => {
    for (const text of [
      "see #1",
      "other/repo#2",
      "GH-7 and gh-8",
      "Closes https://github.com/o/r/issues/3",
      "this FIXES: #4",
      "resolved other/repo#5",
      "Fixes #12: a title",
    ]) {
      const out = breakNotifications(text);
      expect(out.replaceAll(ZWSP, "")).toBe(text);
      expect(live(out), out).toBe(false);
    }
  });
});

describe("text bound for comments, pull requests and issues", () => {
  it("escapeMarkdownText (titles, messages) is inert", () => {
    const out = escapeMarkdownText("Fixes #12: .@hubot <b>x</b>\n-@monalisa GH-7");
    expect(live(out)).toBe(false);
    expect(out).not.toMatch(/<b>|\n/);
  });

  it("neutralizeMarkdown (the preview) breaks keywords and references before autolinks, keeps the link", () => {
    const out = neutralizeMarkdown("Closes https://github.com/o/r/issues/9 and /@defunkt, GH-7.");
    expect(out).toContain("https://github.com/o/r/issues/9");
    expect(live(out)).toBe(false);
  });

  it("the health report quotes a forged Location inertly", () => {
    const location = "data:,@octocat cc #1 and other/repo#2";
    const report: CheckReport = {
      version: 1,
      startedAt: "2026-03-01T12:00:00.000Z",
      finishedAt: "2026-03-01T12:00:01.000Z",
      summary: {
        links: {
          ok: 0,
          redirect: 1,
          soft404: 0,
          dead: 0,
          timeout: 0,
          blocked: 0,
          error: 0,
          excluded: 0,
          cached: 0,
        },
        repos: { ok: 0, archived: 0, renamed: 0, missing: 0, error: 0 },
      },
      links: [
        {
          url: "https://example.org/moved",
          verdict: "redirect",
          suggestion: location,
          message: `moved permanently (301) to ${location}`,
          redirects: [],
          attempts: 1,
          durationMs: 1,
          checkedAt: "2026-03-01T12:00:00.000Z",
          source: "network",
          locations: [{ file: "data/papers.yaml", line: 3, column: 10, entryId: "x" }],
        },
      ],
      repos: [],
      notes: [`Closes #3 ${location}`],
      stats: { httpRequests: 1, graphqlRequests: 0 },
    } as unknown as CheckReport;
    const md = renderMarkdown(report);
    expect(md).toContain("<https://example.org/moved>");
    expect(live(md.replace(/^\| .*$/gm, ""))).toBe(false);
    expect(md).not.toContain(`<${location}>`);
  });

  it("inertText leaves nothing GitHub would render as Markdown", () => {
    expect(inertText("**b** [l](u) <i> # h")).toBe("\\*\\*b\\*\\* \\[l\\]\\(u\\) \\<i\\> \\# h");
  });
});
