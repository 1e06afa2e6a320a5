/** `docs/rules.md`, the lint rules reference, generated from the rules themselves (src/lint/docs.ts). */
import type { Generator } from "./generators.js";

export const RULES_DOC_PATH = "docs/rules.md";

export const rulesDocGenerator: Generator = {
  path: () => RULES_DOC_PATH,
  describe: "the lint rules reference (from src/lint/rules/*.ts)",
  // A list that uses papershelf as a tool has no docs/ of its own: nothing is created there.
  optional: true,
  // The lint room (remark-lint with it) loads only where the file exists: papershelf's own repository.
  async generate() {
    const { renderRulesDoc } = await import("../lint/index.js");
    return { ok: true, text: renderRulesDoc(), warnings: [] };
  },
};
