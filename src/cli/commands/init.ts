import { execFileSync } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { packageRoot, runsFromLib } from "../../package-root.js";
import { ConfigError, EXIT_OK, UsageError } from "../../errors.js";
import {
  DEFAULT_CATEGORIES,
  DEFAULT_LANGUAGES,
  nextSteps,
  parseCategories,
  parseLanguages,
  parseName,
  scaffoldList,
  writeScaffold,
  type InitAnswers,
  type Parsed,
  type WorkflowPin,
} from "../../init/index.js";
import { PAPERSHELF_REPOSITORY } from "../../papershelf-repository.js";
import type { CliContext, Command } from "../context.js";
import { displayPath, parseCommandArgs } from "../options.js";

const HELP = `Usage: papershelf init [dir] [--yes] [--force] [--name <text>] [--languages <list>] [--categories <list>]
                       [--ref <sha>] [--repository <owner/name>]

Scaffolds a papershelf list in dir (default: the current directory), empty or not:
  .papershelf.yml, data/papers.yaml (the categories and one example record), README.md (with the generated
  zones), templates/, schemas/papers.schema.json, .github/ISSUE_TEMPLATE/ (the submission form, its fields
  and category list generated as "build" does; a report form; config.yml) and .github/workflows/ (intake,
  review, main, health, pages: each calls papershelf's reusable workflow at a pinned commit).
Right after it, "papershelf validate", "lint" and "build --check" pass. On a terminal it asks for what the
flags below did not give; elsewhere (CI) pass them, or --yes for the defaults.

Options:
  --name <text>              the list's name, the README's title (default: the folder's name)
  --languages <list>         the languages of labels and texts, in order: en, zh-TW (default: en); kept in
                             .papershelf.yml, where "build" reads them for the form
  --categories <list>        the first top-level categories, comma-separated (default: "${DEFAULT_CATEGORIES}")
  --yes, -y                  take the defaults for everything not given, ask nothing
  --force                    overwrite files that exist (without it, init writes nothing when one exists)
  --ref <sha>                the papershelf commit the workflows call (default: the one this package was
                             built from)
  --repository <owner/name>  where papershelf's reusable workflows live (default: ${PAPERSHELF_REPOSITORY})

Exit codes: 0 written, 2 usage error or a file already there (nothing written), 70 internal error (a bug:
please report it).`;

async function readPackageTemplates(): Promise<Record<string, string>> {
  const dir = path.join(packageRoot(), "templates");
  const out: Record<string, string> = {};
  // Recursive: the site's templates live in templates/site/.
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  for (const file of files) {
    const full = path.join(file.parentPath, file.name);
    out[path.relative(dir, full).split(path.sep).join("/")] = await readFile(full, "utf8");
  }
  return out;
}

/** The commit lib/ was built from (lib/release.json, written by scripts/build-lib.ts), else HEAD of a checkout. */
async function builtFromCommit(): Promise<string | undefined> {
  try {
    // Only the built package's stamp speaks for this code: a checkout's lib/ may be older than its src/.
    if (runsFromLib()) {
      const info = JSON.parse(await readFile(path.join(packageRoot(), "lib", "release.json"), "utf8")) as {
        commit?: string;
      };
      if (info.commit) return info.commit;
    }
  } catch {
    // Not a built package (running from src/): ask git below.
  }
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: packageRoot(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

async function workflowPin(ref: string | undefined, repository: string | undefined): Promise<WorkflowPin> {
  const pkg = JSON.parse(await readFile(path.join(packageRoot(), "package.json"), "utf8")) as {
    version: string;
  };
  const repo = repository ?? PAPERSHELF_REPOSITORY;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new UsageError(`--repository should be owner/name, found "${repo}"`);
  const commit = ref ?? (await builtFromCommit());
  if (commit === undefined)
    throw new UsageError(
      "cannot tell which papershelf commit the workflows should call: pass --ref <full sha>",
    );
  if (!/^[0-9a-f]{40}$/.test(commit))
    throw new UsageError(
      `--ref should be a full 40-character commit sha (workflows are pinned), found "${commit}"`,
    );
  // A commit given with --ref may be any: no release is named for it.
  return { repository: repo, commit, ...(ref === undefined ? { version: pkg.version } : {}) };
}

/**
 * A warning when the folder is a git checkout on a branch other than main: the workflows run on pushes to
 * main (`git init` still names the first branch master on many machines), so none would ever run.
 */
function branchNote(root: string): string {
  let branch: string;
  try {
    branch = execFileSync("git", ["symbolic-ref", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "";
  }
  if (branch === "" || branch === "main") return "";
  return `\nNote: this repository's branch is "${branch}", and the workflows run on pushes to main. Rename it
(git branch -m ${branch} main) before the first push, or change "branches: [main]" in
.github/workflows/main.yml and pages.yml.\n`;
}

/** A flag's value, else the terminal's answer (asked until it parses), else the default with --yes. */
async function answer<T>(
  ctx: CliContext,
  what: { flag: string; given: string | undefined; question: string; fallback: string; yes: boolean },
  parse: (text: string) => Parsed<T>,
): Promise<T> {
  const check = (text: string, source: string): T => {
    const parsed = parse(text);
    if (!parsed.ok) throw new UsageError(`${source}: ${parsed.message}`);
    return parsed.value;
  };
  if (what.given !== undefined) return check(what.given, `--${what.flag}`);
  if (what.yes || !ctx.ask) {
    if (!what.yes)
      throw new UsageError(`no terminal to ask on: pass --${what.flag}, or --yes for the defaults`);
    return check(what.fallback, `default ${what.flag}`);
  }
  for (;;) {
    const text = (await ctx.ask(`${what.question} [${what.fallback}]: `)).trim() || what.fallback;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    ctx.stderr.write(`${parsed.message}\n`);
  }
}

export const initCommand: Command = {
  name: "init",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        yes: { type: "boolean", short: "y" },
        force: { type: "boolean" },
        name: { type: "string" },
        languages: { type: "string" },
        categories: { type: "string" },
        ref: { type: "string" },
        repository: { type: "string" },
      },
      true,
    );
    if (positionals.length > 1) throw new UsageError(`one folder at most, found ${positionals.length}`);
    const root = path.resolve(ctx.cwd, positionals[0] ?? ".");
    // Checked before the questions: writing into a file failed halfway with ENOTDIR, an internal error.
    if ((await stat(root).catch(() => undefined))?.isDirectory() === false)
      throw new UsageError(
        `${positionals[0] ?? "."} is a file, not a folder: give init a new or existing folder`,
      );
    const yes = values.yes === true;
    // Without a terminal, every missing flag is named at once (one at a time took three runs to learn).
    if (!yes && !ctx.ask) {
      const missing = (["name", "languages", "categories"] as const).filter(
        (flag) => values[flag] === undefined,
      );
      if (missing.length > 0)
        throw new UsageError(
          `no terminal to ask on: pass ${missing.map((flag) => `--${flag}`).join(", ")}, or --yes for the defaults`,
        );
    }
    const pin = await workflowPin(values.ref, values.repository);
    const answers: InitAnswers = {
      name: await answer(
        ctx,
        { flag: "name", given: values.name, question: "The list's name", fallback: path.basename(root), yes },
        parseName,
      ),
      languages: await answer(
        ctx,
        {
          flag: "languages",
          given: values.languages,
          question: "Languages (en, zh-TW)",
          fallback: DEFAULT_LANGUAGES.join(", "),
          yes,
        },
        parseLanguages,
      ),
      categories: await answer(
        ctx,
        {
          flag: "categories",
          given: values.categories,
          question: "First categories, comma-separated",
          fallback: DEFAULT_CATEGORIES,
          yes,
        },
        parseCategories,
      ),
    };

    const scaffold = await scaffoldList({ answers, templates: await readPackageTemplates(), pin });
    if (!scaffold.ok) throw new Error(`init made files that do not build: ${scaffold.errors.join("; ")}`);
    const result = await writeScaffold(root, scaffold.files, values.force === true);
    const shown = displayPath(root, ctx.cwd) || ".";
    if (!result.ok && result.blocked.length > 0)
      throw new ConfigError(
        `nothing written: ${result.blocked.map((b) => b.reason).join("; ")} (in ${shown}). Move ${result.blocked.length === 1 ? "it" : "them"} aside, then run init again`,
      );
    if (!result.ok)
      throw new ConfigError(
        `nothing written: ${result.existing.length} file(s) already exist in ${shown} (${result.existing.join(", ")}); pass --force to overwrite them`,
      );
    for (const file of result.written) {
      const how = result.replaced.includes(file)
        ? "replaced"
        : result.extended.includes(file)
          ? "added papershelf's lines to"
          : "wrote";
      ctx.stdout.write(`${how} ${path.posix.join(shown, file)}\n`);
    }
    for (const file of result.kept)
      ctx.stdout.write(
        `kept your ${path.posix.join(shown, file)}: add a "github-actions" update to it, so the workflows' pinned commits stay current\n`,
      );
    const release = pin.version === undefined ? "" : ` (v${pin.version})`;
    ctx.stdout.write(
      `\nThe workflows call ${pin.repository} at ${pin.commit.slice(0, 12)}${release}.\n${branchNote(root)}\n${nextSteps(shown)}`,
    );
    return EXIT_OK;
  },
};
