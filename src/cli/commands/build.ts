import { mkdir } from "node:fs/promises";
import path from "node:path";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../errors.js";
import { formatDiagnostic, readTextOrUndefined, writeTextAtomic } from "../../records/index.js";
import { formatShortDiff, README_ZONES } from "../../render/index.js";
import { buildProject, JSON_SCHEMA_PATH, RULES_DOC_PATH } from "../../build/index.js";
import { DEFAULT_CONFIG } from "../../config/index.js";
import type { Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";
import { printRecordErrors, readRecordsFile } from "../records.js";

export const buildCommand: Command = {
  name: "build",
  help: `Usage: papershelf build [--check] [--config <path>]

Rewrites every generated file from the records (data/papers.yaml) and templates (templates/*.md.hbs):
  README.md                    only the lines between <!-- papershelf:begin NAME --> and
                               <!-- papershelf:end NAME --> (zones: ${README_ZONES.known.join(", ")})
  ${JSON_SCHEMA_PATH}   the JSON Schema editors use
  ${DEFAULT_CONFIG.issueForm}
                               the submission form's fields and category options ("issueForm" in
                               .papershelf.yml), where the project has the form
  ${RULES_DOC_PATH.padEnd(28)} the lint rules reference, where the project has it (papershelf itself)
Hand-written text (outside the README's zones, the rest of the form) is never changed. Files are written
atomically.

Options:
  --check          write nothing; exit 1 with a short diff when a generated file is stale (CI)
  --config <path>  project config (default: .papershelf.yml)

Exit codes: 0 up to date (or written), 1 invalid records or stale files (--check), 2 usage or config error
(bad flags, a missing records file, missing or malformed zone markers, template errors), 70 internal error
(a bug: please report it).`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, { check: { type: "boolean" } });
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const show = (file: string) => displayPath(file, ctx.cwd);

    const records = await readRecordsFile(config.data, show(config.data));
    if (!records.ok) {
      printRecordErrors(ctx, records.errors, show(config.data), "fix them, then build again");
      return EXIT_FINDINGS;
    }
    const built = await buildProject({
      config,
      data: records.data,
      readText: (file) => readTextOrUndefined(path.resolve(ctx.cwd, file)),
      displayPath: (file) => show(path.resolve(ctx.cwd, file)),
    });
    if (!built.ok) {
      for (const d of built.errors) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
      return EXIT_USAGE;
    }
    for (const d of built.warnings) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
    const { files } = built;

    const stale = files.filter((f) => f.stale);
    if (values.check) {
      for (const f of stale) {
        ctx.stderr.write(`${show(path.resolve(ctx.cwd, f.path))} is stale (${f.describe}):\n`);
        ctx.stderr.write(formatShortDiff(show(path.resolve(ctx.cwd, f.path)), f.current, f.text));
      }
      if (stale.length > 0) {
        // Not "npm run readme": that script is papershelf's own, a list that adopted papershelf has none.
        ctx.stderr.write(`${stale.length} generated file(s) stale: run "papershelf build" and commit\n`);
        return EXIT_FINDINGS;
      }
      ctx.stdout.write(`${files.length} generated file(s) up to date\n`);
      return EXIT_OK;
    }
    for (const f of stale) {
      const file = path.resolve(ctx.cwd, f.path);
      await mkdir(path.dirname(file), { recursive: true });
      await writeTextAtomic(file, f.parts ?? f.text);
      ctx.stdout.write(`wrote ${show(file)} (${f.describe})\n`);
    }
    ctx.stdout.write(
      stale.length === 0
        ? `${files.length} generated file(s) up to date\n`
        : `${stale.length} file(s) written\n`,
    );
    return EXIT_OK;
  },
};
