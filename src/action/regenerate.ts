/**
 * The generated files (README zones, JSON Schema, the form's categories — whatever src/build registers) for a
 * given papers text, as `papershelf build` makes them: what a submission's pull request and the rebuild on
 * main commit alongside the data.
 */
import { type Diagnostic, formatDiagnostic, parseRecords, readTextOrUndefined } from "../records/index.js";
import path from "node:path";
import type { FileChange } from "../github/index.js";
import { buildProject } from "../build/index.js";
import type { CommandContext } from "./context.js";

/** Findings stay Diagnostics (file, line, column) so the edge can annotate them where they are. */
export type RegenerateResult =
  | { ok: true; files: (FileChange & { describe: string })[]; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[] };

/** Reads a file by workspace path; undefined when it does not exist. */
export type ReadText = (file: string) => Promise<string | undefined>;

/**
 * Every generated file whose text, for this papers text, differs from the current one. `readText` gives the
 * current files and the templates: the workspace by default, a commit's files for a submission's base.
 */
export async function regenerate(
  ctx: CommandContext,
  papersText: string,
  readText: ReadText = readTextOrUndefined,
): Promise<RegenerateResult> {
  const records = parseRecords(papersText, ctx.relative(ctx.config.data));
  if (!records.ok) return { ok: false, errors: records.errors };
  const resolve = (file: string) => path.resolve(ctx.run.workspace, file);
  const built = await buildProject({
    config: ctx.config,
    data: records.data,
    readText: (file) => readText(resolve(file)),
    displayPath: (file) => ctx.relative(resolve(file)),
  });
  if (!built.ok) return built;
  return {
    ok: true,
    files: built.files.flatMap((f) =>
      f.stale ? [{ path: ctx.relative(resolve(f.path)), content: f.text, describe: f.describe }] : [],
    ),
    warnings: built.warnings,
  };
}

/** The changed generated files for a submission; a generator failure is the maintainers' to fix. */
export async function regenerateFiles(
  ctx: CommandContext,
  papersText: string,
  readText?: ReadText,
): Promise<FileChange[]> {
  const result = await regenerate(ctx, papersText, readText);
  if (!result.ok)
    throw new Error(
      `cannot regenerate the generated files:\n${result.errors.map(formatDiagnostic).join("\n")}`,
    );
  return result.files.map(({ path: file, content }) => ({ path: file, content }));
}
