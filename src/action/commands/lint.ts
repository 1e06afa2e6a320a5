/**
 * `command: lint` — the records validated and linted exactly as `papershelf lint` does; each finding an
 * annotation at file:line, all of them in the job summary. With `changed-since` (a pull request's base) only
 * findings about entries the pull request adds or changes are reported; the base file comes from the API
 * because a pull request's shallow checkout does not hold the base commit.
 */
import { ConfigError } from "../../errors.js";
import { readFileAt } from "../../github/contents.js";
import { changedEntryIds, entriesOfText, lintList, parseLintConfig, RULES } from "../../lint/index.js";
import { formatDiagnostic } from "../../records/diagnostics.js";
import { readRecords } from "../../records/parse.js";
import { countDiagnostics, describeCounts, formatMarkdown } from "../../report/index.js";
import { annotateDiagnostics } from "../annotate.js";
import type { CommandContext, CommandResult } from "../context.js";

export async function lintCommand(ctx: CommandContext): Promise<CommandResult> {
  const file = ctx.relative(ctx.config.data);
  const settings = parseLintConfig(ctx.config, RULES);
  if (!settings.ok) throw new ConfigError(settings.errors.map(formatDiagnostic).join("\n"));
  const parsed = await readRecords(ctx.config.data, file);

  let only: Set<string> | undefined;
  const since = ctx.inputs.changedSince;
  if (since && parsed.ok) {
    const before = await readFileAt(ctx.github(), ctx.run.repo, file, since);
    only = changedEntryIds(before === undefined ? undefined : entriesOfText(before), parsed.data.entries);
  }
  const diagnostics = lintList(parsed, { now: ctx.now, settings: settings.settings, onlyEntryIds: only });
  annotateDiagnostics(ctx.reporter, diagnostics);
  const { errors, warnings } = countDiagnostics(diagnostics);
  await ctx.reporter.appendSummary(
    formatMarkdown(diagnostics, {
      file,
      ...(parsed.ok ? { entries: parsed.data.entries.length } : {}),
      ...(only && since ? { changedOnly: { ref: since.slice(0, 12), count: only.size } } : {}),
    }),
  );
  ctx.reporter.info(`${file}: ${describeCounts({ errors, warnings })}`);
  return {
    outputs: { findings: String(diagnostics.length), errors: String(errors), warnings: String(warnings) },
    errors,
    warnings,
  };
}
