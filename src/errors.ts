/**
 * Exit codes, documented in the README and `papershelf --help`:
 *   0  clean
 *   1  findings (invalid records, lint errors, dead links, a stale generated file)
 *   2  usage or configuration error (unknown flag, unreadable config, malformed config)
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Wrong flags or arguments: the edge prints the message and the command's help, exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A config or input file that cannot be used at all (not a finding about records): exit 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
