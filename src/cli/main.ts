/**
 * The CLI edge: picks the command, maps errors to exit codes (the only catch), prints help. Exit codes are
 * documented in src/errors.ts; an unexpected exception is an internal error (70), never "findings" (1).
 * Each command lives in cli/commands/<name>.ts; add new ones to COMMANDS (loaded lazily, by name).
 */
import { packageVersion } from "../package-root.js";
import { ConfigError, EXIT_CODES_HELP, EXIT_INTERNAL, EXIT_USAGE, UsageError } from "../errors.js";
import type { CliContext, Command } from "./context.js";

/**
 * A command whose module is imported only when it runs: `papershelf check` then never loads remark, ajv,
 * handlebars or octokit, and `--version` loads none of them (in lib/ each command is a chunk of its own; start-up was a
 * third of `check`'s wall time on 5,000 links, see bench/check-cli.bench.ts).
 */
export interface LazyCommand {
  name: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly LazyCommand[] = [
  { name: "init", load: async () => (await import("./commands/init.js")).initCommand },
  { name: "import", load: async () => (await import("./commands/import.js")).importCommand },
  { name: "validate", load: async () => (await import("./commands/validate.js")).validateCommand },
  { name: "lint", load: async () => (await import("./commands/lint.js")).lintCommand },
  { name: "intake", load: async () => (await import("./commands/intake.js")).intakeCommand },
  { name: "build", load: async () => (await import("./commands/build.js")).buildCommand },
  { name: "check", load: async () => (await import("./commands/check.js")).checkCommand },
  { name: "fix", load: async () => (await import("./commands/fix.js")).fixCommand },
  { name: "enrich", load: async () => (await import("./commands/enrich.js")).enrichCommand },
  { name: "report", load: async () => (await import("./commands/report.js")).reportCommand },
  { name: "site", load: async () => (await import("./commands/site.js")).siteCommand },
];

const loadCommand = (c: Command | LazyCommand): Promise<Command> =>
  "load" in c ? c.load() : Promise.resolve(c);

/** The overview lists every command's summary, so it loads them all (only for help, never for a run). */
async function mainHelp(listed: readonly (Command | LazyCommand)[]): Promise<string> {
  const commands = await Promise.all(listed.map(loadCommand));
  const width = Math.max(...commands.map((c) => c.name.length));
  return `papershelf ${packageVersion()} — a curated list of papers as data, with its README, intake and checks.

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
  commands: readonly (Command | LazyCommand)[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    ctx.stdout.write(await mainHelp(commands));
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === "--version" || name === "-v") {
    ctx.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const listed = commands.find((c) => c.name === name);
  if (!listed) {
    ctx.stderr.write(`papershelf: unknown command "${name}"\n\n${await mainHelp(commands)}`);
    return EXIT_USAGE;
  }
  const command = await loadCommand(listed);
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
