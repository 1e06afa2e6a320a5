/**
 * The Action as GitHub's runner runs it: `node dist/action.js`, the checked-in bundle (`npm run
 * check:generated` holds it to the sources), with the inputs as INPUT_* variables and the outputs written
 * to the GITHUB_OUTPUT file. The other Action tests call `run()` from the sources; this one makes sure the
 * bundle itself renders, commits and reports (its Handlebars, its lazily loaded modules and all).
 */
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MockGitHub } from "../github/mock-github.js";
import { readEvent, runnerEnv, startRepository, stopRepository } from "./harness.js";

const run = promisify(execFile);
const BUNDLE = path.resolve("dist/action.js");

/** The outputs @actions/core wrote: `name<<delimiter`, the value, the delimiter. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1] as string] = m[3] as string;
  return outputs;
}

let mock: MockGitHub;
let workspace: string;
let main: string;

beforeEach(async () => {
  ({ mock, workspace, main } = await startRepository());
});
afterEach(() => stopRepository({ mock, workspace }));

describe("node dist/action.js, as the runner starts it", () => {
  it("command: build regenerates the README, commits it on main and sets its outputs", async () => {
    const side = (name: string) => `${workspace}-${name}`;
    await writeFile(side("event.json"), JSON.stringify(await readEvent("push-main")));
    await writeFile(side("output"), "");
    await writeFile(side("summary.md"), "");
    try {
      const env = {
        PATH: process.env.PATH ?? "",
        ...runnerEnv(
          {
            mock,
            workspace,
            eventName: "push",
            sha: main,
            inputs: { command: "build", "fail-on": "error" },
            env: { GITHUB_OUTPUT: side("output"), GITHUB_STEP_SUMMARY: side("summary.md") },
          },
          side("event.json"),
        ),
      };
      await run(process.execPath, [BUNDLE], { cwd: workspace, env });
      const outputs = parseOutputFile(await readFile(side("output"), "utf8"));
      expect(outputs.changed).toBe("true");
      expect(mock.refs.get("heads/main")).toBe(outputs["commit-sha"]);
      const readme = mock.fileAt("main", "README.md") as string;
      expect(readme).toContain("Fast Segment Anything");
      expect(readme).toContain("Hand-written text the build keeps.");
      expect(await readFile(path.join(workspace, "README.md"), "utf8")).toBe(readme);
    } finally {
      await Promise.all(["event.json", "output", "summary.md"].map((n) => rm(side(n), { force: true })));
    }
  }, 60_000);
});
