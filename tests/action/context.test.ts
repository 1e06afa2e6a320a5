import { describe, expect, it } from "vitest";
import { createCommandContext } from "../../src/action/context.js";
import type { RunContext } from "../../src/action/event.js";
import { readInputs } from "../../src/action/inputs.js";
import { parseConfig } from "../../src/config/load.js";
import { RecordingReporter } from "./harness.js";

const RUN: RunContext = {
  eventName: "schedule",
  repo: { owner: "o", repo: "r" },
  defaultBranch: "main",
  sha: "0".repeat(40),
  ref: "refs/heads/main",
  workspace: process.cwd(),
  apiUrl: "http://127.0.0.1:9",
  graphqlUrl: "http://127.0.0.1:9/graphql",
};

describe("createCommandContext", () => {
  it("builds the GraphQL client once a run, so every request shares its throttling queue", async () => {
    const config = parseConfig("", ".papershelf.yml");
    const inputs = readInputs({ INPUT_COMMAND: "check", INPUT_TOKEN: "t" });
    if (!config.ok || !inputs.ok) throw new Error("fixture config or inputs are invalid");
    const ctx = createCommandContext(
      { env: {}, reporter: new RecordingReporter() },
      inputs.inputs,
      RUN,
      config.config,
    );
    expect(ctx.graphql()).toBeDefined();
    expect(ctx.graphql()).toBe(ctx.graphql());
    await ctx.dispose();
  });
});
