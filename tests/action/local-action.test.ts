/**
 * GitHub's own way of running an Action locally, exactly as the README shows it:
 * `npx @github/local-action run . src/main.ts <env file>`. local-action reads the INPUT_* and GITHUB_* values
 * from the env file, stubs @actions/core, imports src/main.ts and calls its exported `run()`; it then prints
 * the outputs the Action set. The outputs must match what the in-process run reports for the same workspace.
 */
import { execFile } from "node:child_process";
import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MockGitHub } from "../github/mock-github.js";
import { FIXTURES, makeWorkspace, removeWorkspace, runAction, workspaceFiles } from "./harness.js";

const run = promisify(execFile);

// Two findings local-action must carry through: an http:// link (a warning) and an unknown category (an error).
const BAD_ENTRY = `  - id: plain-http
    title: A paper behind plain http
    url: http://example.com/paper
    kind: paper
    category: no-such-category
    date: "2023-06-01"
`;

/** The "Action Outputs" table local-action prints: `│ 0 │ 'errors' │ '1' │` rows. */
function parseOutputsTable(stdout: string): Record<string, string> {
  const after = stdout.slice(stdout.lastIndexOf("Action Outputs"));
  const outputs: Record<string, string> = {};
  for (const m of after.matchAll(/│\s*\d+\s*│\s*'([\w-]+)'\s*│\s*'([^']*)'\s*│/g))
    outputs[m[1] as string] = m[2] as string;
  return outputs;
}

let mock: MockGitHub;
let workspace: string;
beforeEach(async () => {
  mock = await new MockGitHub().start();
  workspace = await makeWorkspace();
  await appendFile(path.join(workspace, "data/papers.yaml"), BAD_ENTRY);
});
afterEach(async () => {
  await mock.close();
  await removeWorkspace(workspace);
});

describe("npx @github/local-action run . src/main.ts <env file>", () => {
  it("runs command: lint through main.ts#run() and sets the same outputs as the in-process run", async () => {
    const envFile = `${workspace}-local-action.env`;
    const summary = `${workspace}-summary.md`;
    await writeFile(summary, "");
    await writeFile(
      envFile,
      [
        "INPUT_COMMAND=lint",
        "INPUT_FAIL-ON=error",
        "GITHUB_REPOSITORY=octo-org/papers",
        `GITHUB_WORKSPACE=${workspace}`,
        "GITHUB_EVENT_NAME=push",
        `GITHUB_EVENT_PATH=${path.join(FIXTURES, "events/push-main.json")}`,
        `GITHUB_API_URL=${mock.url}`,
        `GITHUB_STEP_SUMMARY=${summary}`,
        "",
      ].join("\n"),
    );
    try {
      // local-action exits 0 even when the Action calls setFailed; it prints `::error::` instead.
      const { stdout } = await run("npx", ["@github/local-action", "run", ".", "src/main.ts", envFile], {
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
        maxBuffer: 16 * 1024 * 1024,
      });
      const outputs = parseOutputsTable(stdout);

      const inProcess = await runAction({
        mock,
        workspace,
        eventName: "push",
        payload: await readEvent(),
        sha: mock.seedBranch(await workspaceFiles(workspace)),
        inputs: { command: "lint" },
      });
      expect(Number(outputs.errors)).toBeGreaterThanOrEqual(1);
      expect(outputs).toEqual(inProcess.reporter.outputs);
      expect(stdout).toContain("::error::papershelf lint:");
      expect(await readFile(summary, "utf8")).toContain("## papershelf lint");
    } finally {
      await rm(envFile, { force: true });
      await rm(summary, { force: true });
    }
  }, 180_000);
});

async function readEvent(): Promise<unknown> {
  return JSON.parse(await readFile(path.join(FIXTURES, "events/push-main.json"), "utf8"));
}
