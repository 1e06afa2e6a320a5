/**
 * One exit-code rule for every command (src/errors.ts): invalid records are findings (1); a missing or
 * unreadable input, a usage error or an unusable config is 2; a crash is an internal error (70), never 1.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliContext, Command } from "../src/cli/context.js";
import { COMMANDS, type ListedCommand } from "../src/cli/main.js";
import { EXIT_CANCELLED, EXIT_CODES_HELP, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_USAGE } from "../src/errors.js";
import { runCliCaptured } from "./helpers/run-cli.js";

const INVALID = `categories:
  - id: llm
    title: LLM
entries:
  - id: shikra
    title: Shikra
    url: https://arxiv.org/abs/2306.15195
    kind: paper
    category: vision
    date: "2023-06"
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with README zones and the repository's templates path unused (build fails before). */
function project(papers: string | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), "papershelf-exit-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "data"));
  if (papers !== undefined) writeFileSync(path.join(dir, "data/papers.yaml"), papers);
  // Keep `check` off the network even if it ever got past the records: no state, no cache, no token.
  writeFileSync(path.join(dir, "body.md"), "### Title\n\nx\n");
  return dir;
}

const VALID = INVALID.replace("category: vision", "category: llm");

const run = (
  cwd: string,
  argv: string[],
  commands?: readonly ListedCommand[],
  extra: Partial<Pick<CliContext, "ask">> = {},
) => runCliCaptured(argv, { cwd, ...extra }, commands);

/** Each command that reads the records file, with the arguments that make it read only that. */
const READERS: [string, string[]][] = [
  ["validate", ["validate"]],
  ["lint", ["lint"]],
  ["build", ["build", "--check"]],
  ["check", ["check", "--no-cache", "--state", "state.json"]],
  ["fix", ["fix", "--offline", "--dry-run"]],
];

describe("exit codes are the same in every command", () => {
  it.each(READERS)("%s: invalid records are findings (1), with the finding's position", async (_, argv) => {
    const result = await run(project(INVALID), argv);
    expect(result.code).toBe(EXIT_FINDINGS);
    expect(result.stderr + result.stdout).toContain("data/papers.yaml:9:15");
    expect(result.stderr + result.stdout).toContain("unknown-category");
  });

  it.each(READERS)("%s: a missing records file is an input error (2)", async (_, argv) => {
    const result = await run(project(undefined), argv);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain("data/papers.yaml");
    expect(result.stderr).toMatch(/cannot read|not found/);
  });

  it("intake: a missing records file is an input error (2)", async () => {
    const result = await run(project(undefined), ["intake", "--body", "body.md", "--form", "body.md"]);
    expect(result.code).toBe(EXIT_USAGE);
  });

  it("an unknown flag is a usage error (2) in every command", async () => {
    for (const command of COMMANDS) {
      const result = await run(project(INVALID), [command.name, "--no-such-flag"]);
      expect(result.code, command.name).toBe(EXIT_USAGE);
    }
  });

  it("a typo of a command or a flag is a usage error (2) that names the one meant", async () => {
    const dir = project(VALID);
    const command = await run(dir, ["buidl"]);
    expect(command.code).toBe(EXIT_USAGE);
    expect(command.stderr).toMatch(
      /^papershelf: unknown command "buidl"; did you mean "build"\?\n\npapershelf /,
    );
    const flag = await run(dir, ["lint", "--fromat", "json"]);
    expect(flag.code).toBe(EXIT_USAGE);
    expect(flag.stderr).toMatch(
      /^papershelf lint: unknown option --fromat; did you mean --format\?\n\nUsage:/,
    );
    // Nothing close: the command's flags, not node's advice on positionals.
    const far = await run(dir, ["lint", "--zzzzzz"]);
    expect(far.stderr).toContain(
      "papershelf lint: unknown option --zzzzzz; the options are --config, --help, --format, --changed-since",
    );
    expect((await run(dir, ["nothing-like-it"])).stderr).toMatch(
      /^papershelf: unknown command "nothing-like-it"\n/,
    );
  });

  it("validate and lint name one file: more is a usage error (2), not a check of the first alone", async () => {
    const dir = project(INVALID);
    for (const command of ["validate", "lint"]) {
      const result = await run(dir, [command, "data/papers.yaml", "data/other.yaml"]);
      expect(result.code, command).toBe(EXIT_USAGE);
      expect(result.stderr, command).toContain("expected at most one file, got 2");
    }
  });

  it("a records file that is not UTF-8 is refused where it breaks, and no edit rewrites it", async () => {
    const dir = project(undefined);
    const file = path.join(dir, "data/papers.yaml");
    const bytes = Buffer.concat([
      Buffer.from("# caf"),
      Buffer.from([0xe9]),
      Buffer.from("\ncategories: []\nentries: []\n"),
    ]);
    writeFileSync(file, bytes);
    const validate = await run(dir, ["validate"]);
    expect(validate.code).toBe(EXIT_FINDINGS);
    expect(validate.stderr).toContain(
      "data/papers.yaml:1:6  encoding  not UTF-8: byte 0xE9 at line 1, column 6",
    );
    const fix = await run(dir, ["fix", "--offline"]);
    expect(fix.code).toBe(EXIT_FINDINGS);
    expect(fix.stderr).toContain("not UTF-8: byte 0xE9");
    const intake = await run(dir, ["intake", "--body", "body.md", "--form", "body.md"]);
    expect(intake.code).toBe(EXIT_USAGE);
    expect(intake.stderr).toContain("not UTF-8: byte 0xE9");
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("a file where init wants a folder, and a folder where import wants a file, are usage errors (2)", async () => {
    const dir = project(undefined);
    writeFileSync(path.join(dir, "afile"), "mine\n");
    const init = await run(dir, ["init", "--yes", "afile"]);
    expect(init.code).toBe(EXIT_USAGE);
    expect(init.stderr).toContain("afile is a file, not a folder");
    expect(readFileSync(path.join(dir, "afile"), "utf8")).toBe("mine\n");
    writeFileSync(path.join(dir, "in.md"), "# List\n\n## Papers\n\n- [A](https://a.example/x)\n");
    const imported = await run(dir, ["import", "in.md", "--out", "data", "--force"]);
    expect(imported.code).toBe(EXIT_USAGE);
    expect(imported.stderr).toContain("--out data is a folder; give the records file's name");
  });

  it("an output path through a file is a usage error (2) that names the path and why, for every command that writes", async () => {
    const dir = project(VALID);
    writeFileSync(path.join(dir, "notes.txt"), "mine\n");
    writeFileSync(path.join(dir, "in.md"), "# List\n\n## Papers\n\n- [A](https://a.example/x)\n");
    const runs = {
      site: await run(dir, ["site", "--out", "notes.txt/site"]),
      import: await run(dir, ["import", "in.md", "--out", "notes.txt/x.yaml"]),
      check: await run(dir, ["check", "--offline", "--output", "notes.txt/r.json"]),
    };
    for (const [name, result] of Object.entries(runs)) {
      expect({ name, code: result.code }).toEqual({ name, code: EXIT_USAGE });
      expect(result.stderr, name).toMatch(
        /notes\.txt[\w./]*: (a part of that path is a file|a file is already there)/,
      );
      expect(result.stderr, name).not.toContain("internal error");
    }
    expect(readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("Ctrl+C or Ctrl+D at a question is a cancel (130) with nothing written, not an internal error", async () => {
    const dir = project(undefined);
    const ask = async () => {
      throw Object.assign(new Error("Aborted with Ctrl+D"), { name: "AbortError" });
    };
    const result = await run(dir, ["init"], undefined, { ask });
    expect(result.code).toBe(EXIT_CANCELLED);
    expect(result.stderr).toContain("papershelf init: cancelled, nothing written");
    expect(existsSync(path.join(dir, ".papershelf.yml"))).toBe(false);
  });

  it("an unexpected error of the file system (one a bug could cause) is still an internal error (70)", async () => {
    const missing: ListedCommand = {
      name: "boom",
      summary: "fails",
      help: "Exit codes: 70 internal error",
      run: async () => {
        throw Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), {
          code: "ENOENT",
          syscall: "open",
          path: "x",
        });
      },
    };
    const result = await run(project(undefined), ["boom"], [missing]);
    expect(result.code).toBe(EXIT_INTERNAL);
  });

  it("run from inside the list (data/), says where the list is; given a folder, says to give the file", async () => {
    const dir = project(VALID);
    const inside = await run(path.join(dir, "data"), ["validate"]);
    expect(inside.code).toBe(EXIT_USAGE);
    expect(inside.stderr).toContain(`(the list is in ${dir}: run papershelf there)`);
    const folder = await run(dir, ["validate", "data"]);
    expect(folder.code).toBe(EXIT_USAGE);
    expect(folder.stderr).toContain(
      "cannot read data: it is a folder; give the records file (data/papers.yaml)",
    );
  });

  it("names the folder papershelf runs in as '.', never as an empty name", async () => {
    const result = await run(project(INVALID), ["check", ".", "--offline"]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toMatch(/cannot read \.: /);
  });

  it("every --help states the rule, including the internal-error code", async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.help, command.name).toMatch(/Exit codes:/);
      expect(command.help, command.name).toContain("70 internal error");
    }
    expect(EXIT_CODES_HELP).toContain("70 internal error");
  });
});

describe("papershelf --help", () => {
  it("lists every command with its summary without loading any command module", async () => {
    const loaded: string[] = [];
    const spied = COMMANDS.map((c) => ({
      ...c,
      load: () => {
        loaded.push(c.name);
        return c.load();
      },
    }));
    const result = await run(project(undefined), ["--help"], spied);
    expect(result.code).toBe(0);
    for (const c of COMMANDS) expect(result.stdout).toContain(`  ${c.name}`);
    expect(result.stdout).toContain(COMMANDS.find((c) => c.name === "build")?.summary);
    expect(loaded).toEqual([]);
  });
});

describe("an unexpected exception", () => {
  const crashing: Command & { summary: string } = {
    name: "crash",
    summary: "throws",
    help: "Usage: papershelf crash",
    run() {
      return Promise.reject(new TypeError("cannot read properties of undefined (reading 'x')"));
    },
  };

  it("is one line saying internal error, and exit 70, not a stack trace and not 1", async () => {
    const result = await run(project(undefined), ["crash"], [crashing]);
    expect(result.code).toBe(EXIT_INTERNAL);
    expect(result.stderr).toBe(
      "papershelf crash: internal error: TypeError: cannot read properties of undefined (reading 'x') — this is a bug in papershelf, please report it with the command you ran (PAPERSHELF_DEBUG=1 prints the stack trace)\n",
    );
  });
});
