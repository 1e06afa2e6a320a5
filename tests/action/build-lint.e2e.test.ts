import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MockGitHub } from "../github/mock-github.js";
import { readEvent, runAction, startRepository, stopRepository, workspaceFiles } from "./harness.js";

let mock: MockGitHub;
let workspace: string;
let main: string;

beforeEach(async () => {
  ({ mock, workspace, main } = await startRepository());
});
afterEach(() => stopRepository({ mock, workspace }));

describe("build", () => {
  it("commits the regenerated README on main once, then finds nothing to do", async () => {
    const push = await readEvent("push-main");
    const first = await runAction({
      mock,
      workspace,
      eventName: "push",
      payload: push,
      sha: main,
      inputs: { command: "build" },
    });
    expect(first.reporter.failed).toBeUndefined();
    const sha = first.reporter.outputs["commit-sha"] as string;
    expect(first.reporter.outputs.changed).toBe("true");
    expect(mock.refs.get("heads/main")).toBe(sha);
    expect(mock.commits.get(sha)?.parents).toEqual([main]);
    const readme = mock.fileAt("main", "README.md") as string;
    expect(readme).toContain("Fast Segment Anything");
    expect(readme).toContain("Hand-written text the build keeps.");
    expect(await readFile(path.join(workspace, "README.md"), "utf8")).toBe(readme);
    expect(mock.writes()).toEqual([
      "POST /repos/octo-org/papers/git/trees",
      "POST /repos/octo-org/papers/git/commits",
      "PATCH /repos/octo-org/papers/git/refs/heads/main",
    ]);
    expect(mock.callsTo("PATCH", /refs\/heads\/main/)[0]?.body).toMatchObject({ force: false });

    const second = await runAction({
      mock,
      workspace,
      eventName: "push",
      payload: push,
      sha,
      inputs: { command: "build" },
    });
    expect(second.reporter.outputs).toEqual({ changed: "false" });
    expect(mock.writes()).toHaveLength(3);
  });

  it("never forces main: when main moved meanwhile, it reports and leaves main alone", async () => {
    const moved = mock.seedBranch({ ...(await workspaceFiles(workspace)), "NOTES.md": "newer\n" });
    mock.commits.get(moved)?.parents.push(main);
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "push",
      payload: await readEvent("push-main"),
      sha: main,
      inputs: { command: "build" },
    });
    expect(reporter.failed).toBeUndefined();
    expect(reporter.outputs.changed).toBe("false");
    expect(reporter.summary).toContain("moved on while building");
    expect(mock.refs.get("heads/main")).toBe(moved);
  });

  it("annotates what keeps it from building at file:line", async () => {
    const template = path.join(workspace, "templates/entry.md.hbs");
    const text = await readFile(template, "utf8");
    await writeFile(template, `${text}\n{{#if title}}\nnever closed\n`);
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "push",
      payload: await readEvent("push-main"),
      sha: main,
      inputs: { command: "build" },
    });
    expect(reporter.failed).toMatch(/cannot be built/);
    const errors = reporter.annotations.filter((a) => a.level === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.place).toMatchObject({ file: "templates/entry.md.hbs", startLine: expect.any(Number) });
      // The place is in the annotation, not repeated in its text.
      expect(e.message).not.toMatch(/^templates\/entry\.md\.hbs:\d+/);
    }
    expect(reporter.summary).toMatch(/templates\/entry\.md\.hbs:\d+:\d+/);
    expect(mock.writes()).toEqual([]);
  });

  it("on a pull request it regenerates in the workspace and commits nothing", async () => {
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "pull_request",
      payload: await readEvent("pull-request-opened"),
      sha: main,
      ref: "refs/pull/5/merge",
      inputs: { command: "build" },
    });
    expect(reporter.outputs.changed).toBe("true");
    expect(mock.writes()).toEqual([]);
  });
});

describe("lint", () => {
  async function breakDate(): Promise<void> {
    const file = path.join(workspace, "data/papers.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace('date: "2023-06-21"', 'date: "2099-01-01"'));
  }

  it("annotates each finding at file:line, lists all in the summary and fails under fail-on: error", async () => {
    await breakDate();
    const { reporter, code } = await runAction({
      mock,
      workspace,
      eventName: "push",
      payload: await readEvent("push-main"),
      sha: main,
      inputs: { command: "lint" },
    });
    const dated = reporter.annotations.find((a) => a.place?.title === "date");
    expect(dated).toMatchObject({ level: "error", place: { file: "data/papers.yaml", startLine: 31 } });
    expect(reporter.summary).toContain("## papershelf lint");
    expect(reporter.summary).toContain("data/papers.yaml:31");
    expect(Number(reporter.outputs.errors)).toBeGreaterThan(0);
    expect(reporter.failed).toMatch(/^papershelf lint: \d+ error/);
    expect(code).toBe(1);
    expect(mock.calls).toEqual([]);
  });

  it("fail-on: never reports without failing", async () => {
    await breakDate();
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "push",
      payload: await readEvent("push-main"),
      sha: main,
      inputs: { command: "lint", "fail-on": "never" },
    });
    expect(reporter.failed).toBeUndefined();
    expect(Number(reporter.outputs.findings)).toBeGreaterThan(0);
  });

  it("changed-since reads the base through the API and reports only the changed entries", async () => {
    await breakDate();
    const file = path.join(workspace, "data/papers.yaml");
    // The pull request adds an entry with its own problem; the old entry's problem predates it.
    await writeFile(
      file,
      `${await readFile(file, "utf8")}  - id: new-one\n    title: New one\n    url: https://arxiv.org/abs/2401.00001\n    kind: paper\n    category: image-to-text\n    date: "2098-02-02"\n`,
    );
    const base = mock.seedBranch(
      {
        ...(await workspaceFiles(workspace)),
        "data/papers.yaml": (await readFile(file, "utf8")).split("  - id: new-one")[0] as string,
      },
      "base",
    );
    const payload = await readEvent("pull-request-opened");
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "pull_request",
      payload,
      sha: main,
      ref: "refs/pull/5/merge",
      inputs: { command: "lint", "changed-since": base },
    });
    expect(mock.calls.map((c) => `${c.method} ${c.path}?ref=${c.query.get("ref")}`)).toEqual([
      `GET /repos/octo-org/papers/contents/data/papers.yaml?ref=${base}`,
    ]);
    const entries = reporter.annotations.map((a) => a.place?.startLine);
    expect(entries.every((line) => (line ?? 0) > 31)).toBe(true);
    expect(reporter.annotations.length).toBeGreaterThan(0);
    expect(reporter.summary).toContain("changed since");
  });

  it("a bad input is a usage error before anything runs", async () => {
    const { reporter, code } = await runAction({
      mock,
      workspace,
      eventName: "push",
      payload: {},
      sha: main,
      inputs: { command: "publish" },
    });
    expect(code).toBe(2);
    expect(reporter.failed).toMatch(/input "command" must be one of lint, check, build, intake, report/);
  });
});
