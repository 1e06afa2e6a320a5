/** `papershelf lint` end to end through runCli, in temporary folders (git repos for --changed-since). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

const CLEAN = `categories:
  - id: llm
    title: LLM
entries:
  - id: kosmos-1
    title: "Language Is Not All You Need: Aligning Perception with Language Models"
    url: https://arxiv.org/abs/2302.14045
    kind: paper
    category: llm
    date: 2023-02-27
`;
const SLUG = `  - id: cs-deathmatch
    title: alex-petrenko/sample-factory
    url: https://arxiv.org/abs/2104.04258
    kind: paper
    category: llm
    date: 2021-04-09
`;
const LONG_VENUE = `    venue: "${"A very long venue name ".repeat(5).trim()}"\n`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "papershelf-lint-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const lint = (cwd: string, ...argv: string[]) => runCliCaptured(["lint", ...argv], { cwd });

function git(cwd: string, ...args: string[]) {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
    cwd,
    stdio: "pipe",
  });
}

describe("papershelf lint", () => {
  it("exits 0 on a clean file and says so", async () => {
    const cwd = project({ "papers.yaml": CLEAN });
    expect(await lint(cwd, "papers.yaml")).toEqual({
      code: 0,
      stdout: "✔ no problems in papers.yaml (1 entry)\n",
      stderr: "",
    });
  });

  it("exits 1 on errors, with file:line:col  rule-id  message", async () => {
    const cwd = project({ "papers.yaml": CLEAN + SLUG });
    const { code, stdout } = await lint(cwd, "papers.yaml");
    expect(code).toBe(1);
    expect(stdout.split("\n")[0]).toBe(
      'papers.yaml:12:12  title-is-slug-or-url  title "alex-petrenko/sample-factory" looks like a repository slug (owner/name); expected the work\'s title as published',
    );
  });

  it("exits 0 when only warnings remain, and takes severities from .papershelf.yml", async () => {
    const cwd = project({
      "papers.yaml": CLEAN + SLUG,
      ".papershelf.yml": "lint:\n  rules:\n    title-is-slug-or-url: warning\n",
    });
    const { code, stdout } = await lint(cwd, "papers.yaml");
    expect(code).toBe(0);
    expect(stdout).toContain("⚠ 1 warning in papers.yaml (2 entries)");
  });

  it("uses data from the config when no file is named", async () => {
    const cwd = project({ "list.yaml": CLEAN + SLUG, ".papershelf.yml": "data: list.yaml\n" });
    expect((await lint(cwd)).stdout).toContain("list.yaml:12:12  title-is-slug-or-url");
  });

  it("exits 2 with the config's file:line on a malformed lint section, without a stack trace", async () => {
    const cwd = project({
      "papers.yaml": CLEAN,
      ".papershelf.yml": "lint:\n  rules:\n    title-slug: error\n",
    });
    const { code, stderr, stdout } = await lint(cwd, "papers.yaml");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/\.papershelf\.yml:3:5 {2}config {2}unknown rule "title-slug"/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("exits 2 on an unknown format", async () => {
    const cwd = project({ "papers.yaml": CLEAN });
    const { code, stderr } = await lint(cwd, "papers.yaml", "--format", "xml");
    expect(code).toBe(2);
    expect(stderr).toContain('--format "xml" is not one of: text, json, github, markdown');
  });

  it("exits 1 on a schema error and reports it like any finding", async () => {
    const cwd = project({ "papers.yaml": CLEAN.replace("kind: paper", "kind: poster") });
    const { code, stdout } = await lint(cwd, "papers.yaml", "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      version: number;
      entries: null;
      diagnostics: { ruleId: string; line: number }[];
    };
    expect(report.version).toBe(1);
    expect(report.entries).toBeNull();
    expect(report.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([["schema", 8]]);
  });

  it("reports six different bad entries, a schema error among them, at their lines in one run", async () => {
    const entry = (id: string, lines: Record<string, string>) =>
      [
        `  - id: ${id}`,
        ...Object.entries({
          title: `"The paper called ${id}"`,
          url: `https://arxiv.org/abs/2104.0${id.length}${id.charCodeAt(0)}`,
          kind: "paper",
          category: "llm",
          date: "2021-04-09",
          ...lines,
        }).map(([key, value]) => `    ${key}: ${value}`),
        "",
      ].join("\n");
    const text =
      CLEAN +
      entry("scripted", { url: "javascript:alert(1)" }) +
      entry("slug-title", { title: "alex-petrenko/sample-factory" }) +
      entry("from-the-future", { date: "2099-01-01" }) +
      entry("local-host", { url: "http://localhost:8080/paper" }) +
      entry("dated-venue", { venue: "2021-04" }) +
      entry("long-venue", { venue: `"${"A very long venue name ".repeat(5).trim()}"` });
    const cwd = project({ "papers.yaml": text });
    const { code, stdout } = await lint(cwd, "papers.yaml", "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      diagnostics: { ruleId: string; line: number; entryId?: string }[];
    };
    // Each entry is 6 lines from line 11 (7 with a venue); every finding sits on its field's line.
    expect(report.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.entryId ?? "-"}`)).toEqual([
      "13 schema -",
      "18 title-is-slug-or-url slug-title",
      "28 date from-the-future",
      "31 url-local-host local-host",
      "41 venue-looks-like-date dated-venue",
      "48 text-length long-venue",
    ]);
  });

  it("prints GitHub annotations and a Markdown summary", async () => {
    const cwd = project({ "papers.yaml": CLEAN + SLUG });
    expect((await lint(cwd, "papers.yaml", "--format", "github")).stdout).toMatch(
      /^::error file=papers\.yaml,line=12,col=12,endLine=12,title=papershelf title-is-slug-or-url,endColumn=40::title /,
    );
    expect((await lint(cwd, "papers.yaml", "--format", "markdown")).stdout).toContain(
      "| ❌ | papers.yaml:12:12 | title-is-slug-or-url | cs-deathmatch |",
    );
  });

  describe("--changed-since", () => {
    it("reports only entries added or changed since the ref, still validating the whole file", async () => {
      const cwd = project({ "papers.yaml": CLEAN + SLUG });
      git(cwd, "init", "-q");
      git(cwd, "add", "papers.yaml");
      git(cwd, "commit", "-q", "-m", "base");
      // The old slug title stays; a new entry with a long venue comes in.
      const added = SLUG.replace("cs-deathmatch", "new-one")
        .replace("alex-petrenko/sample-factory", "A New Paper With a Proper Title")
        .replace("2104.04258", "2301.00001")
        .replace("2021-04-09", "2023-01-02");
      writeFileSync(path.join(cwd, "papers.yaml"), CLEAN + SLUG + added + LONG_VENUE);

      const all = await lint(cwd, "papers.yaml");
      expect(all.stdout).toContain("title-is-slug-or-url");
      expect(all.stdout).toContain("text-length");

      const changed = await lint(cwd, "papers.yaml", "--changed-since", "HEAD");
      expect(changed.code).toBe(0);
      expect(changed.stdout).not.toContain("title-is-slug-or-url");
      expect(changed.stdout).toContain("warning text-length");
      expect(changed.stdout).toContain("(1 changed of 3 entries)");
    });

    it("treats every entry as new when the file did not exist at the ref", async () => {
      const cwd = project({ "other.txt": "x" });
      git(cwd, "init", "-q");
      git(cwd, "add", "other.txt");
      git(cwd, "commit", "-q", "-m", "base");
      writeFileSync(path.join(cwd, "papers.yaml"), CLEAN + SLUG);
      const { code, stdout } = await lint(cwd, "papers.yaml", "--changed-since", "HEAD");
      expect(code).toBe(1);
      expect(stdout).toContain("(2 changed of 2 entries)");
    });

    it("exits 2 on a ref git does not know", async () => {
      const cwd = project({ "papers.yaml": CLEAN });
      git(cwd, "init", "-q");
      const { code, stderr } = await lint(cwd, "papers.yaml", "--changed-since", "no-such-branch");
      expect(code).toBe(2);
      expect(stderr).toContain('git does not know the ref "no-such-branch"');
    });

    it("exits 2 saying the folder is not in a git repository, rather than that the ref is unknown", async () => {
      const cwd = project({ "papers.yaml": CLEAN });
      // However the temporary folder is placed, git does not look above it.
      const ceiling = process.env.GIT_CEILING_DIRECTORIES;
      process.env.GIT_CEILING_DIRECTORIES = path.dirname(cwd);
      try {
        const { code, stderr } = await lint(cwd, "papers.yaml", "--changed-since", "HEAD");
        expect(code).toBe(2);
        expect(stderr).toContain("is not in a git repository");
      } finally {
        if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
        else process.env.GIT_CEILING_DIRECTORIES = ceiling;
      }
    });
  });
});
