/**
 * The records file as every command reads it, so they agree on exit codes (src/errors.ts): a missing or
 * unreadable file is an input error (exit 2); invalid records are findings (exit 1), printed with positions.
 */
import { ConfigError } from "../errors.js";
import { type Diagnostic, formatDiagnostic, type ParseResult, readRecords } from "../records/index.js";
import type { CliContext } from "./context.js";

/** Reads and validates the records; throws ConfigError (exit 2) when the file cannot be read at all. */
export async function readRecordsFile(file: string, shown: string): Promise<ParseResult> {
  const result = await readRecords(file, shown);
  const unreadable = result.ok ? undefined : result.errors.find((e) => e.ruleId === "io");
  if (unreadable) throw new ConfigError(formatDiagnostic(unreadable));
  return result;
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
