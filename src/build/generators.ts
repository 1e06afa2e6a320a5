/**
 * The build stage sits above records, render, lint and intake: every file papershelf generates, in one
 * registry (each generator calls down into its stage; no stage calls back up here): `papershelf build` writes them, `papershelf build --check`
 * (CI) fails when one differs from what the records and templates would produce.
 *
 * To register a generated file, add one item to GENERATORS:
 *
 *     export const myGenerator: Generator = {
 *       path: (config) => config.issueForm,            // relative paths are taken from the working directory
 *       describe: "the issue form's category list",     // shown as "<path> (<describe>) is stale"
 *       async generate(ctx, current) {                  // current: the file's text now, undefined if missing
 *         return { ok: true, text: rewrite(current, ctx.data), warnings: [] };  // or { ok: false, errors }
 *       },
 *     };
 *
 * `generate` must be deterministic (same records, same bytes) and should keep hand-written parts of
 * `current` as they are. It reads other files only through `ctx.readText`.
 */
import type { ProjectConfig } from "../config/index.js";
import { partsEqual, type Diagnostic, type PapersFile } from "../records/index.js";
import { issueFormGenerator } from "./issue-form-file.js";
import { jsonSchemaGenerator } from "./json-schema-file.js";
import { readmeGenerator } from "./readme-file.js";
import { rulesDocGenerator } from "./rules-doc-file.js";

export interface GenerateContext {
  /** The project config, paths resolved. */
  config: ProjectConfig;
  /** Valid records. */
  data: PapersFile;
  /** Reads a UTF-8 file; undefined when it does not exist (the file system is passed in, for tests). */
  readText(path: string): Promise<string | undefined>;
  /** How a path is shown in messages (relative to the working directory). */
  displayPath(path: string): string;
}

export type GenerateResult =
  | {
      ok: true;
      readonly text: string;
      /** The text as the parts it was made of, when the generator has them (the README): see text-parts.ts. */
      parts?: readonly string[];
      warnings: Diagnostic[];
    }
  | { ok: false; errors: Diagnostic[] };

export interface Generator {
  /** The generated file. */
  path(config: ProjectConfig): string;
  /** One line saying what the file is, for messages. */
  describe: string;
  /** A file a project may not have (the issue form): when it is missing, it is skipped, not created. */
  optional?: boolean;
  generate(ctx: GenerateContext, current: string | undefined): Promise<GenerateResult>;
}

export const GENERATORS: readonly Generator[] = [
  readmeGenerator,
  jsonSchemaGenerator,
  issueFormGenerator,
  rulesDocGenerator,
];

export interface GeneratedFile {
  path: string;
  describe: string;
  /** The file's text now (undefined: missing). */
  current: string | undefined;
  result: GenerateResult;
  /** The generated text differs from the file's (only when result.ok). */
  stale: boolean;
}

/** Runs every generator against the files as they are; writing is the caller's business. */
export async function runGenerators(
  ctx: GenerateContext,
  generators: readonly Generator[] = GENERATORS,
): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const generator of generators) {
    const path = generator.path(ctx.config);
    const current = await ctx.readText(path);
    if (current === undefined && generator.optional) continue;
    const result = await generator.generate(ctx, current);
    out.push({
      path,
      describe: generator.describe,
      current,
      result,
      stale: result.ok && !(result.parts ? partsEqual(result.parts, current) : result.text === current),
    });
  }
  return out;
}
