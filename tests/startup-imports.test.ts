/**
 * What a command loads at start-up. `lint` and `build` on a list with a submission form must not load
 * undici or fast-xml-parser: only a link check or an arXiv request uses them, and loading them cost
 * ~185 ms of every build (project/index.ts, arxiv/client.ts, arxiv/feed.ts load them on first use).
 * The CLI runs in a child process with a module resolve hook that logs every specifier it is asked for.
 * `site` must not load the full Markdown stack for a list whose texts all take its fast path (~0.06 s).
 */
import { execFile } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { testTempDir } from "./helpers/temp-dir.js";
import { makeSyntheticList, toSyntheticYaml } from "../bench/synthetic.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const run = promisify(execFile);
/**
 * tsx's loader by its path: the CLI runs in a temporary project, where a bare "tsx" would be looked for in
 * that folder's node_modules (and found only if some parent folder happened to have one).
 */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const HOOKS = `
import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  appendFileSync(log, specifier + "\\n");
  return next(specifier, context);
}
`;
const REGISTER = `
import { register } from "node:module";
register("./hooks.mjs", import.meta.url, { data: { log: process.env.PAPERSHELF_TEST_IMPORT_LOG } });
`;

/** The bare specifiers (packages) a CLI command resolved, in a copy of this repository's list. */
async function packagesLoadedBy(args: string[]): Promise<Set<string>> {
  const dir = await testTempDir("papershelf-startup-");
  const project = path.join(dir, "project");
  for (const part of [
    "data",
    "templates",
    "schemas",
    "README.md",
    ".papershelf.yml",
    ".github/ISSUE_TEMPLATE",
  ])
    await cp(path.join(ROOT, part), path.join(project, part), { recursive: true });
  await writeFile(path.join(dir, "hooks.mjs"), HOOKS);
  await writeFile(path.join(dir, "register.mjs"), REGISTER);
  const log = path.join(dir, "imports.log");
  await writeFile(log, "");
  await run(
    process.execPath,
    ["--import", TSX, "--import", path.join(dir, "register.mjs"), path.join(ROOT, "src/cli.ts"), ...args],
    { cwd: project, env: { ...process.env, PAPERSHELF_TEST_IMPORT_LOG: log } },
  );
  const specifiers = (await readFile(log, "utf8")).split("\n").filter(Boolean);
  return new Set(
    specifiers
      .filter(
        (s) => !s.startsWith(".") && !s.startsWith("/") && !s.startsWith("file:") && !s.startsWith("node:"),
      )
      .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : (s.split("/")[0] ?? s))),
  );
}

/**
 * Whether `papershelf site` on `yaml` (or the repository's own list) required rehype-raw: the rehype stack is
 * loaded with require() at the first text the fast path leaves to it (src/site/rehype-stack.ts), which the
 * resolve hook above does not see on Node 20, so Node's own module log (NODE_DEBUG=module) is read instead.
 */
async function siteRequiresRehype(yaml?: string): Promise<boolean> {
  const dir = await testTempDir("papershelf-startup-site-");
  const project = path.join(dir, "project");
  for (const part of ["data", "templates", ".papershelf.yml"])
    await cp(path.join(ROOT, part), path.join(project, part), { recursive: true });
  if (yaml !== undefined) await writeFile(path.join(project, "data/papers.yaml"), yaml);
  const { stderr } = await run(
    process.execPath,
    ["--import", TSX, path.join(ROOT, "src/cli.ts"), "site", "--out", path.join(dir, "site")],
    { cwd: project, env: { ...process.env, NODE_DEBUG: "module" }, maxBuffer: 64 * 2 ** 20 },
  );
  // The log names every module it loads: an empty one (no NODE_DEBUG) cannot pass the first case.
  return /[\\/]rehype-raw[\\/]/.test(stderr);
}

describe("start-up imports", () => {
  it("site loads the full Markdown stack only for a text the fast path leaves to it", async () => {
    // The real list has a category intro the fast path leaves to the stack (bold inside a link's text); plain
    // synthetic records have none.
    expect(await siteRequiresRehype()).toBe(true);
    expect(await siteRequiresRehype(toSyntheticYaml(makeSyntheticList(30)))).toBe(false);
  }, 60_000);

  it("lint and build --check, on a list with a submission form, load neither undici nor fast-xml-parser", async () => {
    for (const args of [["lint"], ["build", "--check"]]) {
      const loaded = await packagesLoadedBy(args);
      // The hook saw the command's own packages: an empty log cannot pass.
      expect(loaded, args.join(" ")).toContain("js-yaml");
      expect(loaded, args.join(" ")).not.toContain("undici");
      expect(loaded, args.join(" ")).not.toContain("fast-xml-parser");
    }
    // build checks the form through the intake, so it does load the form's YAML library.
    expect(await packagesLoadedBy(["build", "--check"])).toContain("yaml");
  }, 60_000);
});
