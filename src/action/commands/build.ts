/**
 * `command: build` — regenerate the README zones (and every other generated file) exactly as `papershelf build`
 * does, write them into the workspace for later steps, and on the default branch commit them when they changed.
 * The commit goes through the API on top of the commit the workspace holds; if the branch moved meanwhile,
 * nothing is forced — the push that moved it runs its own rebuild.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { commitToBranch } from "../../github/index.js";
import { formatDiagnostic, writeTextAtomic } from "../../records/index.js";
import { annotateDiagnostics } from "../annotate.js";
import type { CommandContext, CommandResult } from "../context.js";
import { regenerate } from "../regenerate.js";

export async function buildCommand(ctx: CommandContext): Promise<CommandResult> {
  const result = await regenerate(ctx, await readFile(ctx.config.data, "utf8"));
  if (!result.ok) {
    annotateDiagnostics(ctx.reporter, result.errors);
    const listed = result.errors.map((e) => `- \`${formatDiagnostic(e)}\``).join("\n");
    await ctx.reporter.appendSummary(`## papershelf build\n\n❌ Cannot build:\n\n${listed}\n`);
    return {
      outputs: { changed: "false" },
      errors: result.errors.length,
      warnings: 0,
      failure: "the generated files cannot be built",
    };
  }
  annotateDiagnostics(ctx.reporter, result.warnings);
  const { files } = result;
  for (const f of files) {
    const target = path.resolve(ctx.run.workspace, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeTextAtomic(target, f.content);
  }
  const listed = files.map((f) => `- \`${f.path}\` (${f.describe})`).join("\n");
  if (files.length === 0) {
    await ctx.reporter.appendSummary("## papershelf build\n\n✅ Every generated file is up to date.\n");
    return { outputs: { changed: "false" }, errors: 0, warnings: result.warnings.length };
  }

  const branch = ctx.run.defaultBranch;
  const onDefault = ctx.run.ref === `refs/heads/${branch}`;
  if (ctx.inputs.dryRun || !onDefault) {
    const why = ctx.inputs.dryRun ? "dry run" : `${ctx.run.ref || "this ref"} is not ${branch}`;
    await ctx.reporter.appendSummary(
      `## papershelf build\n\nRegenerated in the workspace, not committed (${why}):\n\n${listed}\n`,
    );
    return { outputs: { changed: "true" }, errors: 0, warnings: result.warnings.length };
  }
  const commit = await commitToBranch(ctx.github(), ctx.run.repo, {
    branch,
    parentSha: ctx.inputs.baseSha ?? ctx.run.sha,
    files,
    message: `papershelf: rebuild ${files.map((f) => f.path).join(", ")}`,
  });
  if (commit.outcome === "committed") {
    await ctx.reporter.appendSummary(
      `## papershelf build\n\nCommitted ${commit.commitSha.slice(0, 12)} to \`${branch}\`:\n\n${listed}\n`,
    );
    ctx.reporter.info(`committed ${commit.commitSha} to ${branch}`);
    return {
      outputs: { changed: "true", "commit-sha": commit.commitSha },
      errors: 0,
      warnings: result.warnings.length,
    };
  }
  const note =
    commit.outcome === "branch-moved"
      ? `\`${branch}\` moved on while building; its own run rebuilds it.`
      : "The commit already holds these files.";
  await ctx.reporter.appendSummary(`## papershelf build\n\nNot committed: ${note}\n\n${listed}\n`);
  return { outputs: { changed: "false" }, errors: 0, warnings: result.warnings.length };
}
