/**
 * The use cases: what the CLI and the Action both call, given config and clients. Each edge only parses its
 * inputs, calls one of these and prints. (`buildProject` is the build stage's own; it is offered here too so
 * the edges find every use case in one place.)
 *
 * A use case loads its stages when it is called, not when this door is imported: `papershelf check urls.txt`
 * imports this door for `checkProject` and must not pay for lint's rules, render's templates, the intake and
 * remark (about half of its start-up before; bench/check-cli.bench.ts), and `lint` and `build` must not pay
 * for the check stage and undici's Agent. Types are re-exported as they are.
 */
import type { BuildInput, BuildResult } from "../build/index.js";
import type { CheckRun, RunCheckDeps } from "../check/index.js";
import type { CheckProjectInput } from "./check-project.js";
import type { IntakeSubmission, IntakeSubmissionInput } from "./intake-submission.js";
import type { LintProjectInput, LintProjectResult } from "./lint-project.js";

export type { BuildInput, BuildResult, BuiltFile } from "../build/index.js";
export type { CheckProjectInput } from "./check-project.js";
export { createIntakeLinkCheck } from "./intake-link-check.js";
export type { IntakeSubmission, IntakeSubmissionInput } from "./intake-submission.js";
export type { LintProjectInput, LintProjectResult } from "./lint-project.js";

/** `papershelf check` and the Action's check: see check-project.ts. */
export async function checkProject(input: CheckProjectInput, clients: RunCheckDeps): Promise<CheckRun> {
  return (await import("./check-project.js")).checkProject(input, clients);
}

/** `papershelf lint` and the Action's lint: see lint-project.ts. */
export async function lintProject(input: LintProjectInput): Promise<LintProjectResult> {
  return (await import("./lint-project.js")).lintProject(input);
}

/** The intake, CLI and Action: see intake-submission.ts. */
export async function intakeSubmission(input: IntakeSubmissionInput): Promise<IntakeSubmission> {
  return (await import("./intake-submission.js")).intakeSubmission(input);
}

/** `papershelf build` and the Action's build: see build/build-project.ts. */
export async function buildProject(input: BuildInput): Promise<BuildResult> {
  return (await import("../build/index.js")).buildProject(input);
}
