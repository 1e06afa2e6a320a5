/**
 * The Action's `run()`: reads the inputs once, builds the context, dispatches the command, sets the outputs,
 * applies the fail-on policy. It holds the only catch: anything thrown becomes a failed step with its message.
 */
import { ConfigError, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from "../errors.js";
import { buildCommand } from "./commands/build.js";
import { checkCommand } from "./commands/check.js";
import { intakeCommand } from "./commands/intake.js";
import { lintCommand } from "./commands/lint.js";
import { reportCommand } from "./commands/report.js";
import {
  createCommandContext,
  loadActionConfig,
  type CommandContext,
  type CommandResult,
} from "./context.js";
import { readRunContext } from "./event.js";
import { readInputs, type ActionCommand, type FailOn } from "./inputs.js";
import type { ActionRuntime } from "./runtime.js";

const COMMANDS: Record<ActionCommand, (ctx: CommandContext) => Promise<CommandResult>> = {
  lint: lintCommand,
  check: checkCommand,
  build: buildCommand,
  intake: intakeCommand,
  report: reportCommand,
};

/** Why the step fails under the policy, or undefined. */
export function failureUnderPolicy(result: CommandResult, failOn: FailOn): string | undefined {
  if (result.failure) return result.failure;
  if (failOn === "never") return undefined;
  if (result.errors > 0)
    return `${result.errors} error(s)${result.warnings ? ` and ${result.warnings} warning(s)` : ""}`;
  if (failOn === "warning" && result.warnings > 0) return `${result.warnings} warning(s) (fail-on: warning)`;
  return undefined;
}

/** Runs the Action once. Returns the exit code it stands for (the step's status is set through the reporter). */
export async function runAction(runtime: ActionRuntime): Promise<number> {
  const { reporter } = runtime;
  try {
    const read = readInputs(runtime.env);
    if (!read.ok) {
      reporter.setFailed(read.message);
      return EXIT_USAGE;
    }
    const context = await readRunContext(runtime.env);
    if (!context.ok) {
      reporter.setFailed(context.message);
      return EXIT_USAGE;
    }
    const { inputs } = read;
    const config = await loadActionConfig(inputs, context.context.workspace);
    const ctx = createCommandContext(runtime, inputs, context.context, config);
    let result: CommandResult;
    try {
      result = await COMMANDS[inputs.command](ctx);
    } finally {
      await ctx.dispose();
    }
    for (const [name, value] of Object.entries(result.outputs)) reporter.setOutput(name, value);
    const failure = failureUnderPolicy(result, inputs.failOn);
    if (failure) {
      reporter.setFailed(`papershelf ${inputs.command}: ${failure}`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  } catch (error) {
    const usage = error instanceof ConfigError || error instanceof UsageError;
    const message = error instanceof Error ? error.message : String(error);
    reporter.setFailed(error instanceof ConfigError ? `papershelf: bad configuration\n${message}` : message);
    if (error instanceof Error && error.stack && !usage) reporter.info(error.stack);
    // A crash is not a finding: the same code the CLI uses for "internal error".
    return usage ? EXIT_USAGE : EXIT_INTERNAL;
  }
}
