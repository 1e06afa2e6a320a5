/**
 * `command: check` — the records' links and GitHub repositories checked as `papershelf check` does (same
 * engine, cache and two-run rule; state files kept between runs by actions/cache), then published:
 * summary and annotations always, the rolling issue and the fixes pull request on scheduled runs.
 * With `changed-since` only the URLs of changed entries are checked (pull request review).
 */
import path from "node:path";
import { extractRecordUrls, parseShard, writeJsonFile, type CheckTarget } from "../../check/index.js";
import { ConfigError, UsageError } from "../../errors.js";
import { readFileAt } from "../../github/index.js";
import { checkProject } from "../../project/index.js";
import { changedEntryIds, entriesOfText } from "../../lint/index.js";
import { type Entry, formatDiagnostic, readRecords } from "../../records/index.js";
import type { CommandContext, CommandResult } from "../context.js";
import { publishReport } from "../health.js";

async function changedOnly(
  ctx: CommandContext,
  targets: CheckTarget[],
  entries: Entry[],
): Promise<CheckTarget[]> {
  const since = ctx.inputs.changedSince;
  if (!since) return targets;
  const file = ctx.relative(ctx.config.data);
  const before = await readFileAt(ctx.github(), ctx.run.repo, file, since);
  const changed = changedEntryIds(before === undefined ? undefined : entriesOfText(before), entries);
  return targets.filter((t) => t.locations.some((l) => l.entryId !== undefined && changed.has(l.entryId)));
}

export async function checkCommand(ctx: CommandContext): Promise<CommandResult> {
  const check = ctx.checkConfig();
  const file = ctx.relative(ctx.config.data);
  const records = await readRecords(ctx.config.data, file);
  if (!records.ok)
    throw new ConfigError(
      `cannot check invalid records (run lint):\n${records.errors.map(formatDiagnostic).join("\n")}`,
    );
  const shard = ctx.inputs.shard === undefined ? undefined : parseShard(ctx.inputs.shard);
  if (shard && !shard.ok) throw new UsageError(shard.message);

  const targets = await changedOnly(
    ctx,
    extractRecordUrls(records.data, records.source),
    records.data.entries,
  );
  const resolve = (p: string) => path.resolve(ctx.run.workspace, p);
  const cacheFile = resolve(check.cacheFile);
  const stateFile = resolve(check.stateFile);
  const graphql = ctx.graphql();
  const run = await checkProject(
    {
      targets,
      links: {
        ...check.links,
        ...(ctx.inputs.maxConcurrency !== undefined ? { maxConcurrency: ctx.inputs.maxConcurrency } : {}),
      },
      ...(check.staleMonths !== undefined ? { staleMonths: check.staleMonths } : {}),
      ...(shard?.ok ? { shard: shard.shard } : {}),
      cacheFile,
      stateFile,
    },
    { dispatcher: ctx.links(), now: () => ctx.now.getTime(), ...(graphql ? { graphql } : {}) },
  );
  const reportFile = ctx.inputs.reportFiles[0];
  if (reportFile) await writeJsonFile(resolve(reportFile), run.report);
  ctx.reporter.info(`${targets.length} URL(s) checked${shard?.ok ? ` (shard ${ctx.inputs.shard})` : ""}`);
  // A shard publishes nothing but its summary (shouldPublish): the `report` step publishes the merged report.
  return publishReport(ctx, run.report);
}
