/**
 * The CLI edge: picks the command, maps errors to exit codes (the only catch), prints help. Exit codes are
 * documented in src/errors.ts; an unexpected exception is an internal error (70), never "findings" (1).
 * Each command lives in cli/commands/<name>.ts; add new ones to COMMANDS.
 */
import { createRequire } from "node:module";
import { ConfigError, EXIT_CODES_HELP, EXIT_INTERNAL, EXIT_USAGE, UsageError } from "../errors.js";
import type { CliContext, Command } from "./context.js";
import { validateCommand } from "./commands/validate.js";
import { importCommand } from "./commands/import.js";
import { lintCommand } from "./commands/lint.js";
import { intakeCommand } from "./commands/intake.js";
import { buildCommand } from "./commands/build.js";
import { checkCommand } from "./commands/check.js";
import { fixCommand } from "./commands/fix.js";
import { enrichCommand } from "./commands/enrich.js";
import { reportCommand } from "./commands/report.js";
import { siteCommand } from "./commands/site.js";
import { initCommand } from "./commands/init.js";

export const COMMANDS: readonly Command[] = [
  initCommand,
  importCommand,
  validateCommand,
  lintCommand,
  intakeCommand,
  buildCommand,
  checkCommand,
  fixCommand,
  enrichCommand,
  reportCommand,
  siteCommand,
];

/** package.json's version (changesets bumps it there): src/cli/ and lib/cli/ both sit two folders below it. */
export const VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `papershelf ${VERSION} — a curated list of papers as data, with its README, intake and checks.

Usage: papershelf <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run "papershelf <command> --help" for a command's options.

${EXIT_CODES_HELP}
`;
}

/** The one line a crash prints: never a stack trace (unless PAPERSHELF_DEBUG is set), never exit 1. */
function reportInternalError(name: string, error: unknown, ctx: CliContext): number {
  const what = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
  ctx.stderr.write(
    `papershelf ${name}: internal error: ${what} — this is a bug in papershelf, please report it with the command you ran (PAPERSHELF_DEBUG=1 prints the stack trace)\n`,
  );
  if (ctx.env.PAPERSHELF_DEBUG && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  return EXIT_INTERNAL;
}

/** Runs one command and returns its exit code. `commands` is a parameter for tests. */
export async function runCli(
  argv: string[],
  ctx: CliContext,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    ctx.stdout.write(mainHelp(commands));
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === "--version" || name === "-v") {
    ctx.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`papershelf: unknown command "${name}"\n\n${mainHelp(commands)}`);
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
    return reportInternalError(name, error, ctx);
  }
}
