/**
 * `command: report` — the last job of a sharded check: merges the shards' JSON reports (`report-file`, one path
 * a line, e.g. downloaded artifacts) as `papershelf report merge` does, then publishes the result like `check`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { mergeReports, parseReport, type CheckReport } from "../../check/index.js";
import { UsageError } from "../../errors.js";
import type { CommandContext, CommandResult } from "../context.js";
import { publishReport } from "../health.js";

export async function reportCommand(ctx: CommandContext): Promise<CommandResult> {
  if (ctx.inputs.reportFiles.length === 0)
    throw new UsageError(
      'command "report" needs the shards\' JSON reports in the input "report-file", one a line',
    );
  const reports: CheckReport[] = [];
  for (const file of ctx.inputs.reportFiles) {
    let text: string;
    try {
      text = await readFile(path.resolve(ctx.run.workspace, file), "utf8");
    } catch (cause) {
      throw new UsageError(`cannot read the report ${file}: ${(cause as Error).message}`, { cause });
    }
    const parsed = parseReport(text);
    if (!parsed.ok) throw new UsageError(`${file}: ${parsed.message}`);
    reports.push(parsed.report);
  }
  ctx.reporter.info(`merged ${reports.length} report(s)`);
  return publishReport(ctx, mergeReports(reports));
}
