/**
 * `command: lint` — the records validated and linted exactly as `papershelf lint` does; each finding an
 * annotation at file:line, all of them in the job summary. With `changed-since` (a pull request's base) only
 * findings about entries the pull request adds or changes are reported; the base file comes from the API
 * because a pull request's shallow checkout does not hold the base commit.
 */
import { readFileAt } from "../../github/index.js";
import { lintProject } from "../../project/index.js";
import { readRecords } from "../../records/index.js";
import { countDiagnostics, describeCounts, LINT_FORMATS } from "../../report/index.js";
import { annotateDiagnostics } from "../annotate.js";
import { blobUrl } from "../pipeline.js";
import type { CommandContext, CommandResult } from "../context.js";

export async function lintCommand(ctx: CommandContext): Promise<CommandResult> {
  const file = ctx.relative(ctx.config.data);
  const since = ctx.inputs.changedSince;
  const { diagnostics, ...scope } = await lintProject({
    config: ctx.config,
    parsed: await readRecords(ctx.config.data, file),
    now: ctx.now,
    ...(since
      ? {
          changedSince: {
            ref: since.slice(0, 12),
            readBefore: () => readFileAt(ctx.github(), ctx.run.repo, file, since),
          },
        }
      : {}),
  });
  annotateDiagnostics(ctx.reporter, diagnostics);
  const { errors, warnings } = countDiagnostics(diagnostics);
  await ctx.reporter.appendSummary(
    LINT_FORMATS.markdown({
      diagnostics,
      file,
      ...scope,
      locationUrl: (path, line) => `${blobUrl(ctx, ctx.run.sha, path)}#L${line}`,
    }),
  );
  ctx.reporter.info(`${file}: ${describeCounts({ errors, warnings })}`);
  return {
    outputs: { findings: String(diagnostics.length), errors: String(errors), warnings: String(warnings) },
    errors,
    warnings,
  };
}
