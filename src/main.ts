/**
 * The Action's entrypoint in GitHub's template layout (actions/typescript-action): `run()` is what
 * `src/index.ts` calls in dist/action.js and what `npx @github/local-action run . src/main.ts <env file>` calls.
 * Called with no argument it reads process.env and reports through @actions/core (which local-action stubs);
 * tests hand in their own environment and reporter.
 */
import { createCoreReporter } from "./action/core-reporter.js";
import { runAction } from "./action/main.js";
import type { ActionRuntime } from "./action/runtime.js";

/** Runs the Action once; resolves to the exit code it stands for (the step's status is set through core). */
export async function run(
  runtime: ActionRuntime = { env: process.env, reporter: createCoreReporter() },
): Promise<number> {
  return runAction(runtime);
}
