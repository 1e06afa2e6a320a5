/**
 * The CLI edge: picks the command, maps errors to exit codes (the only catch), prints help.
 * Each command lives in cli/commands/<name>.ts; add new ones to COMMANDS.
 */
import { ConfigError, EXIT_USAGE, UsageError } from "../errors.js";
import type { CliContext, Command } from "./context.js";
import { validateCommand } from "./commands/validate.js";
import { importCommand } from "./commands/import.js";
import { lintCommand } from "./commands/lint.js";
import { intakeCommand } from "./commands/intake.js";
import { buildCommand } from "./commands/build.js";
import { checkCommand } from "./commands/check.js";
import { fixCommand } from "./commands/fix.js";
import { reportCommand } from "./commands/report.js";

export const COMMANDS: readonly Command[] = [
  importCommand,
  validateCommand,
  lintCommand,
  intakeCommand,
  buildCommand,
  checkCommand,
  fixCommand,
  reportCommand,
];

export const VERSION = "0.1.0";

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `papershelf ${VERSION} — a curated list of papers as data, with its README, intake and checks.

Usage: papershelf <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run "papershelf <command> --help" for a command's options.

Exit codes: 0 clean, 1 findings, 2 usage or config error.
`;
}

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    ctx.stdout.write(mainHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === "--version" || name === "-v") {
    ctx.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`papershelf: unknown command "${name}"\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    ctx.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.stderr.write(`papershelf ${name}: ${error.message}\n\n${command.help}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      ctx.stderr.write(`papershelf ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
