import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createCoreReporter } from "../../src/action/core-reporter.js";

// @actions/core reads GITHUB_OUTPUT and GITHUB_STEP_SUMMARY when called: point them at temp files, then restore.
let dir: string;
const saved = {
  output: process.env.GITHUB_OUTPUT,
  summary: process.env.GITHUB_STEP_SUMMARY,
  exitCode: process.exitCode,
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "papershelf-core-"));
  await writeFile(path.join(dir, "output"), "");
  await writeFile(path.join(dir, "summary"), "");
  process.env.GITHUB_OUTPUT = path.join(dir, "output");
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, "summary");
});
afterEach(async () => {
  for (const [key, value] of [
    ["GITHUB_OUTPUT", saved.output],
    ["GITHUB_STEP_SUMMARY", saved.summary],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.exitCode = saved.exitCode;
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

it("writes annotations as workflow commands, outputs and the summary to the runner's files", async () => {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  const reporter = createCoreReporter();
  reporter.annotate("error", "date: 2099 is in the future", {
    title: "date",
    file: "data/papers.yaml",
    startLine: 31,
    endLine: 31,
    startColumn: 11,
  });
  reporter.setOutput("findings", "3");
  await reporter.appendSummary("## papershelf lint\n");
  await reporter.appendSummary("| a | b |\n");
  reporter.setFailed("papershelf lint: 1 error");

  expect(lines.join("")).toContain(
    "::error title=date,file=data/papers.yaml,line=31,endLine=31,col=11::date: 2099 is in the future",
  );
  expect(await readFile(path.join(dir, "output"), "utf8")).toMatch(/^findings<<ghadelimiter_[\w-]+\n3\n/);
  expect(await readFile(path.join(dir, "summary"), "utf8")).toBe("## papershelf lint\n\n| a | b |\n\n");
  expect(process.exitCode).toBe(1);
});
