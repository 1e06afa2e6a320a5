/** `papershelf import` end to end through runCli, in a temporary folder. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseRecords } from "../../src/records/parse.js";
import { runCliCaptured } from "../helpers/run-cli.js";

const SMALL = fileURLToPath(new URL("../fixtures/import/small-list.md", import.meta.url));
const UNPLACED = fileURLToPath(new URL("../fixtures/import/unplaced.md", import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papershelf-import-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCliCaptured(["import", ...argv], { cwd: dir });

describe("papershelf import", () => {
  it("writes valid records with the schema line relative to the output, prints notices, exits 0", async () => {
    const { code, stdout, stderr } = await run(SMALL, "--out", "data/papers.yaml");
    expect(code).toBe(0);
    expect(stdout).toBe(
      "wrote data/papers.yaml: 4 entries (2 paper, 1 dataset, 1 resource) in 3 top categories; 6 notice(s), 0 warning(s)\n",
    );
    expect(stderr).toContain("small-list.md:26  info title-joined");
    const text = await readFile(path.join(dir, "data/papers.yaml"), "utf8");
    expect(text.startsWith("# yaml-language-server: $schema=../schemas/papers.schema.json\n")).toBe(true);
    expect(parseRecords(text).ok).toBe(true);
  });

  it("refuses to replace an existing file (exit 2, file untouched) unless --force", async () => {
    const out = path.join(dir, "papers.yaml");
    await writeFile(out, "keep me\n");
    const refused = await run(SMALL, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "papershelf import: papers.yaml already exists; pass --force to replace it\n",
    );
    expect(await readFile(out, "utf8")).toBe("keep me\n");
    // A missing input says so first: "pass --force" would send a newcomer to replace the file for nothing.
    const typo = await run("nope.md", "--out", out);
    expect([typo.code, typo.stderr]).toEqual([2, "papershelf import: cannot read nope.md: file not found\n"]);
    const forced = await run(SMALL, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(await readFile(out, "utf8")).toContain("id: first-paper");
  });

  it("exits 1 when something could not be placed, still writing what it could", async () => {
    const { code, stdout, stderr } = await run(UNPLACED, "--out", "out.yaml");
    expect(code).toBe(1);
    expect(stderr).toContain("unplaced.md:18  warning unplaced-content");
    expect(stdout).toContain("6 warning(s)");
    expect(await readFile(path.join(dir, "out.yaml"), "utf8")).toContain("id: good-entry");
  });

  it("exits 2 with a clear message for a missing input, a bad ids file, no categories, wrong arguments", async () => {
    const missing = await run("nope.md", "--out", "x.yaml");
    expect([missing.code, missing.stderr]).toEqual([
      2,
      "papershelf import: cannot read nope.md: file not found\n",
    ]);

    await writeFile(path.join(dir, "ids.yaml"), "- title: A\n  arxiv: 'not-an-id'\n");
    const badIds = await run(SMALL, "--out", "x.yaml", "--arxiv-ids", "ids.yaml");
    expect(badIds.code).toBe(2);
    expect(badIds.stderr).toContain('ids.yaml:2:1  arxiv-ids  arxiv: "not-an-id" is not an arXiv id');

    await writeFile(path.join(dir, "flat.md"), "Just a paragraph.\n");
    const flat = await run("flat.md", "--out", "x.yaml");
    expect(flat.code).toBe(2);
    expect(flat.stderr).toContain('no category headings ("# Title") in flat.md: nothing to import');

    const noArgs = await run();
    expect(noArgs.code).toBe(2);
    expect(noArgs.stderr).toContain("expected exactly one Markdown file to import");
    await expect(readFile(path.join(dir, "x.yaml"), "utf8")).rejects.toThrow();
  });
});
