import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/records/diagnostics.js";
import {
  buildJsonReport,
  escapeCell,
  escapeData,
  escapeProperty,
  formatGithub,
  formatMarkdown,
  formatText,
  SUMMARY_MAX_BYTES,
} from "../../src/report/index.js";

const DIAGNOSTICS: Diagnostic[] = [
  {
    ruleId: "text-length",
    severity: "warning",
    message: "summary is 4001 characters; expected at most 4000",
    file: "data/papers.yaml",
    line: 40,
    column: 14,
    entryId: "glm-130b",
  },
  {
    ruleId: "title-is-slug-or-url",
    severity: "error",
    message: 'title "alex-petrenko/sample-factory" looks like a repository slug (owner/name)',
    file: "data/papers.yaml",
    line: 12,
    column: 12,
    endLine: 12,
    endColumn: 40,
    entryId: "cs-deathmatch",
  },
];

describe("text", () => {
  it("prints file:line:col  rule-id  message sorted by position, then a summary", () => {
    expect(formatText(DIAGNOSTICS, { file: "data/papers.yaml", entries: 56 })).toMatchInlineSnapshot(`
      "data/papers.yaml:12:12  title-is-slug-or-url  title "alex-petrenko/sample-factory" looks like a repository slug (owner/name)
      data/papers.yaml:40:14  warning text-length  summary is 4001 characters; expected at most 4000
      ✖ 1 error, 1 warning in data/papers.yaml (56 entries)
      "
    `);
  });

  it("says so when clean, and how many entries --changed-since covered", () => {
    expect(formatText([], { file: "data/papers.yaml", entries: 56, reportedEntries: 2 })).toBe(
      "✔ no problems in data/papers.yaml (2 changed of 56 entries)\n",
    );
  });
});

describe("json", () => {
  it("has a version, counts and every field present (null, never missing)", () => {
    const report = buildJsonReport(DIAGNOSTICS, { file: "data/papers.yaml", entries: 56 });
    expect(report).toMatchObject({ version: 1, tool: "papershelf", entries: 56, onlyEntries: null });
    expect(report.summary).toEqual({ errors: 1, warnings: 1 });
    expect(report.diagnostics[0]).toEqual({
      ruleId: "title-is-slug-or-url",
      severity: "error",
      message: 'title "alex-petrenko/sample-factory" looks like a repository slug (owner/name)',
      file: "data/papers.yaml",
      line: 12,
      column: 12,
      endLine: 12,
      endColumn: 40,
      entryId: "cs-deathmatch",
      docs: "docs/rules.md#title-is-slug-or-url",
    });
    expect(report.diagnostics[1]).toMatchObject({ endLine: 40, endColumn: 14, entryId: "glm-130b" });
  });
});

describe("github", () => {
  it("escapes %, CR and LF in messages and also : and , in properties", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
  });

  it("writes one workflow command per finding at the record's lines", () => {
    expect(formatGithub(DIAGNOSTICS)).toBe(
      '::error file=data/papers.yaml,line=12,col=12,endLine=12,title=papershelf title-is-slug-or-url,endColumn=40::title "alex-petrenko/sample-factory" looks like a repository slug (owner/name)\n' +
        "::warning file=data/papers.yaml,line=40,col=14,endLine=40,title=papershelf text-length,endColumn=14::summary is 4001 characters; expected at most 4000\n",
    );
  });

  it("leaves out columns when a finding spans several lines", () => {
    const [line] = formatGithub([{ ...DIAGNOSTICS[0]!, endLine: 44, message: "a\nb" }]).split("\n");
    expect(line).toBe(
      "::warning file=data/papers.yaml,line=40,endLine=44,title=papershelf text-length::a%0Ab",
    );
  });
});

describe("markdown", () => {
  it("renders a table of all findings with user text escaped", () => {
    const evil: Diagnostic = { ...DIAGNOSTICS[0]!, message: "a | b <script> `x`\nnext", entryId: "x_y" };
    const out = formatMarkdown([evil], { file: "data/papers.yaml", entries: 3 });
    expect(out).toContain(
      "| ⚠️ | data/papers.yaml:40:14 | text-length | x\\_y | a \\| b \\<script\\> \\`x\\` next |",
    );
    expect(out.split("\n").filter((l) => l.startsWith("|"))).toHaveLength(3);
    expect(out).toContain("⚠️ 1 warning — `data/papers.yaml` in 3 entries");
  });

  it("puts what fails the run (errors) first and links each location to its line on GitHub", () => {
    const later: Diagnostic = { ...DIAGNOSTICS[1]!, line: 90, column: 3 };
    const out = formatMarkdown([DIAGNOSTICS[0]!, later], {
      file: "data/papers.yaml",
      locationUrl: (file, line) => `https://github.com/o/r/blob/abc/${file}#L${line}`,
    });
    const rows = out.split("\n").filter((l) => /^\| (?:❌|⚠️)/.test(l));
    expect(rows.map((r) => r.split(" ")[1])).toEqual(["❌", "⚠️"]);
    expect(rows[0]).toContain(
      "| [data/papers.yaml:90:3](https://github.com/o/r/blob/abc/data/papers.yaml#L90) |",
    );
  });

  it("names the ref when narrowed, and is short when clean", () => {
    expect(formatMarkdown([], { file: "f.yaml", changedOnly: { ref: "origin/main", count: 2 } })).toBe(
      "## papershelf lint\n\n✅ no problems — `f.yaml` in 2 entries changed since `origin/main`\n\n",
    );
  });

  it("stays under GitHub's 1 MiB summary limit and says how many rows it cut", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      ...DIAGNOSTICS[0]!,
      line: i + 1,
      message: "m".repeat(80),
    }));
    const out = formatMarkdown(many, { file: "f.yaml" });
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES + 4096);
    expect(out).toMatch(/…and \d+ more, cut to fit GitHub's 1 MiB summary limit/);
  });

  it("escapes every Markdown-active ASCII character", () => {
    expect(escapeCell("*_[]()#!~&")).toBe("\\*\\_\\[\\]\\(\\)\\#\\!\\~\\&");
  });
});
