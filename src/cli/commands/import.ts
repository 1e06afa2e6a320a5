import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../../errors.js";
import { formatNotice, importMarkdown, parseArxivIds, stringifyPapersFile } from "../../import/index.js";
import { formatDiagnostic, parseRecords, plural, writeTextAtomic } from "../../records/index.js";
import type { Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";

/** Where the generated JSON Schema lives, relative to the project root (cwd). */
const SCHEMA_FILE = "schemas/papers.schema.json";

async function readInput(file: string, shown: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder" : String(cause);
    throw new ConfigError(`cannot read ${shown}: ${reason}`, { cause });
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export const importCommand: Command = {
  name: "import",
  help: `Usage: papershelf import <file.md> [--out <file>] [--arxiv-ids <yaml>] [--force] [--config <path>]

Reads a Markdown list (# category, ## subcategory, ### [title](url)[date or venue], image, repository and
link lines, #### 摘要 and its text, --- between entries; or awesome-style "- [Name](url) - description"
items) and writes the records file (default: data/papers.yaml, or "data" in .papershelf.yml). Prints a notice, with its line, for everything that could not be placed and
for every rule that moved or normalised text (asides, prose sections, joined titles, dates read leniently).

Options:
  --out <file>        where to write the records (refuses to replace an existing file)
  --arxiv-ids <yaml>  a list of {title, arxiv} items; ids are matched to entries by title
  --force             replace the output file if it exists

Exit codes: 0 everything placed (info notices may be printed), 1 something could not be placed or matched
(the file is still written; the warnings say what to fix by hand), 2 usage error, unreadable input, an
existing output without --force, or no category headings in the input; 70 internal error (a bug: please
report it).`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { out: { type: "string" }, "arxiv-ids": { type: "string" }, force: { type: "boolean" } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError("expected exactly one Markdown file to import");
    const input = path.resolve(ctx.cwd, positionals[0] as string);
    // The inputs first: a typo in the file's name should say so, not that the output already exists.
    const markdown = await readInput(input, displayPath(input, ctx.cwd));
    let arxivIds;
    if (values["arxiv-ids"] !== undefined) {
      const idsFile = path.resolve(ctx.cwd, values["arxiv-ids"]);
      const shown = displayPath(idsFile, ctx.cwd);
      const parsed = parseArxivIds(await readInput(idsFile, shown), shown);
      if (!parsed.ok) throw new ConfigError(parsed.errors.map(formatDiagnostic).join("\n"));
      arxivIds = parsed.list;
    }
    const out =
      values.out === undefined
        ? (await loadProjectConfig(values.config, ctx.cwd)).data
        : path.resolve(ctx.cwd, values.out);
    const shownOut = displayPath(out, ctx.cwd);
    // --force replaces a file, never a folder (the rename failed with EISDIR, an internal error).
    if ((await stat(out).catch(() => undefined))?.isDirectory())
      throw new UsageError(
        `--out ${shownOut} is a folder; give the records file's name, e.g. ${path.join(shownOut, "papers.yaml")}`,
      );
    if (!values.force && (await exists(out))) {
      ctx.stderr.write(`papershelf import: ${shownOut} already exists; pass --force to replace it\n`);
      return EXIT_USAGE;
    }

    const { data, report } = importMarkdown(markdown, {
      file: displayPath(input, ctx.cwd),
      ...(arxivIds ? { arxivIds } : {}),
    });
    for (const notice of report) ctx.stderr.write(`${formatNotice(notice)}\n`);
    if (data.categories.length === 0) {
      ctx.stderr.write(
        `papershelf import: no category headings ("# Title") in ${displayPath(input, ctx.cwd)}: nothing to import\n`,
      );
      return EXIT_USAGE;
    }

    const schemaRef = path
      .relative(path.dirname(out), path.join(ctx.cwd, SCHEMA_FILE))
      .split(path.sep)
      .join("/");
    const text = stringifyPapersFile(data, schemaRef);
    // The importer should only ever produce valid records; check before writing rather than trust it.
    const check = parseRecords(text, shownOut);
    if (!check.ok) {
      for (const d of check.errors) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
      ctx.stderr.write(
        `papershelf import: the imported records do not validate; ${shownOut} was not written\n`,
      );
      return EXIT_FINDINGS;
    }
    await mkdir(path.dirname(out), { recursive: true });
    await writeTextAtomic(out, text);

    const warnings = report.filter((n) => n.severity === "warning").length;
    const kinds = new Map<string, number>();
    for (const e of data.entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    const kindText = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ");
    ctx.stdout.write(
      `wrote ${shownOut}: ${plural(data.entries.length, "entry", "entries")} (${kindText}) in ${plural(data.categories.length, "top category", "top categories")}; ` +
        `${report.length} notice(s), ${warnings} warning(s)\n`,
    );
    return warnings > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
