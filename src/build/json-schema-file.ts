/** `schemas/papers.schema.json`, generated from the one schema (records/schema.ts) for editors. */
import { buildJsonSchema } from "../records/index.js";
import type { Generator } from "./generators.js";

/** Where editors find the schema: data/papers.yaml names it in its `# yaml-language-server: $schema=` line. */
export const JSON_SCHEMA_PATH = "schemas/papers.schema.json";

/** Stable text: the schema's own key order (written once, deterministic), 2-space indent, final newline. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

export const jsonSchemaGenerator: Generator = {
  path: () => JSON_SCHEMA_PATH,
  describe: "the JSON Schema of data/papers.yaml",
  generate: async () => ({ ok: true, text: renderJsonSchema(), warnings: [] }),
};
