/**
 * The use cases: what the CLI and the Action both call, given config and clients. Each edge only parses its
 * inputs, calls one of these and prints. (`buildProject` is the build stage's own; it is re-exported here
 * so the edges find every use case in one place.)
 */
export { buildProject, type BuildResult, type BuiltFile } from "../build/index.js";
export {
  createIntakeLinkCheck,
  createIntakeLint,
  intakeSubmission,
  type IntakeSubmission,
  type IntakeSubmissionInput,
} from "./intake-submission.js";
export { checkProject, type CheckProjectInput } from "./check-project.js";
export { lintProject, type LintProjectInput, type LintProjectResult } from "./lint-project.js";
