import { readFile } from "node:fs/promises";
import path from "node:path";
import { countFailures, mergeReports, parseReport, type CheckReport } from "../../check/index.js";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../../errors.js";
import type { Command } from "../context.js";
import { loadProjectConfig, parseCommandArgs } from "../options.js";
import { loadCheckConfig, parseFailOn, parseFormat, renderReport, reportOutput } from "./check-shared.js";

const HELP = `Usage: papershelf report merge <report.json>… [options]

Joins the JSON reports of "papershelf check --shard i/n --format json" runs (a GitHub Actions matrix) into one
report. Soft 404s by collapse (many links landing on one page) are recomputed across all shards.

Options:
  --format <text|json|markdown>  Output format (default text).
  --output <file>                Write the merged report to a file instead of stdout.
  --fail-on <verdicts>           Verdicts that fail the run (default dead,missing; "never").

Exit codes: 0 no findings among --fail-on, 1 findings, 2 usage error or a missing/unreadable report,
70 internal error (a bug: please report it).`;

export const reportCommand: Command = {
  name: "report",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: "string" }, output: { type: "string" }, "fail-on": { type: "string" } },
      true,
    );
    const [sub, ...files] = positionals;
    if (sub !== "merge")
      throw new UsageError(sub ? `unknown subcommand "${sub}"` : "missing subcommand: merge");
    if (files.length === 0) throw new UsageError("report merge needs at least one report file");
    const format = parseFormat(values.format);
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const check = loadCheckConfig(config, ctx.cwd);
    const failOn = parseFailOn(values["fail-on"], check.failOn);
    const output = await reportOutput(values.output, ctx, config, values.config, check, format);
    const reports: CheckReport[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(path.resolve(ctx.cwd, file), "utf8");
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
      }
      const parsed = parseReport(text);
      if (!parsed.ok) throw new UsageError(`${file}: ${parsed.message}`);
      reports.push(parsed.report);
    }
    const merged = mergeReports(reports, check.links.collapseThreshold);
    const out = renderReport(merged, format, failOn);
    if (output) await output.write(out);
    else ctx.stdout.write(out);
    return countFailures(merged, failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
