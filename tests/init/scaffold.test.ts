/** init's pure part: what it makes must validate, lint clean, build unchanged, and take a submission. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAPERSHELF_REPOSITORY } from "../../src/papershelf-repository.js";
import { parseCategories, scaffoldList, WORKFLOW_FILES, type InitAnswers } from "../../src/init/index.js";
import { categoryOptions } from "../../src/intake/form-categories.js";
import { parseIssueForm } from "../../src/intake/form.js";
import { runIntake } from "../../src/intake/run.js";
import { lintList } from "../../src/lint/index.js";
import { parseRecords } from "../../src/records/parse.js";
import { parseConfig } from "../../src/config/load.js";
import { runGenerators } from "../../src/build/generators.js";
import { readmeGenerator } from "../../src/build/readme-file.js";
import { checkWorkflowPolicy } from "../../scripts/workflow-policy.js";

const TEMPLATES = Object.fromEntries(
  readdirSync("templates", { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative("templates", path.join(e.parentPath, e.name)))
    .map((f) => [f, readFileSync(path.join("templates", f), "utf8")]),
);
const PIN = { repository: PAPERSHELF_REPOSITORY, commit: "a".repeat(40), version: "1.2.3" };
const NOW = new Date("2026-12-01T00:00:00Z");

function answers(languages: InitAnswers["languages"], categories = "Language models, Vision"): InitAnswers {
  const parsed = parseCategories(categories);
  if (!parsed.ok) throw new Error(parsed.message);
  return { name: "My papers", languages, categories: parsed.value };
}

async function scaffold(a: InitAnswers): Promise<Map<string, string>> {
  const result = await scaffoldList({ answers: a, templates: TEMPLATES, pin: PIN });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return new Map(result.files.map((f) => [f.path, f.text]));
}

function body(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([label, answer]) => `### ${label}\n\n${answer}`)
    .join("\n\n");
}

describe("scaffoldList", () => {
  it("writes every file of a list, and records that validate and lint without a finding", async () => {
    const files = await scaffold(answers(["en"]));
    const sorted = (paths: string[]) => paths.sort((a, b) => a.localeCompare(b));
    expect([...files.keys()]).toEqual(
      sorted([
        ".github/dependabot.yml",
        ".github/ISSUE_TEMPLATE/config.yml",
        ".github/ISSUE_TEMPLATE/report-entry.yml",
        ".github/ISSUE_TEMPLATE/submit-paper.yml",
        ".github/workflows/health.yml",
        ".github/workflows/intake.yml",
        ".github/workflows/main.yml",
        ".github/workflows/pages.yml",
        ".github/workflows/review.yml",
        ".gitignore",
        ".papershelf.yml",
        "data/papers.yaml",
        "README.md",
        "schemas/papers.schema.json",
        ...Object.keys(TEMPLATES)
          .sort()
          .map((f) => `templates/${f}`),
      ]),
    );
    const data = files.get("data/papers.yaml") ?? "";
    expect(data.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/papers.schema.json");
    const parsed = parseRecords(data);
    expect(parsed.ok && parsed.data.entries.map((e) => e.category)).toEqual(["language-models"]);
    expect(lintList(parsed, { now: NOW })).toEqual([]);
  });

  it("generates the README zones and the form's categories as `build` does", async () => {
    const files = await scaffold(answers(["en"]));
    const readme = files.get("README.md") ?? "";
    // The site zone leads, empty: no site.url yet, so no site line above the title.
    expect(readme).toMatch(
      /^<!-- papershelf:begin site -->\n\n<!-- papershelf:end site -->\n\n# My papers\n/,
    );
    expect(readme).toContain("**[Language models](#language-models)** (1) · **[Vision](#vision)** (0)");
    expect(readme).not.toContain("<summary>Subcategories</summary>"); // a flat list needs no fold
    expect(readme).toContain("**[Attention Is All You Need](https://arxiv.org/abs/1706.03762)**");
    expect(readme).toContain("<summary>Summary</summary>");
    const form = parseIssueForm(files.get(".github/ISSUE_TEMPLATE/submit-paper.yml") ?? "");
    if (!form.ok) throw new Error(form.errors.join("\n"));
    const parsed = parseRecords(files.get("data/papers.yaml") ?? "");
    if (!parsed.ok) throw new Error("invalid");
    expect(form.form.fields.find((f) => f.id === "category")?.options).toEqual(
      categoryOptions(parsed.data.categories).map((o) => o.text),
    );
    expect(files.get(".github/ISSUE_TEMPLATE/submit-paper.yml")).not.toMatch(/[&*]a\d/); // no YAML aliases
  });

  it("writes callers pinned to the commit, with least privilege, that pass the workflow policy", async () => {
    const files = await scaffold(answers(["en"]));
    for (const name of WORKFLOW_FILES) {
      const text = files.get(`.github/workflows/${name}.yml`) ?? "";
      expect(checkWorkflowPolicy(name, text)).toEqual([]);
      expect(text).toContain(
        `uses: ${PAPERSHELF_REPOSITORY}/.github/workflows/papershelf-${name}.yml@${"a".repeat(40)} # v1.2.3`,
      );
      expect(text).toContain(`papershelf-ref: ${"a".repeat(40)}`);
      // The reusable workflow checks papershelf out from these two: a fork named in `uses:` must be named here.
      expect(text).toContain(`papershelf-repository: ${PAPERSHELF_REPOSITORY}\n`);
      expect(
        text.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#")).length,
      ).toBeLessThanOrEqual(17);
    }
    expect(files.get(".github/workflows/review.yml")).toMatch(/permissions:\n {6}contents: read\n/);
    // Pages: the deploy job's two permissions, and read access for the build.
    expect(files.get(".github/workflows/pages.yml")).toMatch(
      /permissions:\n {6}contents: read.*\n {6}pages: write.*\n {6}id-token: write.*\n/,
    );
  });

  it("says the templates' words in the list's languages, and links the site once site.url is set", async () => {
    const files = await scaffold(answers(["en"]));
    expect(files.get("templates/toc.md.hbs")).toContain("<summary>Subcategories</summary>");
    expect(files.get("templates/site.md.hbs")).toBe("**[Search, filter and cite on the site]({{url}})**\n");
    const both = await scaffold(answers(["zh-TW", "en"]));
    expect(both.get("templates/toc.md.hbs")).toContain("<summary>子分類 / Subcategories</summary>");

    // The adopter publishes the site and sets site.url: the next build puts the link on the first line.
    const config = parseConfig(`${files.get(".papershelf.yml")}site:\n  url: https://me.github.io/papers/\n`);
    const parsed = parseRecords(files.get("data/papers.yaml") ?? "");
    if (!config.ok || !parsed.ok) throw new Error("the scaffolded config or data does not parse");
    const [readme] = await runGenerators(
      {
        config: config.config,
        data: parsed.data,
        readText: async (f) => files.get(f),
        displayPath: (f) => f,
      },
      [readmeGenerator],
    );
    if (!readme?.result.ok) throw new Error("build failed");
    const body = readme.result.text.split("\n").filter((l) => l !== "" && !l.startsWith("<!--"));
    expect(body[0]).toBe("**[Search, filter and cite on the site](https://me.github.io/papers/)**");
    expect(body[1]).toBe("# My papers");
  });

  it("labels the form in every language and takes a submission in the list's words", async () => {
    const files = await scaffold(answers(["zh-TW", "en"], "影像模型, LLM"));
    const template = files.get(".github/ISSUE_TEMPLATE/submit-paper.yml") ?? "";
    expect(template).toContain("label: 標題 / Title");
    expect(files.get("README.md")).toContain("<summary>摘要</summary>");
    const result = await runIntake({
      body: body({
        "標題 / Title": "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "連結 / Link": "https://arxiv.org/abs/1810.04805",
        "arXiv ID": "_No response_",
        "日期 / Date": "2018-10-11",
        "會議或期刊 / Venue": "NAACL 2019",
        "類型 / Kind": "論文 / paper",
        "分類 / Category": "LLM [llm]",
        "確認 / Confirmation":
          "- [X] 我搜尋過清單，這不是重複的項目 / I searched the list and this is not a duplicate.",
      }),
      template,
      papersText: files.get("data/papers.yaml") ?? "",
      file: "data/papers.yaml",
      now: NOW,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entry).toMatchObject({ id: "bert", kind: "paper", category: "llm", arxiv: "1810.04805" });
  });
});
