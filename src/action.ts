import { createCoreReporter } from "./action/core-reporter.js";
import { run } from "./action/main.js";

await run({ env: process.env, reporter: createCoreReporter() });
