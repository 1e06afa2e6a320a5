/** What a CLI command gets from the edge: streams, environment and working directory, passed in for tests. */
export interface Writer {
  write(text: string): unknown;
}

export interface CliContext {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  cwd: string;
  /** True when stdout is a terminal (progress bars, colours); false in CI and in tests. */
  interactive: boolean;
  /** Asks a question on the terminal and returns the answer; absent when stdin is not a terminal (CI, tests). */
  ask?: (question: string) => Promise<string>;
}

export interface Command {
  name: string;
  /** The full `papershelf <name> --help` text. */
  help: string;
  /** Returns the exit code. Throws UsageError / ConfigError for exit 2. */
  run(argv: string[], ctx: CliContext): Promise<number>;
}
