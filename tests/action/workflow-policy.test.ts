import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkActionMetadata, checkWorkflowPolicy } from "../../scripts/workflow-policy.js";
import { ACTION_INPUT_NAMES } from "../../src/action/inputs.js";

const UNSAFE = `name: bad
on:
  pull_request_target:
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@0400d5f644dc74513175e3cd8d07132dd4860809
      - run: echo "\${{ github.event.issue.title }}"
      - uses: ./
`;

describe("workflow policy", () => {
  it("reports each unsafe pattern at its line", () => {
    // The six findings of the audits this test was written for (other audits also fire on UNSAFE; see
    // workflow-audits.test.ts), in line order.
    const original = [
      "excessive-permissions",
      "dangerous-triggers",
      "unpinned-uses",
      "artipacked",
      "template-injection",
    ];
    const findings = checkWorkflowPolicy("bad.yml", UNSAFE)
      .filter((f) => original.includes(f.audit ?? ""))
      .sort((a, b) => a.line - b.line)
      .map((f) => `${f.line} ${f.message.slice(0, 30)}`);
    expect(findings).toEqual([
      '3 "pull_request_target" runs wit',
      "4 top-level permissions must lis",
      '9 "actions/checkout@v4" must be ',
      "9 actions/checkout must set pers",
      '10 "actions/cache@0400d5f644dc745',
      "11 user-controlled text inside ru",
    ]);
  });

  it("passes the project's own workflows", async () => {
    for (const name of ["intake", "pr-review", "main", "health", "ci"]) {
      const file = `.github/workflows/${name}.yml`;
      expect(checkWorkflowPolicy(file, await readFile(file, "utf8"))).toEqual([]);
    }
  });

  it("bounds every job of the project's workflows with timeout-minutes", async () => {
    // A stalled step otherwise holds a runner (and the per-issue or main concurrency group) for six hours.
    const limits: Record<string, unknown> = {};
    for (const name of ["intake", "pr-review", "main", "health", "ci"]) {
      const workflow = parse(await readFile(`.github/workflows/${name}.yml`, "utf8")) as {
        jobs: Record<string, { "timeout-minutes"?: unknown }>;
      };
      for (const [job, spec] of Object.entries(workflow.jobs))
        limits[`${name}/${job}`] = spec["timeout-minutes"];
    }
    expect(limits).toEqual({
      "intake/compute": 10,
      "intake/publish": 5,
      "pr-review/review": 15,
      "main/build": 10,
      "main/refresh": 20,
      "main/publish": 10,
      "health/check": 60,
      "ci/ci": 30,
    });
  });

  it("starts the intake when a maintainer labels an issue 'submission', and on no other label", async () => {
    const workflow = parse(await readFile(".github/workflows/intake.yml", "utf8")) as {
      on: { issues: { types: string[] } };
      jobs: { compute: { if: string } };
    };
    expect(workflow.on.issues.types).toContain("labeled");
    const condition = workflow.jobs.compute.if.replace(/\s+/g, " ");
    expect(condition).toContain(
      "github.event.action == 'labeled' && github.event.label.name == 'submission'",
    );
    expect(condition).toContain(
      "github.event.action != 'labeled' && contains(github.event.issue.labels.*.name, 'submission')",
    );
  });

  it("parses issue text only in read-only jobs; only the publish jobs, which read the artifact, may write", async () => {
    type Step = { uses?: string; with?: Record<string, string> };
    type Job = { needs?: string; permissions?: Record<string, string>; steps: Step[] };
    for (const [name, computeJob] of [
      ["intake", "compute"],
      ["main", "refresh"],
    ] as const) {
      const workflow = parse(await readFile(`.github/workflows/${name}.yml`, "utf8")) as {
        jobs: Record<string, Job>;
      };
      const compute = workflow.jobs[computeJob] as Job;
      const publish = workflow.jobs.publish as Job;
      // Compute: reads only, and runs the intake's compute phase, which writes the result file it uploads.
      expect(Object.values(compute.permissions ?? {}).every((p) => p === "read")).toBe(true);
      const computeStep = compute.steps.find((s) => s.with?.command === "intake");
      expect(computeStep?.with?.phase).toBe("compute");
      const upload = compute.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
      expect(upload?.with?.path).toBe(computeStep?.with?.["result-file"]);
      // Publish: needs compute, downloads that artifact and runs only the publish phase.
      expect(publish.needs).toBe(computeJob);
      expect(publish.permissions).toMatchObject({
        contents: "write",
        issues: "write",
        "pull-requests": "write",
      });
      const download = publish.steps.find((s) => s.uses?.startsWith("actions/download-artifact@"));
      expect(download?.with?.name).toBe(upload?.with?.name);
      const intakeSteps = publish.steps.filter((s) => s.with?.command === "intake");
      expect(intakeSteps.map((s) => s.with?.phase)).toEqual(["publish"]);
    }
  });

  it("keeps action.yml and the inputs the code reads in step", async () => {
    const text = await readFile("action.yml", "utf8");
    expect(checkActionMetadata(text, ACTION_INPUT_NAMES)).toEqual([]);
    expect(checkActionMetadata(text, [...ACTION_INPUT_NAMES, "extra"]).map((f) => f.message)).toEqual([
      'the code reads input "extra" but action.yml does not declare it',
    ]);
  });
});
