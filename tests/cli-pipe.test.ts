/**
 * The CLI as a shell runs it, with its output piped into a reader that stops early (`papershelf lint | head`,
 * `papershelf fix | true`): the closed pipe once crashed it with a stack trace and exit 1 ("findings"), and
 * the commands that print before they write (fix, intake) then wrote nothing. Now the output that has nowhere
 * to go is dropped, and the command finishes its work and exits with its own code.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const CLI = path.join(ROOT, "src/cli.ts");
/** tsx's loader by its path: `--import tsx` would look for it from the project folder, under /tmp. */
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const dir = mkdtempSync(path.join(tmpdir(), "papershelf-pipe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in `cwd` with both output pipes closed by the reader before it writes a byte. */
function runWithClosedPipes(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader of stdout goes away at once, as `head -0` would.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
}

function project(name: string): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, "data"), { recursive: true });
  copyFileSync(path.join(ROOT, "tests/fixtures/check/papers.yaml"), path.join(root, "data/papers.yaml"));
  return root;
}

describe("output into a pipe the reader closed", () => {
  it("validate still exits 0, with no stack trace", async () => {
    const { code, stderr } = await runWithClosedPipes(["validate"], project("validate"));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it("fix still writes its fixes and exits 0", async () => {
    const root = project("fix");
    const file = path.join(root, "data/papers.yaml");
    expect(readFileSync(file, "utf8")).toContain("url: https://paperswithcode.com/paper/shikra");
    const { code, stderr } = await runWithClosedPipes(["fix", "--offline"], root);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
    expect(readFileSync(file, "utf8")).not.toContain("url: https://paperswithcode.com/paper/shikra");
  });
});
