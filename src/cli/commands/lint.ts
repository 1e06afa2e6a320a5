/**
 * `papershelf lint`: the edge around `lintProject`. It reads the config, the records and (for
 * `--changed-since`) the old file from git, then prints one report format and maps findings to the exit code.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../../errors.js";
import { lintProject } from "../../project/index.js";
import { LINT_FORMATS, pickFormat } from "../../report/index.js";
import type { Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";
import { readRecordsFile } from "../records.js";

const run = promisify(execFile);

/**
 * The file as it was at `ref`, or undefined when it did not exist there. A ref git does not know is a
 * usage error (exit 2): silently linting everything would hide the typo.
 */
async function readAtRef(ref: string, file: string): Promise<string | undefined> {
  if (ref.startsWith("-")) throw new UsageError(`--changed-since: "${ref}" is not a git ref`);
  const cwd = path.dirname(file);
  try {
    await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd });
  } catch (cause) {
    const stderr = String((cause as { stderr?: unknown }).stderr ?? "");
    // Outside a repository git says so on stderr (--quiet silences only an unknown ref).
    if (/not a git repository/i.test(stderr))
      throw new UsageError(`--changed-since: ${cwd} is not in a git repository`, { cause });
    throw new UsageError(`--changed-since: git does not know the ref "${ref}" (in ${cwd})`, { cause });
  }
  try {
    // `<ref>:./<name>` is resolved relative to cwd, so the file may live anywhere in the repository.
    const { stdout } = await run("git", ["show", `${ref}:./${path.basename(file)}`], {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch (cause) {
    const stderr = String((cause as { stderr?: unknown }).stderr ?? "");
    if (/does not exist|exists on disk, but not in/.test(stderr)) return undefined;
    throw new UsageError(`--changed-since: cannot read ${file} at ${ref}: ${stderr.trim()}`, { cause });
  }
}

export const lintCommand: Command = {
  name: "lint",
  help: `Usage: papershelf lint [file] [--format text|json|github|markdown] [--changed-since <git-ref>]
                       [--config <path>]

Validates the records file (default: data/papers.yaml, or "data" in .papershelf.yml) and runs every lint
rule on it. Rules, their severities and how to silence one for a record: docs/rules.md.

Options:
  --format <f>            text      file:line:col  rule-id  message, then a summary line (default)
                          json      a stable report with a version field (docs/rules.md#json-report)
                          github    workflow commands: annotations on the pull request's lines
                          markdown  a table of all findings for $GITHUB_STEP_SUMMARY
  --changed-since <ref>   report only entries added or changed since the git ref (the whole file is
                          still validated, and file-level problems are always reported)
  --config <path>         the project config (default: .papershelf.yml); severities in lint.rules

Exit codes: 0 no errors (warnings allowed), 1 errors found (invalid records included), 2 usage or config
error or a missing/unreadable records file, 70 internal error (a bug: please report it).`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: "string" }, "changed-since": { type: "string" } },
      true,
    );
    if (positionals.length > 1) throw new UsageError(`expected at most one file, got ${positionals.length}`);
    const format = pickFormat(LINT_FORMATS, values.format ?? "text");
    if (!format)
      throw new UsageError(
        `--format "${values.format}" is not one of: ${Object.keys(LINT_FORMATS).join(", ")}`,
      );

    const config = await loadProjectConfig(values.config, ctx.cwd);
    const file = positionals[0] === undefined ? config.data : path.resolve(ctx.cwd, positionals[0]);
    const shown = displayPath(file, ctx.cwd);
    const ref = values["changed-since"];
    const { diagnostics, ...scope } = await lintProject({
      config,
      parsed: await readRecordsFile(file, shown),
      now: new Date(),
      ...(ref !== undefined ? { changedSince: { ref, readBefore: () => readAtRef(ref, file) } } : {}),
    });
    ctx.stdout.write(LINT_FORMATS[format]({ diagnostics, file: shown, ...scope }));
    return diagnostics.some((d) => d.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
  },
};
