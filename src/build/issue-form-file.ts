/**
 * The submission form as a generated file: `papershelf build` rewrites its fields from the record anatomy
 * and its category options from the category tree, and `build --check` fails when they are stale. Everything
 * else in the form is hand-written and kept byte for byte. A project without the form does not use the intake: nothing is generated.
 */
import path from "node:path";
import { ENTRY_ANATOMY, type Diagnostic } from "../records/index.js";
import type { Generator } from "./generators.js";

const diagnostic =
  (file: string) =>
  (message: string): Diagnostic => ({
    ruleId: "issue-form",
    severity: "error",
    message,
    file,
    line: 1,
    column: 1,
  });

export const issueFormGenerator: Generator = {
  path: (config) => config.issueForm,
  describe:
    "the submission form's fields from the record anatomy and its category options from data/papers.yaml",
  optional: true,
  async generate(ctx, current) {
    // The intake room (and arXiv, levenshtein and the form's YAML reader with it) loads only for a project
    // that has the form: a build without one does not pay for it at start-up.
    const { CATEGORY_FIELD_ID, renderIssueForm, validateIssueForm, validateTemplateConfig } =
      await import("../intake/index.js");
    const file = ctx.displayPath(ctx.config.issueForm);
    const result = renderIssueForm(
      current ?? "",
      ctx.data.categories,
      CATEGORY_FIELD_ID,
      ENTRY_ANATOMY,
      ctx.config.languages,
    );
    if (result.ok) {
      // GitHub refuses a form with a syntax error (and shows no form at all): so does `build --check`.
      const configFile = path.join(path.dirname(ctx.config.issueForm), "config.yml");
      const config = await ctx.readText(configFile);
      const errors = [
        // The file as committed is what GitHub shows now; the generated text is what it will show.
        ...[...new Set([...validateIssueForm(current ?? ""), ...validateIssueForm(result.text)])].map(
          diagnostic(file),
        ),
        ...(config === undefined
          ? []
          : validateTemplateConfig(config).map(diagnostic(ctx.displayPath(configFile)))),
      ];
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, text: result.text, warnings: [] };
    }
    return {
      ok: false,
      errors: result.errors.map((message): Diagnostic => ({
        ruleId: "issue-form",
        severity: "error",
        message,
        file,
        line: 1,
        column: 1,
      })),
    };
  },
};
