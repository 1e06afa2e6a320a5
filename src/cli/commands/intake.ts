import path from "node:path";
import { ConfigError, EXIT_FINDINGS, EXIT_OK, UsageError } from "../../errors.js";
import { renderIntakeComment, showInvisible, type IntakeProblem } from "../../intake/index.js";
import { intakeSubmission } from "../../project/index.js";
import {
  formatDiagnostic,
  invalidUtf8Message,
  readTextOrUndefined,
  readUtf8Strict,
  stringifyEntry,
  type StrictText,
  writeTextAtomic,
} from "../../records/index.js";
import { createPaperLookup } from "../../arxiv/index.js";
import { arxivFromEnv } from "../arxiv-env.js";
import type { CliContext, Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";

const HELP = `Usage: papershelf intake --body <file> [--dry-run] [--comment] [--data <path>] [--form <path>] [--config <path>]

Reads an issue body as GitHub writes it for the submission form (.github/ISSUE_TEMPLATE/submit-paper.yml),
fills what the submitter left empty (title, authors, date, abstract…) from arXiv when the link or the arXiv
id names a paper (PAPERSHELF_ARXIV_API_URL, default https://export.arxiv.org/api/query), builds the record, inserts it at the end of its category in the data file (no other byte changes), then
validates and lints the whole list. Prints the record (YAML) and its README preview, or every problem with
the field it is about and how to fix it.

Options:
  --body <file>   the issue body (Markdown, as in the issue's "Edit" box)
  --dry-run       print only; do not write the data file
  --comment       print the issue comment the Action would post instead of the record
  --data <path>   the records file (default: "data" in .papershelf.yml, else data/papers.yaml)
  --form <path>   the submission form (default: "issueForm" in .papershelf.yml)

The entry's "added" date is today (UTC), or the time in SOURCE_DATE_EPOCH when it is set.
Without --dry-run the data file is written atomically (a temporary file renamed over it).

Exit codes: 0 record built (and written unless --dry-run), 1 the submission has problems (nothing written),
2 usage or config error, or a file that cannot be read (the records, the body, the form), 70 internal error
(a bug: please report it).`;

/** A template that cannot be read for any reason only costs the preview its template (a plain one instead). */
const readTemplateText = (file: string) => readTextOrUndefined(file).catch(() => undefined);

async function readInput(file: string, what: string): Promise<string> {
  let read: StrictText;
  try {
    read = await readUtf8Strict(file);
  } catch (cause) {
    throw new ConfigError(`cannot read the ${what} ${file}: ${(cause as Error).message}`, { cause });
  }
  // Written back whole, a records file with a byte that is not UTF-8 would change on other lines (U+FFFD).
  if (!read.ok) throw new ConfigError(`cannot use the ${what} ${file}: ${invalidUtf8Message(read.invalid)}`);
  return read.text;
}

/** SOURCE_DATE_EPOCH (seconds) makes a run reproducible, as in reproducible builds. */
function clock(ctx: CliContext): Date {
  const epoch = ctx.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH should be seconds, found "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

function formatProblem(p: IntakeProblem): string {
  const where = [p.label ?? p.field, p.line === undefined ? undefined : `line ${p.line}`].filter(Boolean);
  const head = `${p.severity === "warning" ? "warning  " : ""}${where.length ? `${where.join(", ")}: ` : ""}${p.message}`;
  // The hint may say "one of these": the answers to copy follow it, all of them (a terminal folds nothing).
  // So may it point at a listed entry (the one a duplicate repeats): its title and address, as the comment links it.
  const lines = [
    head,
    ...(p.hint ? [`    ${p.hint}`] : []),
    ...(p.choices ?? []).map((c) => `      - ${c}`),
    ...(p.links ?? []).map((l) => `      ${l.text}: ${l.url}`),
  ];
  // Messages quote submitted text: never let it reach a terminal with its direction controls.
  return showInvisible(lines.join("\n"));
}

export const intakeCommand: Command = {
  name: "intake",
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, {
      body: { type: "string" },
      "dry-run": { type: "boolean" },
      comment: { type: "boolean" },
      data: { type: "string" },
      form: { type: "string" },
    });
    if (values.body === undefined) throw new UsageError("--body <file> is required");
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const dataFile = values.data === undefined ? config.data : path.resolve(ctx.cwd, values.data);
    const formFile = values.form === undefined ? config.issueForm : path.resolve(ctx.cwd, values.form);
    const show = (file: string) => displayPath(path.resolve(ctx.cwd, file), ctx.cwd);
    // PAPERSHELF_ARXIV_API_URL points this at a mirror or a test server; one request for the submission.
    const arxiv = await arxivFromEnv(ctx);
    const { result, templateErrors } = await intakeSubmission({
      config,
      lookupArxiv: createPaperLookup(arxiv.client),
      body: await readInput(path.resolve(ctx.cwd, values.body), "issue body"),
      template: await readInput(formFile, "issue form"),
      papersText: await readInput(dataFile, "records file"),
      file: displayPath(dataFile, ctx.cwd),
      now: clock(ctx),
      readText: readTemplateText,
      displayPath: show,
      readmeUrl: show(config.readme),
    });
    // The preview used the README's entry template; without usable templates, a plain one.
    for (const d of templateErrors)
      ctx.stderr.write(`warning  ${formatDiagnostic(d)} (plain preview instead)\n`);

    await arxiv.save();
    if (values.comment) ctx.stdout.write(renderIntakeComment(result, { languages: config.languages }));
    for (const p of result.findings) ctx.stderr.write(`${formatProblem(p)}\n`);
    if (!result.ok) {
      if (!values.comment) for (const p of result.errors) ctx.stderr.write(`${formatProblem(p)}\n`);
      ctx.stderr.write(`${result.errors.length} problem(s) in the submission; nothing was written\n`);
      return EXIT_FINDINGS;
    }
    if (!values.comment && result.fromArxiv.length > 0)
      ctx.stdout.write(`# Filled in from arXiv: ${result.fromArxiv.join(", ")}\n\n`);
    if (!values.comment)
      ctx.stdout.write(
        `# Record (${displayPath(dataFile, ctx.cwd)})\n\n${stringifyEntry(result.entry, 0)}\n# Preview\n\n${result.preview}`,
      );
    if (values["dry-run"]) {
      ctx.stderr.write(`dry run: ${displayPath(dataFile, ctx.cwd)} not written\n`);
      return EXIT_OK;
    }
    await writeTextAtomic(dataFile, result.newText);
    ctx.stderr.write(`added "${result.entry.id}" to ${displayPath(dataFile, ctx.cwd)}\n`);
    return EXIT_OK;
  },
};
