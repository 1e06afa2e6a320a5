/**
 * `lintProject`: the lint as the CLI and the Action both run it: the project's severities, the whole list
 * validated and linted, and with a base (a pull request's, or `--changed-since`) only the findings about
 * entries added or changed since then. Each edge reads the base its own way (git, the API) and prints.
 */
import type { ProjectConfig } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { changedEntryIds, entriesOfText, lintList, parseLintConfig, RULES } from "../lint/index.js";
import { formatDiagnostic, type Diagnostic, type ParseResult } from "../records/index.js";

export interface LintProjectInput {
  config: ProjectConfig;
  /** The records as read (an invalid file is linted too: its errors are the findings). */
  parsed: ParseResult;
  now: Date;
  /** The base to compare with: its ref, and the data file's text there (undefined: it did not exist). */
  changedSince?: { ref: string; readBefore(): Promise<string | undefined> };
}

export interface LintProjectResult {
  diagnostics: Diagnostic[];
  /** Entries in the file (undefined when it could not be parsed). */
  entries?: number;
  /** Set when the report was narrowed to the entries changed since `ref`. */
  changedSince?: { ref: string; entryIds: ReadonlySet<string> };
}

/** Throws ConfigError for bad severities in the config (the edges' exit 2). */
export async function lintProject(input: LintProjectInput): Promise<LintProjectResult> {
  const settings = parseLintConfig(input.config, RULES);
  if (!settings.ok) throw new ConfigError(settings.errors.map(formatDiagnostic).join("\n"));
  const { parsed, changedSince } = input;
  let entryIds: Set<string> | undefined;
  if (changedSince && parsed.ok) {
    const before = await changedSince.readBefore();
    entryIds = changedEntryIds(before === undefined ? undefined : entriesOfText(before), parsed.data.entries);
  }
  const diagnostics = lintList(parsed, {
    now: input.now,
    settings: settings.settings,
    ...(entryIds ? { onlyEntryIds: entryIds } : {}),
  });
  return {
    diagnostics: [...diagnostics],
    ...(parsed.ok ? { entries: parsed.data.entries.length } : {}),
    ...(entryIds && changedSince ? { changedSince: { ref: changedSince.ref, entryIds } } : {}),
  };
}
