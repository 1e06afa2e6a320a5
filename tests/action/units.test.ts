import { describe, expect, it } from "vitest";
import { toIssueSnapshot } from "../../src/action/event.js";
import { readInputs } from "../../src/action/inputs.js";
import { failureUnderPolicy } from "../../src/action/main.js";
import { formLabels, pullTitle } from "../../src/action/submission.js";

describe("readInputs", () => {
  it("reads INPUT_* like @actions/core (trimmed; hyphens kept) and applies defaults", () => {
    const result = readInputs({
      INPUT_COMMAND: " check ",
      "INPUT_MAX-CONCURRENCY": "16",
      "INPUT_REPORT-FILE": "a.json\r\n\r\nb.json\n",
    });
    expect(result).toMatchObject({
      ok: true,
      inputs: {
        command: "check",
        failOn: "error",
        publish: "auto",
        maxConcurrency: 16,
        dryRun: false,
        reportFiles: ["a.json", "b.json"],
      },
    });
  });

  it("collects every bad value in one message", () => {
    const result = readInputs({
      INPUT_COMMAND: "deploy",
      "INPUT_FAIL-ON": "sometimes",
      INPUT_SHARD: "3/2",
      "INPUT_BASE-SHA": "main",
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message.split("\n")).toHaveLength(4);
  });
});

describe("failureUnderPolicy", () => {
  const result = (errors: number, warnings: number) => ({ outputs: {}, errors, warnings });
  it("fails on errors by default, on warnings when asked, never when told not to", () => {
    expect(failureUnderPolicy(result(0, 2), "error")).toBeUndefined();
    expect(failureUnderPolicy(result(1, 2), "error")).toBe("1 error(s) and 2 warning(s)");
    expect(failureUnderPolicy(result(0, 2), "warning")).toBe("2 warning(s) (fail-on: warning)");
    expect(failureUnderPolicy(result(5, 0), "never")).toBeUndefined();
    expect(failureUnderPolicy({ ...result(0, 0), failure: "broken" }, "never")).toBe("broken");
  });
});

describe("submission helpers", () => {
  it("reads the form's labels in both YAML spellings", () => {
    expect(formLabels('name: x\nlabels: ["submission", "paper"]\nbody: []\n')).toEqual([
      "submission",
      "paper",
    ]);
    expect(formLabels("name: x\nlabels: submission, paper\n")).toEqual(["submission", "paper"]);
    expect(formLabels("name: x\n")).toEqual([]);
  });

  it("titles the pull request with the entry's id, never the submitted title (issue 12)", () => {
    expect(pullTitle("shikra-2023")).toBe("Add shikra-2023");
    expect(pullTitle("x".repeat(200)).length).toBeLessThan(100);
  });

  it("reads issues from payloads and the API alike (null body, string labels)", () => {
    expect(
      toIssueSnapshot({ number: 3, body: null, labels: ["a", { name: "b" }], pull_request: {} }),
    ).toMatchObject({
      number: 3,
      body: "",
      labels: ["a", "b"],
      isPullRequest: true,
    });
    expect(toIssueSnapshot({ title: "no number" })).toBeUndefined();
  });
});
