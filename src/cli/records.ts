/**
 * The records file as every command reads it, so they agree on exit codes (src/errors.ts): a missing or
 * unreadable file is an input error (exit 2); invalid records are findings (exit 1), printed with positions.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.js";
import {
  type Diagnostic,
  formatDiagnostic,
  parseRecords,
  type ParseOptions,
  type ParseResult,
  readRecords,
  invalidUtf8Diagnostic,
  readUtf8Strict,
  type StrictText,
  writeTextAtomic,
} from "../records/index.js";
import type { CliContext } from "./context.js";

/** Reads and validates the records; throws ConfigError (exit 2) when the file cannot be read at all. */
export async function readRecordsFile(
  file: string,
  shown: string,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const result = await readRecords(file, shown, options);
  const unreadable = result.ok ? undefined : result.errors.find((e) => e.ruleId === "io");
  if (unreadable) throw new ConfigError(`${formatDiagnostic(unreadable)}${listFolderHint(file)}`);
  return result;
}

/**
 * For a records file that is not there: the folder above that holds a list (its .papershelf.yml or
 * data/papers.yaml), where papershelf should run. `cd data && papershelf validate` looked for
 * data/data/papers.yaml and said only "file not found".
 */
function listFolderHint(file: string): string {
  if (existsSync(file)) return "";
  for (let dir = path.dirname(path.dirname(path.resolve(file))); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ".papershelf.yml")) || existsSync(path.join(dir, "data", "papers.yaml")))
      return `\n(the list is in ${dir}: run papershelf there)`;
    if (path.dirname(dir) === dir) return "";
  }
}

/** Prints the errors of invalid records and a closing line saying what was not done. */
export function printRecordErrors(
  ctx: CliContext,
  errors: readonly Diagnostic[],
  shown: string,
  consequence: string,
): void {
  for (const d of errors) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
  ctx.stderr.write(`${errors.length} error(s) in ${shown}: ${consequence}\n`);
}

/** The records file read for an in-place edit (`fix`, `enrich`): its bytes and their parse. */
export interface RecordsForEdit {
  text: string;
  records: Extract<ParseResult, { ok: true }>;
}

/**
 * Reads the records file an edit starts from. Unreadable → ConfigError (exit 2); invalid records are printed
 * with `consequence` ("nothing was fixed") and give undefined, so the command returns EXIT_FINDINGS.
 */
export async function readRecordsForEdit(
  ctx: CliContext,
  file: string,
  shown: string,
  consequence: string,
): Promise<RecordsForEdit | undefined> {
  let read: StrictText;
  try {
    read = await readUtf8Strict(file);
  } catch (error) {
    throw new ConfigError(`cannot read ${shown}: ${(error as Error).message}`, { cause: error });
  }
  if (!read.ok) {
    printRecordErrors(ctx, [invalidUtf8Diagnostic(shown, read.invalid)], shown, consequence);
    return undefined;
  }
  const { text } = read;
  const records = parseRecords(text, shown);
  if (records.ok) return { text, records };
  printRecordErrors(ctx, records.errors, shown, consequence);
  return undefined;
}

/** What an in-place edit ends with: the new bytes and how to say what they hold. */
export interface RecordsEditPlan {
  file: string;
  shown: string;
  text: string;
  /** Whether `text` differs from the file: nothing is written otherwise. */
  changed: boolean;
  dryRun: boolean;
  /** "3 fix(es)": what the dry run plans and the write applies. */
  summary: string;
  /** The verb after the summary once written ("applied", "filled"). */
  done: string;
}

/** Writes the edit atomically (or, on a dry run, says nothing was written) and prints one closing line. */
export async function finishRecordsEdit(ctx: CliContext, plan: RecordsEditPlan): Promise<void> {
  if (plan.dryRun) {
    ctx.stdout.write(`${plan.summary} planned; nothing written (--dry-run)\n`);
    return;
  }
  if (plan.changed) await writeTextAtomic(plan.file, plan.text);
  ctx.stdout.write(`${plan.shown}: ${plan.summary} ${plan.done}\n`);
}
