/** Loading the render fixtures and the repository's real templates. */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseRecords } from "../../src/records/parse.js";
import type { PapersFile } from "../../src/records/schema.js";
import { readTemplates, type TemplateSet } from "../../src/render/templates.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/render/", import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));

export async function readFixture(name: string): Promise<string> {
  return readFile(`${FIXTURES}${name}`, "utf8");
}

export async function loadRecords(name: string): Promise<PapersFile> {
  const result = parseRecords(await readFixture(name), name);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n"));
  return result.data;
}

export async function loadTemplates(): Promise<TemplateSet> {
  const result = await readTemplates(TEMPLATES_DIR, async (p) => {
    try {
      return await readFile(p, "utf8");
    } catch {
      return undefined;
    }
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.templates;
}
