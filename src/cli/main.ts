/**
 * The CLI edge: picks the command, maps errors to exit codes (the only catch), prints help. Exit codes are
 * documented in src/errors.ts; an unexpected exception is an internal error (70), never "findings" (1).
 * Each command lives in cli/commands/<name>.ts; add new ones to COMMANDS (loaded lazily, by name).
 */
import { closestName } from "../did-you-mean.js";
import { packageVersion } from "../package-root.js";
import {
  ConfigError,
  EXIT_CANCELLED,
  ALL_EXIT_CODES_HELP,
  EXIT_INTERNAL,
  EXIT_USAGE,
  UsageError,
} from "../errors.js";
import type { CliContext, Command } from "./context.js";
import { systemErrorMessage } from "./system-errors.js";

/**
 * A command whose module is imported only when it runs: `papershelf check` then never loads remark, ajv,
 * handlebars or octokit, and `--version` loads none of them (in lib/ each command is a chunk of its own; start-up was a
 * third of `check`'s wall time on 5,000 links, see bench/check-cli.bench.ts).
 */
export interface LazyCommand {
  name: string;
  /** One line for `papershelf --help`, kept here so the overview loads no command module. */
  summary: string;
  load(): Promise<Command>;
}

/** A command listed with its summary: a registry entry, or (in tests) a command object with one. */
export type ListedCommand = LazyCommand | (Command & { summary: string });

export const COMMANDS: readonly LazyCommand[] = [
  {
    name: "init",
    summary: "Scaffold a papershelf list here: data, README, templates, issue forms, workflows",
    load: async () => (await import("./commands/init.js")).initCommand,
  },
  {
    name: "import",
    summary: "Turn a HackMD / awesome-style Markdown list into the records file",
    load: async () => (await import("./commands/import.js")).importCommand,
  },
  {
    name: "validate",
    summary: "Check data/papers.yaml against the schema (syntax, fields, types, ids, categories)",
    load: async () => (await import("./commands/validate.js")).validateCommand,
  },
  {
    name: "lint",
    summary: "Check the records the way a careful reviewer would (duplicates, dates, slugs, URLs, 摘要…)",
    load: async () => (await import("./commands/lint.js")).lintCommand,
  },
  {
    name: "intake",
    summary: "Turn a submission issue body into a record, a preview and an edit of data/papers.yaml",
    load: async () => (await import("./commands/intake.js")).intakeCommand,
  },
  {
    name: "build",
    summary:
      "Regenerate the README zones and the JSON Schema from data/papers.yaml (--check: fail when stale)",
    load: async () => (await import("./commands/build.js")).buildCommand,
  },
  {
    name: "check",
    summary: "Check links and GitHub repositories (of the records, or of given Markdown/HTML/text files)",
    load: async () => (await import("./commands/check.js")).checkCommand,
  },
  {
    name: "fix",
    summary: "Apply safe link fixes to the records (paperswithcode → arXiv, renamed repositories, redirects)",
    load: async () => (await import("./commands/fix.js")).fixCommand,
  },
  {
    name: "enrich",
    summary: "Fill missing titles, authors, dates, abstracts, DOIs and journal references from arXiv",
    load: async () => (await import("./commands/enrich.js")).enrichCommand,
  },
  {
    name: "report",
    summary: "Join shard reports of papershelf check (report merge a.json b.json …)",
    load: async () => (await import("./commands/report.js")).reportCommand,
  },
  {
    name: "site",
    summary: "Build the static site (search, filters, feed, BibTeX, JSON) from data/papers.yaml",
    load: async () => (await import("./commands/site.js")).siteCommand,
  },
];

const loadCommand = (c: ListedCommand): Promise<Command> => ("load" in c ? c.load() : Promise.resolve(c));

/** The overview: every command's summary line, from the registry (no command module is loaded). */
function mainHelp(commands: readonly ListedCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `papershelf ${packageVersion()} — a curated list of papers as data, with its README, intake and checks.

Usage: papershelf <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run "papershelf <command> --help" for a command's options.

${ALL_EXIT_CODES_HELP}
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
  commands: readonly ListedCommand[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    ctx.stdout.write(mainHelp(commands));
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === "--version" || name === "-v") {
    ctx.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const listed = commands.find((c) => c.name === name);
  if (!listed) {
    const names = commands.map((c) => c.name);
    const meant = closestName(name, names);
    const hint = meant === undefined ? "" : `; did you mean "${meant}"?`;
    ctx.stderr.write(`papershelf: unknown command "${name}"${hint}\n\n${mainHelp(commands)}`);
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
    // Ctrl+C or Ctrl+D at a question (init): the person stopped it, nothing was written.
    if (error instanceof Error && error.name === "AbortError" && ctx.ask !== undefined) {
      ctx.stderr.write(`\npapershelf ${name}: cancelled, nothing written\n`);
      return EXIT_CANCELLED;
    }
    const refused = systemErrorMessage(error, ctx.cwd);
    if (refused !== undefined) {
      ctx.stderr.write(`papershelf ${name}: ${refused}\n`);
      return EXIT_USAGE;
    }
    return reportInternalError(name, error, ctx);
  }
}
