/** The production reporter: @actions/core's workflow commands, outputs file and job summary. */
import * as core from "@actions/core";
import type { ActionReporter } from "./runtime.js";

export function createCoreReporter(): ActionReporter {
  return {
    info: (message) => core.info(message),
    annotate: (level, message, place) => core[level](message, place),
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    setFailed: (message) => core.setFailed(message),
  };
}
