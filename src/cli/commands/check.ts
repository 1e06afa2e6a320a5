import path from "node:path";
import {
  countFailures,
  createLinkDispatcher,
  extractRecordUrls,
  mergeTargets,
  parseShard,
  readFileTargets,
  type CheckTarget,
  type LinkCheckOptions,
} from "../../check/index.js";
import { EXIT_FINDINGS, EXIT_NETWORK_UNAVAILABLE, EXIT_OK, UsageError } from "../../errors.js";
import { checkProject } from "../../project/index.js";
import type { CliContext, Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";
import { printRecordErrors, readRecordsFile } from "../records.js";
import {
  githubClientFromEnv,
  loadCheckConfig,
  parseFailOn,
  parseFormat,
  parsePositiveInt,
  progressPrinter,
  renderReport,
  reportOutput,
} from "./check-shared.js";

const HELP = `Usage: papershelf check [paths…] [options]

Checks links and GitHub repositories. Without paths: every URL of the records (entry links, repositories,
links, images, URLs inside summaries and notes). With paths: every URL in those Markdown, HTML or text files.

GitHub repository URLs are looked up through GitHub's GraphQL API (needs GITHUB_TOKEN; GITHUB_API_URL and
GITHUB_GRAPHQL_URL are honoured). Everything else is requested politely: at most --host-concurrency requests
per host, retries with backoff, Retry-After honoured. A link is reported dead only when it failed on two runs
some hours apart (state in .papershelf-cache/check-state.json); a first failure is "suspect".

Options:
  --format <text|json|markdown>  Report format (default text). JSON is documented in docs/check.md.
  --output <file>                Write the report to a file instead of stdout.
  --shard <i/n>                  Check only the hosts of shard i of n (join with "papershelf report merge").
  --max-concurrency <n>          Requests in flight overall (default 256).
  --host-concurrency <n>         Requests in flight per host (default 8).
  --timeout <ms>                 Time for one request (default 20000).
  --fail-on <verdicts>           Comma-separated verdicts that fail the run (default dead,missing; "never").
  --cache <file>                 Success cache (default .papershelf-cache/check-cache.json).
  --no-cache                     Neither read nor write the success cache.
  --state <file>                 Failure history for the two-run rule (default .papershelf-cache/check-state.json).
  --offline                      No request at all: report what the cache knows, every other link "unchecked".
  --config <file>                Config file (default .papershelf.yml; its "check:" section).

When more than half of the hosts asked (and at least 3, or both of two) cannot be reached at all (no DNS
answer, connection refused, no route), the network is judged unavailable: those links are "unchecked", no
failure is recorded against them, and the run exits 75.

Exit codes: 0 no findings among --fail-on (warnings allowed), 1 findings (invalid records included), 2 usage,
config or missing/unreadable input, 70 internal error (a bug: please report it), 75 network unavailable
(nothing was judged; run it again later).`;

/** The URLs to check, or undefined when the records are invalid (printed: a finding, exit 1). */
async function collectTargets(
  paths: string[],
  dataFile: string,
  ctx: CliContext,
): Promise<CheckTarget[] | undefined> {
  if (paths.length === 0) {
    const shown = displayPath(dataFile, ctx.cwd);
    const records = await readRecordsFile(dataFile, shown);
    if (!records.ok) {
      printRecordErrors(ctx, records.errors, shown, "no link was checked");
      return undefined;
    }
    return extractRecordUrls(records.data, records.source);
  }
  const lists: CheckTarget[][] = [];
  for (const p of paths) {
    const file = path.resolve(ctx.cwd, p);
    const read = await readFileTargets(file, displayPath(file, ctx.cwd));
    if (!read.ok) throw new UsageError(`cannot read ${read.file}: ${read.message}`);
    lists.push(read.targets);
  }
  return mergeTargets(lists);
}

export const checkCommand: Command = {
  name: "check",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        format: { type: "string" },
        output: { type: "string" },
        shard: { type: "string" },
        "max-concurrency": { type: "string" },
        "host-concurrency": { type: "string" },
        timeout: { type: "string" },
        "fail-on": { type: "string" },
        cache: { type: "string" },
        "no-cache": { type: "boolean" },
        state: { type: "string" },
        offline: { type: "boolean" },
      },
      true,
    );
    const format = parseFormat(values.format);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (shard && !shard.ok) throw new UsageError(shard.message);
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const check = loadCheckConfig(config, ctx.cwd);
    const failOn = parseFailOn(values["fail-on"], check.failOn);
    const links: Partial<LinkCheckOptions> = { ...check.links };
    const maxConcurrency = parsePositiveInt("max-concurrency", values["max-concurrency"]);
    const hostConcurrency = parsePositiveInt("host-concurrency", values["host-concurrency"]);
    const timeoutMs = parsePositiveInt("timeout", values.timeout);
    if (maxConcurrency !== undefined) links.maxConcurrency = maxConcurrency;
    if (hostConcurrency !== undefined) links.hostConcurrency = hostConcurrency;
    if (timeoutMs !== undefined) links.timeoutMs = timeoutMs;
    const useCache = !values["no-cache"];
    const cacheFile = path.resolve(ctx.cwd, values.cache ?? check.cacheFile);
    const stateFile = path.resolve(ctx.cwd, values.state ?? check.stateFile);

    // Before any request: a refused --output costs no run (and leaves the state as it was).
    const output = await reportOutput(
      values.output,
      ctx,
      config,
      values.config,
      { stateFile, cacheFile },
      format,
    );
    const targets = await collectTargets(positionals, config.data, ctx);
    if (!targets) return EXIT_FINDINGS;
    const dispatcher = createLinkDispatcher(links);
    const offline = values.offline === true;
    const graphql = offline ? undefined : githubClientFromEnv(ctx);
    const progress = progressPrinter(ctx, "URLs");
    try {
      const run = await checkProject(
        {
          targets,
          links,
          ...(check.staleMonths !== undefined ? { staleMonths: check.staleMonths } : {}),
          ...(shard?.ok ? { shard: shard.shard } : {}),
          ...(useCache ? { cacheFile } : {}),
          stateFile,
          ...(offline ? { offline } : {}),
        },
        { dispatcher, ...(graphql ? { graphql } : {}), onProgress: progress.update },
      );
      progress.end();
      const text = renderReport(run.report, format, failOn);
      if (output) {
        await output.write(text);
        ctx.stderr.write(`report written to ${values.output}\n`);
      } else {
        ctx.stdout.write(text);
      }
      if (run.report.network && !run.report.network.available) {
        ctx.stderr.write(
          `network unavailable: ${run.report.network.unreachable.length} of ${run.report.network.hostsAsked} hosts could not be reached; no link was judged (exit ${EXIT_NETWORK_UNAVAILABLE})\n`,
        );
        return EXIT_NETWORK_UNAVAILABLE;
      }
      const failures = countFailures(run.report, failOn);
      if (failures > 0) ctx.stderr.write(`${failures} finding(s) among: ${failOn.join(", ")}\n`);
      return failures > 0 ? EXIT_FINDINGS : EXIT_OK;
    } finally {
      await dispatcher.close();
    }
  },
};
