/**
 * `runCli` as a test calls it: in `cwd`, with no environment but what the test gives, not interactive, and
 * what it prints collected rather than printed.
 */
import type { CliContext } from "../../src/cli/context.js";
import { COMMANDS, runCli, type ListedCommand } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliCaptured(
  argv: string[],
  context: Pick<CliContext, "cwd"> & Partial<Omit<CliContext, "stdout" | "stderr">>,
  commands: readonly ListedCommand[] = COMMANDS,
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    argv,
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      interactive: false,
      ...context,
    },
    commands,
  );
  return { code, stdout, stderr };
}
