import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../../errors.js";
import { formatDiagnostic, plural } from "../../records/index.js";
import type { Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";
import { printRecordErrors, readRecordsFile } from "../records.js";

export const validateCommand: Command = {
  name: "validate",
  help: `Usage: papershelf validate [file] [--config <path>]

Parses the records file (default: data/papers.yaml, or "data" in .papershelf.yml) and validates it
against the schema. Errors are printed as file:line:column  rule-id  message.

Exit codes: 0 valid, 1 invalid records, 2 usage or config error or a missing/unreadable records file,
70 internal error (a bug: please report it).`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, {}, true);
    // `papershelf validate data/*.yaml` checked the first file only and said nothing of the others.
    if (positionals.length > 1) throw new UsageError(`expected at most one file, got ${positionals.length}`);
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const file = positionals[0] ?? config.data;
    const result = await readRecordsFile(file, displayPath(file, ctx.cwd));
    if (!result.ok) {
      printRecordErrors(ctx, result.errors, displayPath(file, ctx.cwd), "the records are invalid");
      return EXIT_FINDINGS;
    }
    for (const d of result.warnings) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
    ctx.stdout.write(
      `${displayPath(file, ctx.cwd)}: ${plural(result.data.entries.length, "entry", "entries")} in ${plural(result.data.categories.length, "top category", "top categories")}, valid\n`,
    );
    return EXIT_OK;
  },
};
