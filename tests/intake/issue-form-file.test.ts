/** The submission form as a generated file: `papershelf build` keeps its category options current. */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderIssueForm } from "../../src/intake/form-categories.js";
import { parseRecords } from "../../src/records/parse.js";
import { committedForm, FIXTURES, ROOT } from "./helpers.js";
import { runCliCaptured } from "../helpers/run-cli.js";

let dir: string;
const FORM = ".github/ISSUE_TEMPLATE/submit-paper.yml";

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "papershelf-form-"));
  await mkdir(path.join(dir, "data"));
  await mkdir(path.join(dir, ".github/ISSUE_TEMPLATE"), { recursive: true });
  await cp(path.join(FIXTURES, "papers.yaml"), path.join(dir, "data/papers.yaml"));
  await cp(path.join(ROOT, "templates"), path.join(dir, "templates"), { recursive: true });
  await writeFile(
    path.join(dir, "README.md"),
    "# List\n\n<!-- papershelf:begin toc -->\n<!-- papershelf:end toc -->\n\n<!-- papershelf:begin entries -->\n<!-- papershelf:end entries -->\n",
  );
  await writeFile(path.join(dir, FORM), committedForm());
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCliCaptured(argv, { cwd: dir });

describe("the issue form as a generated file", () => {
  it("build --check fails on stale categories; build rewrites only the options; then it is current", async () => {
    await run("build");
    await writeFile(path.join(dir, FORM), committedForm());
    const stale = await run("build", "--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      `${FORM} is stale (the submission form's fields from the record anatomy and its category options from data/papers.yaml)`,
    );

    const written = await run("build");
    expect(written.stdout).toContain(`wrote ${FORM}`);
    const form = await readFile(path.join(dir, FORM), "utf8");
    expect(form).toContain("        - 影像模型 › Detection， Tracking， and More [comma-test]\n");
    expect(await run("build", "--check")).toMatchObject({ code: 0 });
  });

  it("a broken form stops the build with a message naming it", async () => {
    await writeFile(path.join(dir, FORM), "name: x\nbody: []\n");
    const result = await run("build", "--check");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${FORM}:1:1  issue-form  the form has no dropdown with id "category"`);
  });

  it("build --check refuses a hand edit GitHub would refuse, in the form or in config.yml", async () => {
    await run("build");
    const form = await readFile(path.join(dir, FORM), "utf8");
    // `render` on an input: GitHub shows no form at all (issue 12, finding 9).
    const withRender = form.replace(
      "    id: title\n    attributes:\n",
      "    id: title\n    attributes:\n      render: shell\n",
    );
    expect(withRender).not.toBe(form);
    await writeFile(path.join(dir, FORM), withRender);
    const edited = await run("build", "--check");
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/render is only allowed on a textarea/);

    await writeFile(path.join(dir, FORM), form);
    await writeFile(path.join(dir, ".github/ISSUE_TEMPLATE/config.yml"), "blank_issue_enabled: false\n");
    const config = await run("build", "--check");
    expect(config.code).toBe(2);
    expect(config.stderr).toContain(
      'config.yml:1:1  issue-form  config.yml: unknown key "blank_issue_enabled"',
    );
  });

  it("the repository's committed form is current with data/papers.yaml", async () => {
    const parsed = parseRecords(await readFile(path.join(ROOT, "data/papers.yaml"), "utf8"));
    if (!parsed.ok) throw new Error("data/papers.yaml does not validate");
    expect(renderIssueForm(committedForm(), parsed.data.categories)).toEqual({
      ok: true,
      text: committedForm(),
    });
  });
});
