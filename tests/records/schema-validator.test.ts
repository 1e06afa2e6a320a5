/**
 * The published CLI validates with ajv's standalone code written at build time (scripts/build-lib.ts);
 * everything else compiles the schema at run time. Both come from the same schema and options, and this
 * test holds them to the same verdict and the same errors on the real list and on random broken records.
 */
import fc from "fast-check";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRecords } from "../../src/records/parse.js";
import { buildJsonSchema } from "../../src/records/schema.js";
import {
  ajvOptions,
  compileSchemaValidator,
  standaloneValidatorCode,
  type SchemaValidate,
} from "../../src/records/schema-validator.js";

const schema = buildJsonSchema();
const list = parseRecords(readFileSync("data/papers.yaml", "utf8"));
if (!list.ok) throw new Error("data/papers.yaml must be valid for this test");
const { data } = list;

// Inside the repository, so an `import "ajv/dist/runtime/…"` in the generated code would resolve.
const cacheDir = path.resolve("node_modules/.cache");
let dir = "";
let standalone: SchemaValidate;
let compiled: SchemaValidate;

beforeAll(async () => {
  mkdirSync(cacheDir, { recursive: true });
  dir = mkdtempSync(path.join(cacheDir, "papershelf-validator-"));
  const file = path.join(dir, "validator.mjs");
  writeFileSync(file, await standaloneValidatorCode(schema));
  standalone = ((await import(pathToFileURL(file).href)) as { default: SchemaValidate }).default;
  compiled = await compileSchemaValidator(schema);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Verdict and errors, with the schema objects the errors point at compared by content. */
function outcome(validate: SchemaValidate, value: unknown) {
  const ok = validate(value);
  return { ok, errors: JSON.parse(JSON.stringify(validate.errors ?? [])) as unknown };
}

const ODD_VALUES = [
  null,
  "",
  " ",
  "javascript:alert(1)",
  "2023-13",
  "𝒳",
  42,
  true,
  [],
  ["a", "a"],
  {},
  { url: "https://example.org" },
  { url: 5, label: "" },
];

describe("precompiled and run-time schema validators", () => {
  it("agree on the repository's list", () => {
    expect(outcome(standalone, data)).toEqual(outcome(compiled, data));
    expect(standalone(data)).toBe(true);
  });

  it("agree on records with random fields set to odd values", () => {
    const entries = data.entries as unknown as Record<string, unknown>[];
    const keys = [...new Set(entries.flatMap((e) => Object.keys(e))), "unknown-field", "x"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            entry: fc.nat({ max: entries.length - 1 }),
            key: fc.constantFrom(...keys),
            value: fc.constantFrom(...ODD_VALUES),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          const copy = structuredClone(data) as unknown as { entries: Record<string, unknown>[] };
          for (const { entry, key, value } of edits) {
            const record = copy.entries[entry];
            if (record) record[key] = structuredClone(value);
          }
          const a = outcome(standalone, copy);
          expect(a).toEqual(outcome(compiled, copy));
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });

  it("count lengths in UTF-16 units only while every length limit is 0 or 1", () => {
    expect(ajvOptions(schema).unicode).toBe(false);
    // A 2-character limit would count "𝒳" as 2 units but 1 character: code points are counted then.
    expect(ajvOptions({ type: "string", maxLength: 2 }).unicode).toBeUndefined();
    expect(ajvOptions({ properties: { a: { minLength: 3 } } }).unicode).toBeUndefined();
  });
});
