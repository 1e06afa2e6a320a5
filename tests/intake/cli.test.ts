/** `papershelf intake` end to end through runCli: the repository's own form and list, and temporary copies. */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startArxivServer, type ArxivServer } from "../arxiv/arxiv-server.js";
import { INTAKE_MARKER } from "../../src/intake/comment.js";
import { removeEntry } from "../../src/records/edit.js";
import { bodyFor, FIXTURES, fixtureForm, fixtureTemplate, ROOT, VALID_ANSWERS } from "./helpers.js";
import { runCliCaptured } from "../helpers/run-cli.js";

/** 2026-03-15T00:00:00Z: `added` is fixed through SOURCE_DATE_EPOCH, as in reproducible builds. */
const EPOCH = "1773532800";

/** A loopback arXiv that knows the sample submission's paper (LISA, 2308.00692), as the real one would. */
let arxiv: ArxivServer;
beforeAll(async () => {
  arxiv = await startArxivServer([
    {
      id: "2308.00692",
      version: 3,
      title: "LISA: Reasoning Segmentation via Large Language Model",
      authors: ["Xin Lai", "Zhuotao Tian", "Yukang Chen", "Yanwei Li", "Yuhui Yuan", "Shu Liu", "Jiaya Jia"],
      published: "2023-08-01",
      summary:
        "Although perception systems have made remarkable advancements in recent years, they still rely on explicit human instruction to identify the target objects.",
      primaryCategory: "cs.CV",
    },
  ]);
});
afterAll(() => arxiv.close());

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const intake = (cwd: string, ...argv: string[]) =>
  runCliCaptured(["intake", ...argv], {
    cwd,
    env: { SOURCE_DATE_EPOCH: EPOCH, PAPERSHELF_ARXIV_API_URL: arxiv.url },
  });

/** A project folder with the fixture list and the form regenerated for it. */
function project(body: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "papershelf-intake-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "data"));
  mkdirSync(path.join(dir, ".github/ISSUE_TEMPLATE"), { recursive: true });
  copyFileSync(path.join(FIXTURES, "papers.yaml"), path.join(dir, "data/papers.yaml"));
  writeFileSync(path.join(dir, ".github/ISSUE_TEMPLATE/submit-paper.yml"), fixtureTemplate());
  writeFileSync(path.join(dir, "body.md"), body);
  cpSync(path.join(ROOT, "templates"), path.join(dir, "templates"), { recursive: true });
  return dir;
}

describe("papershelf intake", () => {
  it("fills a submission of only a link, a kind and a category from arXiv, in one request", async () => {
    const cwd = project(
      bodyFor(fixtureForm(), {
        url: "https://arxiv.org/abs/2308.00692v2",
        kind: "論文 / paper",
        category: VALID_ANSWERS.category ?? "",
        confirm: VALID_ANSWERS.confirm ?? true,
      }),
    );
    const before = arxiv.requests.length;
    const result = await intake(cwd, "--body", "body.md", "--dry-run");
    expect(result.code).toBe(0);
    expect(arxiv.requests.length - before).toBe(1);
    expect(result.stdout).toContain(
      "# Filled in from arXiv: title, authors, date, arxiv-category, abstract\n",
    );
    expect(result.stdout).toContain(
      '- id: lisa\n  title: "LISA: Reasoning Segmentation via Large Language Model"\n',
    );
    expect(result.stdout).toContain("  authors:\n    - Xin Lai\n    - Zhuotao Tian\n");
    expect(result.stdout).toContain("  date: 2023-08-01\n");
    expect(result.stdout).toContain(
      "  abstract: Although perception systems have made remarkable advancements",
    );
  });

  it("says which field is wrong when arXiv has no such paper", async () => {
    const cwd = project(
      bodyFor(fixtureForm(), { ...VALID_ANSWERS, title: "", url: "https://arxiv.org/abs/2308.99999" }),
    );
    const result = await intake(cwd, "--body", "body.md", "--dry-run");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("連結 / Link: arXiv has no paper 2308.99999.");
  });

  it("takes the sample issue body through the repository's own form and the migrated list (--dry-run)", async () => {
    // The frozen migrated list, not the live one: an intake PR that adds this very paper must not turn CI red.
    const dataFile = path.join(ROOT, "tests/fixtures/seed/migrated.yaml");
    const before = readFileSync(dataFile, "utf8");
    const result = await intake(
      ROOT,
      "--body",
      "tests/fixtures/intake/sample-issue-body.md",
      "--data",
      "tests/fixtures/seed/migrated.yaml",
      "--dry-run",
    );
    expect(result.stderr).toBe("dry run: tests/fixtures/seed/migrated.yaml not written\n");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("# Record (tests/fixtures/seed/migrated.yaml)\n\n- id: lisa\n");
    expect(result.stdout).toContain("  category: segment-anything\n");
    expect(result.stdout).toContain(
      "  authors:\n    - Xin Lai\n    - Zhuotao Tian\n    - Yukang Chen\n    - Yanwei Li\n  url:",
    );
    // The abstract was left empty: arXiv fills it. The four authors typed win over arXiv's seven (above).
    expect(result.stdout).toContain(
      "  abstract: Although perception systems have made remarkable advancements",
    );
    expect(result.stdout).toContain("  added: 2026-03-15\n");
    // The preview shows three authors, then et al.
    expect(result.stdout).toContain("*Xin Lai, Zhuotao Tian, Yukang Chen et al.*");
    expect(result.stdout).toMatch(/# Preview\n\n[^]*LISA: Reasoning Segmentation via Large Language Model/);
    expect(readFileSync(dataFile, "utf8")).toBe(before);
  });

  it("writes the list with the record inserted and nothing else changed", async () => {
    const cwd = project(bodyFor(fixtureForm(), VALID_ANSWERS));
    const result = await intake(cwd, "--body", "body.md");
    expect(result).toMatchObject({ code: 0, stderr: 'added "lisa" to data/papers.yaml\n' });
    const written = readFileSync(path.join(cwd, "data/papers.yaml"), "utf8");
    expect(removeEntry(written, "lisa")).toEqual({
      ok: true,
      text: readFileSync(path.join(FIXTURES, "papers.yaml"), "utf8"),
    });
  });

  it("prints each problem with its field and writes nothing (exit 1)", async () => {
    const cwd = project(bodyFor(fixtureForm(), { ...VALID_ANSWERS, date: "2023年13月", url: "not a link" }));
    const result = await intake(cwd, "--body", "body.md");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        '連結 / Link: The link "not a link" is not an http(s) URL.',
        "    Write the full address, e.g. https://arxiv.org/abs/2306.15195",
        "日期 / Date: There is no month 13.",
        "    Write it as 2023-06-27, 2023/6/27, 2023年6月27日, 2023-06 or 2023.",
        "2 problem(s) in the submission; nothing was written",
        "",
      ].join("\n"),
    );
    expect(readFileSync(path.join(cwd, "data/papers.yaml"), "utf8")).toBe(
      readFileSync(path.join(FIXTURES, "papers.yaml"), "utf8"),
    );
  });

  it("lists the categories to copy under a category it does not know, as the comment does", async () => {
    const cwd = project(bodyFor(fixtureForm(), { ...VALID_ANSWERS, category: "Segment Anythin" }));
    const result = await intake(cwd, "--body", "body.md", "--dry-run");
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n");
    const hint = lines.findIndex((l) => l.includes("replace the answer with one of these"));
    expect(hint).toBeGreaterThan(0);
    // The closest first, then every other one: a terminal folds nothing away.
    expect(lines[hint + 1]).toBe("      - 影像模型 › Segment Anything [segment-anything]");
    expect(lines.filter((l) => l.startsWith("      - ")).length).toBeGreaterThan(5);
  });

  it("points a duplicate at the listed entry it repeats, as the comment links it", async () => {
    const cwd = project(
      bodyFor(fixtureForm(), {
        ...VALID_ANSWERS,
        title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic",
        url: "https://shikras.github.io/shikra/",
      }),
    );
    const result = await intake(cwd, "--body", "body.md", "--dry-run");
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n");
    const problem = lines.findIndex((l) => l.includes("already on the list"));
    expect(problem).toBeGreaterThanOrEqual(0);
    expect(lines.slice(problem + 1, problem + 4).join("\n")).toMatch(/^ {6}Shikra: [^\n]*: README\.md/m);
  });

  it("previews with the plain stand-in, and says so, when the project has no templates", async () => {
    const cwd = project(bodyFor(fixtureForm(), VALID_ANSWERS));
    rmSync(path.join(cwd, "templates"), { recursive: true });
    const result = await intake(cwd, "--body", "body.md", "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("template not found: templates/entry.md.hbs");
    expect(result.stderr).toContain("(plain preview instead)");
    expect(result.stdout).toContain(
      "# Preview\n\n### [LISA: Reasoning Segmentation via Large Language Model]",
    );
  });

  it("never prints a submitted direction control to the terminal", async () => {
    const cwd = project(
      bodyFor(fixtureForm(), { ...VALID_ANSWERS, kind: "\u202Epaper", venue: "CVPR\u2066 2024" }),
    );
    const result = await intake(cwd, "--body", "body.md");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "類型 / Kind: Contains an invisible text-direction control (U+202E) at character 1.",
    );
    expect(result.stderr).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it("--comment prints the comment the Action would post", async () => {
    const cwd = project(bodyFor(fixtureForm(), VALID_ANSWERS));
    const result = await intake(cwd, "--body", "body.md", "--comment", "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`${INTAKE_MARKER}\n### ✅`)).toBe(true);
  });

  it("--comment speaks the languages of .papershelf.yml", async () => {
    const cwd = project(bodyFor(fixtureForm(), VALID_ANSWERS));
    writeFileSync(path.join(cwd, ".papershelf.yml"), "languages: [en]\n");
    const result = await intake(cwd, "--body", "body.md", "--comment", "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`${INTAKE_MARKER}\n### ✅ Ready to add\n`)).toBe(true);
  });

  it("exits 2 on a missing --body or a file that cannot be read", async () => {
    const cwd = project("");
    expect((await intake(cwd)).code).toBe(2);
    const missing = await intake(cwd, "--body", "nope.md");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the issue body");
    expect((await intake(cwd, "--body", "body.md", "--data", "missing.yaml")).code).toBe(2);
  });
});
