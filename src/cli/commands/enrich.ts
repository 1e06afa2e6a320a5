import { arxivIdOf, planEnrichment } from "../../arxiv/index.js";
import { EXIT_FINDINGS, EXIT_NETWORK_UNAVAILABLE, EXIT_OK } from "../../errors.js";
import { addEntryFields, shorten } from "../../records/index.js";
import { arxivFromEnv } from "../arxiv-env.js";
import type { Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";
import { finishRecordsEdit, printRecordErrors, readRecordsForEdit } from "../records.js";

const HELP = `Usage: papershelf enrich [options]

Fills what arXiv knows and a record lacks: title, authors, the first version's date, the English abstract,
arXiv's primary category, the DOI and the journal reference. A value already in the record is never
changed. Writes data/papers.yaml in place without changing any other byte.

arXiv is asked politely: up to 100 ids in one request, at least 3 s between requests, retries on 429/503
after Retry-After; answers are cached in .papershelf-cache/arxiv-cache.json for 30 days. The API address
is PAPERSHELF_ARXIV_API_URL (default https://export.arxiv.org/api/query).

Options:
  --dry-run         Print what would be filled, write nothing.
  --config <file>   Config file (default .papershelf.yml).

Exit codes: 0 done (or nothing to fill), 1 invalid records or an arXiv id arXiv does not know, 2 usage,
config or missing/unreadable input, 70 internal error (a bug: please report it), 75 arXiv could not be
reached (nothing written; run it again later).`;

/** One line per value: long values (abstracts, author lists) cut, so the dry run stays readable. */
function shown(value: unknown): string {
  const text = Array.isArray(value) ? value.join(", ") : String(value);
  return shorten(text, 80);
}

export const enrichCommand: Command = {
  name: "enrich",
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, { "dry-run": { type: "boolean" } });
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const file = displayPath(config.data, ctx.cwd);
    const read = await readRecordsForEdit(ctx, config.data, file, "nothing was filled");
    if (!read) return EXIT_FINDINGS;
    const { text, records } = read;
    const ids = records.data.entries.map(arxivIdOf).filter((id): id is string => id !== undefined);
    if (ids.length === 0) {
      ctx.stdout.write(`${file}: no record names an arXiv paper\n`);
      return EXIT_OK;
    }
    const arxiv = await arxivFromEnv(ctx);
    const lookup = await arxiv.client.lookup(ids);
    if (!lookup.ok) {
      ctx.stderr.write(`${lookup.message}; nothing was filled\n`);
      return EXIT_NETWORK_UNAVAILABLE;
    }
    await arxiv.save();
    const plan = planEnrichment(records.data, lookup.papers);
    for (const { entryId, arxiv: id } of plan.unknown)
      ctx.stderr.write(`${file}: entry "${entryId}": arXiv has no paper ${id}; check its arxiv id\n`);
    if (plan.additions.length === 0) {
      ctx.stdout.write(`${file}: nothing to fill (${lookup.requests} arXiv request(s))\n`);
      return plan.unknown.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    const edit = addEntryFields(text, plan.additions, file);
    if (!edit.ok) {
      printRecordErrors(ctx, edit.errors, file, "nothing was filled");
      return EXIT_FINDINGS;
    }
    for (const add of plan.additions) {
      const entry = records.data.entries[add.entryIndex];
      const pos = records.source.entryPosition(add.entryIndex);
      ctx.stdout.write(`${file}:${pos.line}  ${entry?.id}  ${add.key}: ${shown(add.value)}\n`);
    }
    const filled = new Set(plan.additions.map((a) => a.entryIndex)).size;
    await finishRecordsEdit(ctx, {
      file: config.data,
      shown: file,
      text: edit.text,
      changed: true,
      dryRun: values["dry-run"] === true,
      summary: `${plan.additions.length} value(s) for ${filled} record(s) from ${lookup.requests} arXiv request(s)`,
      done: "filled",
    });
    return plan.unknown.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
