/**
 * The Action's inputs, read once from INPUT_* variables the way @actions/core's getInput does (name upper-cased,
 * spaces to underscores, value trimmed), and checked: a bad value is a usage error before anything runs.
 * The names and defaults mirror action.yml.
 */
export const ACTION_COMMANDS = ["lint", "check", "build", "intake", "report"] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

export const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** intake: both halves in one job, or the read-only compute job and the publishing job of a split workflow. */
export const INTAKE_PHASES = ["all", "compute", "publish"] as const;
export type IntakePhase = (typeof INTAKE_PHASES)[number];

/** When the check publishes the rolling health issue and the fixes pull request. */
export const PUBLISH_MODES = ["auto", "always", "never"] as const;
export type PublishMode = (typeof PUBLISH_MODES)[number];

/** Every input action.yml declares; `npm run lint:workflows` fails when the two lists differ. */
export const ACTION_INPUT_NAMES = [
  "command",
  "token",
  "config",
  "data",
  "readme",
  "fail-on",
  "changed-since",
  "shard",
  "max-concurrency",
  "publish",
  "base-sha",
  "intake-label",
  "report-file",
  "dry-run",
  "phase",
  "result-file",
] as const;
export type ActionInputName = (typeof ACTION_INPUT_NAMES)[number];

export interface ActionInputs {
  command: ActionCommand;
  token: string;
  /** Paths; undefined: from .papershelf.yml, else the defaults. */
  config?: string;
  data?: string;
  readme?: string;
  failOn: FailOn;
  /** Lint/check only records changed since this commit (a pull request's base). */
  changedSince?: string;
  /** "k/n": check the k-th of n slices of the links. */
  shard?: string;
  maxConcurrency?: number;
  publish: PublishMode;
  /** The commit the workspace holds; default GITHUB_SHA. A step that committed first passes its commit. */
  baseSha?: string;
  /** The issue label that marks a submission; default: the labels of the submission form. */
  intakeLabel?: string;
  /** check: where to write the JSON report (for a sharded run); report: the reports to merge, one a line. */
  reportFiles: string[];
  /** Compute and report, but write nothing to GitHub. */
  dryRun: boolean;
  /** intake: which half of the work this step does. */
  phase: IntakePhase;
  /** intake: the plan file compute writes and publish reads (carried between the jobs as an artifact). */
  resultFile?: string;
}

export type InputsResult = { ok: true; inputs: ActionInputs } | { ok: false; message: string };

/** The value of one input: "" when unset. */
export function getInput(env: Readonly<Record<string, string | undefined>>, name: ActionInputName): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Reads and checks every input. */
export function readInputs(env: Readonly<Record<string, string | undefined>>): InputsResult {
  const get = (name: ActionInputName) => getInput(env, name);
  const optional = (name: ActionInputName) => get(name) || undefined;
  const problems: string[] = [];

  const command = get("command");
  if (!oneOf(command, ACTION_COMMANDS))
    problems.push(`input "command" must be one of ${ACTION_COMMANDS.join(", ")}; got "${command}"`);
  const failOn = get("fail-on") || "error";
  if (!oneOf(failOn, FAIL_ON))
    problems.push(`input "fail-on" must be one of ${FAIL_ON.join(", ")}; got "${failOn}"`);
  const publish = get("publish") || "auto";
  if (!oneOf(publish, PUBLISH_MODES))
    problems.push(`input "publish" must be one of ${PUBLISH_MODES.join(", ")}; got "${publish}"`);
  const shard = optional("shard");
  if (shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(shard);
    if (!match || Number(match[1]) < 1 || Number(match[1]) > Number(match[2]))
      problems.push(`input "shard" must look like 2/4 (the 2nd of 4 slices); got "${shard}"`);
  }
  const concurrency = optional("max-concurrency");
  const maxConcurrency = concurrency === undefined ? undefined : Number(concurrency);
  if (maxConcurrency !== undefined && (!Number.isInteger(maxConcurrency) || maxConcurrency < 1))
    problems.push(`input "max-concurrency" must be a whole number ≥ 1; got "${concurrency}"`);
  const dryRun = get("dry-run") || "false";
  if (!["true", "false"].includes(dryRun))
    problems.push(`input "dry-run" must be true or false; got "${dryRun}"`);
  const phase = get("phase") || "all";
  if (!oneOf(phase, INTAKE_PHASES))
    problems.push(`input "phase" must be one of ${INTAKE_PHASES.join(", ")}; got "${phase}"`);
  const baseSha = optional("base-sha");
  if (baseSha !== undefined && !/^[0-9a-f]{40}$/.test(baseSha))
    problems.push(`input "base-sha" must be a full commit sha; got "${baseSha}"`);

  if (problems.length > 0) return { ok: false, message: problems.join("\n") };
  return {
    ok: true,
    inputs: {
      command: command as ActionCommand,
      token: get("token"),
      config: optional("config"),
      data: optional("data"),
      readme: optional("readme"),
      failOn: failOn as FailOn,
      changedSince: optional("changed-since"),
      shard,
      maxConcurrency,
      publish: publish as PublishMode,
      baseSha,
      intakeLabel: optional("intake-label"),
      reportFiles: get("report-file")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
      dryRun: dryRun === "true",
      phase: phase as IntakePhase,
      resultFile: optional("result-file"),
    },
  };
}
