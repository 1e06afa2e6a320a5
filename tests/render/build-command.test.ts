import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { renderRulesDoc } from "../../src/lint/docs.js";
import { JSON_SCHEMA_PATH, renderJsonSchema, RULES_DOC_PATH } from "../../src/build/index.js";
import { DEFAULT_CONFIG } from "../../src/config/index.js";
import { README_ZONES } from "../../src/render/index.js";
import { FIXTURES, TEMPLATES_DIR } from "./fixtures.js";
import { runCliCaptured } from "../helpers/run-cli.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "papershelf-build-"));
  await mkdir(path.join(dir, "data"));
  await cp(path.join(FIXTURES, "papers.yaml"), path.join(dir, "data/papers.yaml"));
  await cp(path.join(FIXTURES, "README.md"), path.join(dir, "README.md"));
  await cp(TEMPLATES_DIR, path.join(dir, "templates"), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCliCaptured(argv, { cwd: dir });
const read = (file: string) => readFile(path.join(dir, file), "utf8");

describe("papershelf build", () => {
  test("docs/rules.md, where a project has it, is generated too: --check fails when it is stale", async () => {
    await mkdir(path.join(dir, "docs"));
    await writeFile(path.join(dir, "docs/rules.md"), "# Lint rules\n\nhand-edited\n");
    await run("build");
    expect(await read("docs/rules.md")).toBe(renderRulesDoc());
    expect(await run("build", "--check")).toMatchObject({
      code: 0,
      stdout: "3 generated file(s) up to date\n",
    });
    await writeFile(path.join(dir, "docs/rules.md"), `${renderRulesDoc()}\nhand-edited\n`);
    const stale = await run("build", "--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("docs/rules.md is stale (the lint rules reference");
  });

  test("writes the README zones and the schema, then finds both up to date", async () => {
    const first = await run("build");
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain("wrote README.md");
    expect(first.stdout).toContain("wrote schemas/papers.schema.json");
    expect(await read("schemas/papers.schema.json")).toBe(renderJsonSchema());
    const readme = await read("README.md");
    expect(readme).toContain("- [Multimodal](#multimodal-1) (2)");

    expect(await run("build")).toMatchObject({ code: 0, stdout: "2 generated file(s) up to date\n" });
    expect(await read("README.md")).toBe(readme);
    expect(await run("build", "--check")).toMatchObject({
      code: 0,
      stdout: "2 generated file(s) up to date\n",
    });
  });

  test("--check exits 1 with a short diff and the command to fix it, and writes nothing", async () => {
    await run("build");
    const edited = (await read("README.md")).replace(
      "**[Multimodal](#multimodal-1)** (2)",
      "**[Multimodal](#multimodal)** (2)",
    );
    await writeFile(path.join(dir, "README.md"), edited);
    const result = await run("build", "--check");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "README.md is stale (README zones from data/papers.yaml and templates/):",
    );
    expect(result.stderr).toContain("\n-**[Multimodal](#multimodal)** (2) · ");
    expect(result.stderr).toContain("\n+**[Multimodal](#multimodal-1)** (2) · ");
    // A list that adopted papershelf has no "npm run readme": only the command it does have.
    expect(result.stderr).toContain('1 generated file(s) stale: run "papershelf build" and commit\n');
    expect(result.stderr).not.toContain("npm run");
    expect(await read("README.md")).toBe(edited);
  });

  test("broken markers stop the build with file:line and exit 2; the README is untouched", async () => {
    // Drop the real end marker of the toc zone (the first one in the file is an example inside a code block).
    const readme = await read("README.md");
    const at = readme.lastIndexOf("<!-- papershelf:end toc -->\n");
    const broken = readme.slice(0, at) + readme.slice(at + "<!-- papershelf:end toc -->\n".length);
    await writeFile(path.join(dir, "README.md"), broken);
    const result = await run("build");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'README.md:23:1  readme-zones  zone "entries" begins inside zone "toc" (begun on line 21); zones cannot nest: add "<!-- papershelf:end toc -->" before line 23\n' +
        'README.md:25:1  readme-zones  "<!-- papershelf:end entries -->" does not match the open zone "toc" (begun on line 21); use "<!-- papershelf:end toc -->"\n' +
        'README.md:21:1  readme-zones  zone "toc" begins on line 21 but never ends; add "<!-- papershelf:end toc -->" after it\n',
    );
    expect(result.stderr).toContain("readme-zones");
    expect(await read("README.md")).toBe(broken);
  });

  test("invalid records exit 1 with file:line:column", async () => {
    const data = (await read("data/papers.yaml")).replace("category: image-to-text", "category: nowhere");
    await writeFile(path.join(dir, "data/papers.yaml"), data);
    const result = await run("build");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^data\/papers\.yaml:33:15 {2}unknown-category {2}entry "shikra" names unknown category "nowhere"/,
    );
  });

  test("--config points at another README and templates folder", async () => {
    await cp(path.join(dir, "templates"), path.join(dir, "tpl"), { recursive: true });
    await writeFile(path.join(dir, "tpl/entry.md.hbs"), "* {{title}}\n");
    await cp(path.join(dir, "README.md"), path.join(dir, "LIST.md"));
    await writeFile(path.join(dir, "ps.yml"), "readme: LIST.md\ntemplates: tpl\n");
    expect((await run("build", "--config", "ps.yml")).code).toBe(0);
    expect(await read("LIST.md")).toContain("* Shikra: Unleashing");
    expect(await read("README.md")).toContain("stale entries");
  });

  test("--help exits 0; an unknown flag exits 2", async () => {
    const help = await run("build", "--help");
    expect(help).toMatchObject({ code: 0 });
    // Every zone the README may have, and every file build may write.
    expect(help.stdout).toContain(`(zones: ${README_ZONES.known.join(", ")})`);
    expect(help.stdout).toContain("site, intro");
    for (const file of ["README.md", JSON_SCHEMA_PATH, DEFAULT_CONFIG.issueForm, RULES_DOC_PATH])
      expect(help.stdout).toContain(`\n  ${file}`);
    const bad = await run("build", "--chekc");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option --chekc; did you mean --check?");
  });
});
