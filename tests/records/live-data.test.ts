/**
 * A smoke test of the live list: data/papers.yaml validates, passes its own lint and renders into README.md.
 * Nothing here depends on what the list holds (counts, titles, links): entries come and go with every
 * submission and every `papershelf fix`. The migration's exact content is tested on the frozen copy,
 * tests/fixtures/seed/migrated.yaml.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { parseRecords } from "../../src/records/parse.js";
import { renderReadme } from "../../src/render/readme.js";
import { loadTemplates } from "../render/fixtures.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function cli(...argv: string[]) {
  let out = "";
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (out += t) },
    env: {},
    cwd: ROOT,
    interactive: false,
  });
  return { code, out };
}

test("data/papers.yaml validates", async () => {
  expect(await cli("validate")).toMatchObject({ code: 0 });
});

test("data/papers.yaml passes its own lint (the repository's .papershelf.yml)", async () => {
  const result = await cli("lint");
  expect(result.out).not.toMatch(/^\S+:\d+:\d+ {2}(?!warning )/m);
  expect(result.code).toBe(0);
});

test("data/papers.yaml renders into README.md's zones", async () => {
  const records = parseRecords(readFileSync(`${ROOT}data/papers.yaml`, "utf8"));
  if (!records.ok) throw new Error("data/papers.yaml is invalid");
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  const result = renderReadme(readme, "README.md", records.data, await loadTemplates());
  expect(result.ok && result.warnings).toEqual([]);
});
