/** The committed README.md and schema file, as GitHub would show them. */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { parseRecords } from "../../src/records/parse.js";
import { flattenCategories } from "../../src/records/validate.js";
import { renderJsonSchema } from "../../src/build/index.js";
import { fragmentLinks, headingIds, renderGfm } from "./gfm.js";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");

test("every #anchor link in README.md resolves to a heading id (cmark-gfm + github-slugger)", () => {
  const html = renderGfm(readme);
  const ids = new Set(headingIds(html).map((h) => h.id));
  const links = fragmentLinks(html);
  const records = parseRecords(readFileSync(new URL("data/papers.yaml", root), "utf8"));
  if (!records.ok) throw new Error("data/papers.yaml is invalid");
  // The hand-written links at the top plus one per category in the ToC.
  expect(links.length).toBeGreaterThanOrEqual(flattenCategories(records.data.categories).length);
  expect(links.filter((l) => !ids.has(l))).toEqual([]);
});

test("schemas/papers.schema.json is the schema generated from src/records/schema.ts", () => {
  expect(readFileSync(new URL("schemas/papers.schema.json", root), "utf8")).toBe(renderJsonSchema());
});
