/**
 * The intake checks strangers' links on the runner. Whatever `check.publicOnly` says in the config, its
 * connections must refuse a name that resolves to a private address: that is the only guard against
 * http://169.254.169.254.nip.io/, which passes every URL-level test. Loopback only: "localhost" resolves to
 * 127.0.0.1 without a network, and port 9 on loopback is closed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MockAgent, type Dispatcher } from "undici";
import { checkUrls } from "../../src/check/links/check-urls.js";
import { createCommandContext, type CommandContext } from "../../src/action/context.js";
import type { RunContext } from "../../src/action/event.js";
import { readInputs } from "../../src/action/inputs.js";
import { createIntakeLinkCheck } from "../../src/action/pipeline.js";
import { parseConfig } from "../../src/config/load.js";
import { RecordingReporter } from "./harness.js";

const RUN: RunContext = {
  eventName: "issues",
  repo: { owner: "o", repo: "r" },
  defaultBranch: "main",
  sha: "0".repeat(40),
  ref: "refs/heads/main",
  workspace: process.cwd(),
  apiUrl: "http://127.0.0.1:9",
  graphqlUrl: "http://127.0.0.1:9/graphql",
};

/** A context as the Action builds it, from a config that turns publicOnly off for the maintainers' checks. */
function contextWith(linkDispatcher?: Dispatcher): CommandContext {
  const config = parseConfig("check:\n  publicOnly: false\n  retries: 0\n", ".papershelf.yml");
  const inputs = readInputs({ INPUT_COMMAND: "intake" });
  if (!config.ok || !inputs.ok) throw new Error("fixture config or inputs are invalid");
  const runtime = {
    env: {},
    reporter: new RecordingReporter(),
    ...(linkDispatcher ? { linkDispatcher } : {}),
  };
  return createCommandContext(runtime, inputs.inputs, RUN, config.config);
}

let ctx: CommandContext | undefined;
afterEach(async () => {
  await ctx?.dispose();
  ctx = undefined;
});

describe("the intake's link checks with check.publicOnly: false", () => {
  it("connect through a dispatcher that refuses names resolving to private addresses", async () => {
    ctx = contextWith();
    // URL-level tests off (publicOnly not passed): only each dispatcher's DNS guard is compared.
    const viaIntake = await checkUrls(
      ["http://localhost:9/"],
      { dispatcher: ctx.intakeLinks() },
      { retries: 0 },
    );
    const viaConfig = await checkUrls(["http://localhost:9/"], { dispatcher: ctx.links() }, { retries: 0 });
    expect(viaIntake.results[0]?.message).toContain("EPRIVATEADDR");
    // The maintainers' own checks do what the config says: they connect (and find port 9 closed).
    expect(viaConfig.results[0]?.message).not.toContain("EPRIVATEADDR");
  });

  it("createIntakeLinkCheck sends every request through that dispatcher, never the config's", async () => {
    ctx = contextWith();
    const intakeAgent = new MockAgent();
    intakeAgent.disableNetConnect();
    intakeAgent.get("https://paper.example").intercept({ path: "/abs" }).reply(200, "<title>paper</title>");
    const configAgent = new MockAgent();
    configAgent.disableNetConnect();
    const used: string[] = [];
    ctx.intakeLinks = () => (used.push("intake"), intakeAgent);
    ctx.links = () => (used.push("config"), configAgent);
    const results = await createIntakeLinkCheck(ctx)(["https://paper.example/abs"]);
    expect(results).toMatchObject([{ url: "https://paper.example/abs", verdict: "ok" }]);
    expect(used).toEqual(["intake"]);
    await Promise.all([intakeAgent.close(), configAgent.close()]);
  });
});
