/**
 * The callers init writes against the reusable workflows this repository offers: every input a caller passes is
 * declared, every required input is passed, and a caller grants exactly the permissions the called jobs ask
 * for (a called workflow gets no more than its caller grants; granting more would be excess privilege).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PAPERSHELF_REPOSITORY } from "../../src/papershelf-repository.js";
import { parse } from "yaml";
import { renderCallerWorkflow, reusableWorkflowFile, WORKFLOW_FILES } from "../../src/init/index.js";

const PIN = { repository: PAPERSHELF_REPOSITORY, commit: "b".repeat(40), version: "0.1.0" };

type Permissions = Record<string, string>;
interface Workflow {
  on: {
    workflow_call?: { inputs?: Record<string, { required?: boolean }>; secrets?: Record<string, unknown> };
  };
  permissions: Permissions;
  jobs: Record<string, { permissions?: Permissions; uses?: string; with?: Record<string, unknown> }>;
}

/** The strongest grant per scope over a workflow's jobs. */
function neededPermissions(workflow: Workflow): Permissions {
  const out: Permissions = {};
  for (const job of Object.values(workflow.jobs))
    for (const [scope, level] of Object.entries(job.permissions ?? {}))
      if (out[scope] !== "write") out[scope] = level;
  return out;
}

describe.each(WORKFLOW_FILES)("the %s caller and papershelf's reusable workflow", (name) => {
  const caller = parse(renderCallerWorkflow(name, PIN)) as Workflow;
  const reusable = parse(readFileSync(`.github/workflows/${reusableWorkflowFile(name)}`, "utf8")) as Workflow;
  const [callJob] = Object.values(caller.jobs);

  it("calls it at the pinned commit with the inputs it declares", () => {
    expect(callJob?.uses).toBe(
      `${PAPERSHELF_REPOSITORY}/.github/workflows/${reusableWorkflowFile(name)}@${PIN.commit}`,
    );
    const declared = reusable.on.workflow_call?.inputs ?? {};
    const passed = Object.keys(callJob?.with ?? {});
    expect(passed.filter((input) => !(input in declared))).toEqual([]);
    const required = Object.entries(declared).filter(([, spec]) => spec.required === true);
    expect(required.map(([input]) => input).filter((input) => !passed.includes(input))).toEqual([]);
    expect(callJob?.with?.["papershelf-ref"]).toBe(PIN.commit);
  });

  it("grants exactly what the called jobs need, and nothing at the top of either file", () => {
    expect(caller.permissions).toEqual({});
    expect(reusable.permissions).toEqual({});
    expect(callJob?.permissions).toEqual(neededPermissions(reusable));
  });
});

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface FullWorkflow {
  concurrency?: { group: string };
  jobs: Record<
    string,
    { if?: string; needs?: string; permissions?: Permissions; environment?: unknown; steps?: Step[] }
  >;
}

const readWorkflow = (file: string) =>
  parse(readFileSync(`.github/workflows/${file}`, "utf8")) as FullWorkflow;

/** What a job asks papershelf's Action to do: each papershelf step's inputs, the token left out. */
function actionCalls(steps: Step[] = []): Record<string, unknown>[] {
  return steps
    .filter((s) => s.uses === "./" || s.uses === "./.papershelf-action")
    .map((s) => Object.fromEntries(Object.entries(s.with ?? {}).filter(([key]) => key !== "token")));
}

/** The third-party actions a job uses, pinned. */
const pinnedActions = (steps: Step[] = []) => steps.map((s) => s.uses ?? "").filter((u) => u.includes("@"));

describe.each([
  ["intake.yml", "papershelf-intake.yml"],
  ["main.yml", "papershelf-main.yml"],
  ["pages.yml", "papershelf-pages.yml"],
])("papershelf's %s and the reusable %s", (own, reusable) => {
  const ours = readWorkflow(own);
  const theirs = readWorkflow(reusable);

  it("have the same jobs, in the same order, with the same needs, conditions and permissions", () => {
    expect(Object.keys(theirs.jobs)).toEqual(Object.keys(ours.jobs));
    for (const [name, job] of Object.entries(ours.jobs)) {
      const called = theirs.jobs[name];
      expect({ name, needs: called?.needs, if: called?.if, permissions: called?.permissions }).toEqual({
        name,
        needs: job.needs,
        if: job.if,
        permissions: job.permissions,
      });
      expect(called?.environment).toEqual(job.environment);
    }
  });

  it("run papershelf with the same inputs in each job, and the same pinned actions", () => {
    for (const [name, job] of Object.entries(ours.jobs)) {
      const called = theirs.jobs[name];
      expect({ name, calls: actionCalls(called?.steps) }).toEqual({ name, calls: actionCalls(job.steps) });
      // Every pinned action of ours is there at the same sha (the reusable one adds papershelf's checkout
      // and, for the App token, create-github-app-token).
      const theirPins = pinnedActions(called?.steps);
      expect(pinnedActions(job.steps).filter((u) => !theirPins.includes(u))).toEqual([]);
    }
  });

  it("serialise runs under a group of their own that starts with a literal (no deadlock with the caller)", () => {
    expect(theirs.concurrency?.group).toMatch(/^papershelf-[a-z]+/);
  });
});

describe("the two-job intake through the call", () => {
  it("keeps the read-only job read-only and mints the App token only where it publishes", () => {
    for (const file of ["papershelf-intake.yml", "papershelf-main.yml"]) {
      const workflow = readWorkflow(file);
      const readers = Object.entries(workflow.jobs).filter(([, job]) =>
        actionCalls(job.steps).some((c) => c.phase === "compute"),
      );
      expect(readers.length).toBe(1);
      for (const [, job] of readers) {
        expect(Object.values(job.permissions ?? {}).every((level) => level === "read")).toBe(true);
        expect(JSON.stringify(job.steps)).not.toContain("create-github-app-token");
        expect(JSON.stringify(job.steps)).not.toContain("secrets.");
      }
      const publisher = Object.values(workflow.jobs).find((job) =>
        actionCalls(job.steps).some((c) => c.phase === "publish"),
      );
      expect(JSON.stringify(publisher?.steps)).toContain("create-github-app-token");
    }
  });
});
