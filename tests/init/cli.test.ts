/** `papershelf init` through runCli: the answers, the refusal to overwrite, and a list the other commands pass. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { runCliCaptured } from "../helpers/run-cli.js";

const REF = "0123456789abcdef0123456789abcdef01234567";
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "papershelf-init-"));
  dirs.push(dir);
  return dir;
}

const run = (cwd: string, argv: string[], extra: Partial<CliContext> = {}) =>
  runCliCaptured(argv, { cwd, ...extra });

describe("papershelf init", () => {
  it("with --yes writes a list that validate, lint and build --check pass, and says what to do next", async () => {
    const dir = folder();
    const init = await run(dir, ["init", "--yes", "--ref", REF]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("wrote data/papers.yaml\n");
    expect(init.stdout).toContain("Allow GitHub Actions to create and approve pull requests");
    expect(init.stdout).toContain('create the labels "submission"');
    expect(init.stdout).toContain('"entry-report"');
    expect(init.stdout).toContain('GitHub Pages must be enabled with "GitHub Actions" as the source');
    for (const argv of [["validate"], ["lint"], ["build", "--check"]]) {
      const result = await run(dir, argv);
      expect({ argv, code: result.code, stderr: result.stderr }).toEqual({ argv, code: 0, stderr: "" });
    }
    expect(readFileSync(path.join(dir, ".github/workflows/intake.yml"), "utf8")).toContain(`@${REF}\n`);
  });

  it("writes nothing when a file exists, until --force", async () => {
    const dir = folder();
    writeFileSync(path.join(dir, "README.md"), "my own README\n");
    const refused = await run(dir, ["init", "--yes", "--ref", REF]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "nothing written: 1 file(s) already exist in . (README.md); pass --force",
    );
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("my own README\n");
    expect(() => readFileSync(path.join(dir, "data/papers.yaml"))).toThrow();
    const forced = await run(dir, ["init", "--yes", "--force", "--ref", REF]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("replaced README.md\n");
  });

  it("writes nothing, --force or not, when a file stands where init makes a folder (or a folder where a file goes)", async () => {
    for (const [setup, reason] of [
      [
        (dir: string) => writeFileSync(path.join(dir, "templates"), "my notes\n"),
        "templates is a file, where init makes a folder",
      ],
      [
        (dir: string) => writeFileSync(path.join(dir, "data"), "x\n"),
        "data is a file, where init makes a folder",
      ],
      [
        (dir: string) => mkdirSync(path.join(dir, "README.md")),
        "README.md is a folder, where init writes a file",
      ],
    ] as const) {
      for (const force of [[], ["--force"]]) {
        const dir = folder();
        setup(dir);
        const result = await run(dir, ["init", "--yes", "--ref", REF, ...force]);
        expect({ force, code: result.code }).toEqual({ force, code: 2 });
        expect(result.stderr).toContain(
          `nothing written: ${reason} (in .). Move it aside, then run init again`,
        );
        expect(result.stderr).not.toContain("internal error");
        // Only what the test made is there: no half-written scaffold to push the next run into --force.
        expect(readdirSync(dir)).toHaveLength(1);
      }
    }
  });

  it("keeps the site, the caches and node_modules out of git: a new .gitignore, or the lines an existing one lacks", async () => {
    const fresh = folder();
    expect((await run(fresh, ["init", "--yes", "--ref", REF])).code).toBe(0);
    const ignored = readFileSync(path.join(fresh, ".gitignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["_site/", ".papershelf-cache/", "node_modules/"]));

    // An existing .gitignore is no conflict: it gets what it lacks, after what it had.
    const own = folder();
    writeFileSync(path.join(own, ".gitignore"), "node_modules/\n_site/");
    const init = await run(own, ["init", "--yes", "--ref", REF]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("added papershelf's lines to .gitignore\n");
    const merged = readFileSync(path.join(own, ".gitignore"), "utf8");
    expect(merged.startsWith("node_modules/\n_site/\n")).toBe(true);
    expect(merged.split("\n").filter((line) => line === "_site/")).toHaveLength(1);
    expect(merged.split("\n")).toContain(".papershelf-cache/");

    // A CRLF file stays CRLF.
    const windows = folder();
    writeFileSync(path.join(windows, ".gitignore"), "node_modules/\r\n");
    expect((await run(windows, ["init", "--yes", "--ref", REF])).code).toBe(0);
    expect(readFileSync(path.join(windows, ".gitignore"), "utf8")).not.toMatch(/[^\r]\n/);

    // One that has them all is left as it is, and not named.
    const whole = "_site/\n.papershelf-cache/\nnode_modules/\n";
    const done = folder();
    writeFileSync(path.join(done, ".gitignore"), whole);
    const again = await run(done, ["init", "--yes", "--ref", REF]);
    expect(again.stdout).not.toContain(".gitignore");
    expect(readFileSync(path.join(done, ".gitignore"), "utf8")).toBe(whole);
  });

  it("asks on a terminal for what the flags did not give, again after a wrong answer", async () => {
    const dir = folder();
    const replies = ["Vision papers", "fr", "zh-TW, en", ""];
    const questions: string[] = [];
    const ask = async (q: string) => {
      questions.push(q);
      return replies.shift() ?? "";
    };
    const result = await run(path.dirname(dir), ["init", path.basename(dir), "--ref", REF], { ask });
    expect(result.code).toBe(0);
    expect(questions).toHaveLength(4);
    expect(result.stderr).toContain('unknown language "fr"');
    const data = readFileSync(path.join(dir, "data/papers.yaml"), "utf8");
    expect(data).toContain("title: Vision papers");
    expect(data).toContain("- id: papers\n    title: Papers"); // the default categories
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("## 投稿 / Submit a paper");
  });

  it("without a terminal and without --yes, names the flag to pass", async () => {
    const result = await run(folder(), ["init", "--ref", REF]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "no terminal to ask on: pass --name, --languages, --categories, or --yes for the defaults",
    );
    const some = await run(folder(), ["init", "--ref", REF, "--name", "X"]);
    expect(some.stderr).toContain("no terminal to ask on: pass --languages, --categories, or --yes");
  });

  it("calls a fork named with --repository from both lines, names no release for a given --ref, and keeps a Dependabot file", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, ".github"));
    writeFileSync(path.join(dir, ".github/dependabot.yml"), "version: 2\nupdates: []\n");
    const init = await run(dir, ["init", "--yes", "--ref", REF, "--repository", "me/fork"]);
    expect(init.code).toBe(0);
    const main = readFileSync(path.join(dir, ".github/workflows/main.yml"), "utf8");
    expect(main).toContain(`uses: me/fork/.github/workflows/papershelf-main.yml@${REF}\n`);
    expect(main).toContain("papershelf-repository: me/fork\n");
    expect(main).toContain(`papershelf-ref: ${REF}\n`);
    expect(init.stdout).toContain(`The workflows call me/fork at ${REF.slice(0, 12)}.\n`);
    expect(readFileSync(path.join(dir, ".github/dependabot.yml"), "utf8")).toBe("version: 2\nupdates: []\n");
    expect(init.stdout).toContain('kept your .github/dependabot.yml: add a "github-actions" update to it');
    // A list of its own gets one that keeps the pins current.
    const fresh = folder();
    expect((await run(fresh, ["init", "--yes", "--ref", REF])).code).toBe(0);
    expect(readFileSync(path.join(fresh, ".github/dependabot.yml"), "utf8")).toContain(
      "package-ecosystem: github-actions",
    );
  });

  it("warns when the checkout's branch is not main, where the workflows run", async () => {
    const dir = folder();
    execFileSync("git", ["init", "-q", "-b", "master", dir]);
    const init = await run(dir, ["init", "--yes", "--ref", REF]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(
      'Note: this repository\'s branch is "master", and the workflows run on pushes to main.',
    );
    const onMain = folder();
    execFileSync("git", ["init", "-q", "-b", "main", onMain]);
    expect((await run(onMain, ["init", "--yes", "--ref", REF])).stdout).not.toContain(
      "Note: this repository",
    );
  });

  it("adopts an existing awesome-style README as docs/adopt.md says: init --force, import --force, build", async () => {
    const dir = folder();
    const list =
      "# Awesome Vision\n\n## Detection\n\n- [Focal Loss for Dense Object Detection](https://arxiv.org/abs/1708.02002) - RetinaNet.\n\n## Segmentation\n\n- [U-Net](https://arxiv.org/abs/1505.04597)\n";
    writeFileSync(path.join(dir, "README.md"), list);
    // The block in docs/adopt.md ("A list you already have"), step by step.
    const block = /```shell\n(cp README\.md my-list\.md\n[\s\S]*?)```/.exec(
      readFileSync("docs/adopt.md", "utf8"),
    )?.[1];
    expect(
      block
        ?.split("\n")
        .filter(Boolean)
        .map((l) => l.replace(/\s+#.*$/, "")),
    ).toEqual([
      "cp README.md my-list.md",
      "npx papershelf init --yes --force",
      "npx papershelf import my-list.md --force",
      "npx papershelf build",
      "npx papershelf lint",
    ]);
    writeFileSync(path.join(dir, "my-list.md"), readFileSync(path.join(dir, "README.md")));
    expect((await run(dir, ["init", "--yes", "--force", "--ref", REF])).code).toBe(0);
    expect((await run(dir, ["import", "my-list.md", "--force"])).code).toBe(0);
    // build first: lint exits 1 on what the records still lack, and a "lint && build" would never build.
    expect((await run(dir, ["build"])).code).toBe(0);
    const lint = await run(dir, ["lint"]);
    expect(lint.code).toBe(1);
    expect(lint.stdout + lint.stderr).toContain("has no date and no venue");
    const readme = readFileSync(path.join(dir, "README.md"), "utf8");
    expect(readme).toContain("Focal Loss for Dense Object Detection");
    expect(readme).toContain("U-Net");
    expect(readme).not.toContain("Attention Is All You Need");
  });

  it("refuses a ref that is not a full commit sha (workflows are pinned)", async () => {
    const result = await run(folder(), ["init", "--yes", "--ref", "v1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--ref should be a full 40-character commit sha");
  });
});
