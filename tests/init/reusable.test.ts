/**
 * The callers init writes against the reusable workflows this repository offers: every input a caller passes is
 * declared, every required input is passed, and a caller grants exactly the permissions the called jobs ask
 * for (a called workflow gets no more than its caller grants; granting more would be excess privilege).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderCallerWorkflow, reusableWorkflowFile, WORKFLOW_FILES } from "../../src/init/index.js";

const PIN = { repository: "papershelf/papershelf", commit: "b".repeat(40), version: "0.1.0" };

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
      `papershelf/papershelf/.github/workflows/${reusableWorkflowFile(name)}@${PIN.commit}`,
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
