/**
 * papershelf's own GitHub repository is written once (src/papershelf-repository.ts). Every other place that
 * names it must agree, or an adopter's callers would `uses:` a repository that does not hold the workflows.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PAPERSHELF_REPOSITORY, PAPERSHELF_URL } from "../../src/papershelf-repository.js";

describe("papershelf's repository", () => {
  it("is package.json's repository", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { repository: { url: string } };
    expect(pkg.repository.url).toBe(`git+${PAPERSHELF_URL}.git`);
  });

  it("is the default papershelf-repository of every reusable workflow", () => {
    const reusable = readdirSync(".github/workflows").filter((f) => f.startsWith("papershelf-"));
    expect(reusable.length).toBeGreaterThanOrEqual(5);
    for (const file of reusable) {
      const workflow = parse(readFileSync(`.github/workflows/${file}`, "utf8")) as {
        on: { workflow_call: { inputs: Record<string, { default?: string }> } };
      };
      expect({ file, default: workflow.on.workflow_call.inputs["papershelf-repository"]?.default }).toEqual({
        file,
        default: PAPERSHELF_REPOSITORY,
      });
    }
  });

  it("is what docs/adopt.md's callers use", () => {
    const docs = readFileSync("docs/adopt.md", "utf8");
    const used = [...docs.matchAll(/uses: ([\w.-]+\/[\w.-]+)\/\.github\/workflows\/papershelf-/g)].map(
      (m) => m[1],
    );
    expect(used.length).toBeGreaterThan(0);
    expect(new Set(used)).toEqual(new Set([PAPERSHELF_REPOSITORY]));
  });
});
