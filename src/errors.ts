/**
 * Exit codes: one rule for every command, stated here, in every `--help`, the README and docs/check.md.
 *
 *   0   clean
 *   1   findings: invalid records (syntax, schema, ids, categories), lint errors, dead links, a stale
 *       generated file, an import that left something unplaced, a submission with problems
 *   2   the command could not run: usage error (unknown flag, bad value), a config that cannot be used, an
 *       input that is missing or unreadable (the records file, a report, an issue body, a template)
 *   70  internal error: a bug in papershelf, never a finding (EX_SOFTWARE in BSD sysexits.h)
 *   75  network unavailable (`check`, `enrich`, `fix --redirects`): most hosts could not be reached, so
 *       nothing was judged; run it again when the network is back (EX_TEMPFAIL in BSD sysexits.h: a
 *       temporary failure, try again later)
 *   130 cancelled at a question (Ctrl+C or Ctrl+D while `init` asks): nothing written (128 + SIGINT, as
 *       shells report a program stopped by Ctrl+C)
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;
export const EXIT_NETWORK_UNAVAILABLE = 75;
export const EXIT_CANCELLED = 130;

/** The exit-code line every `--help` ends with; a command may add what "findings" means for it. */
export const EXIT_CODES_HELP =
  "Exit codes: 0 clean, 1 findings (invalid records included), 2 usage or config error or missing/unreadable input, 70 internal error (a bug: please report it).";

/** The overview's (`papershelf --help`): every code any command returns. */
export const ALL_EXIT_CODES_HELP = `${EXIT_CODES_HELP.replace(/\.$/, "")}, 75 network unavailable (check, enrich, fix --redirects: run it again later), 130 cancelled at a question (init).`;

/** Wrong flags or arguments: the edge prints the message and the command's help, exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A config or input file that cannot be used at all — missing, unreadable, malformed config — as opposed to a
 * finding about records: exit 2.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
}
