/**
 * Findings 7 and 8 of the hardening issue, end to end against the loopback GitHub mock:
 *  - the intake as two jobs: `compute` (read-only: parses the issue, checks, renders) writes a result file,
 *    which `publish` (write token) reads, validates and writes, without reading the issue;
 *  - reviews stay reviewed: an approved (or frozen) submission pull request is not rewritten by an issue edit;
 *    the diff is shown on it instead, and the `papershelf: refresh` label applies the edit once.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANGED_MARKER } from "../../src/action/submission-freeze.js";
import { INTAKE_MARKER } from "../../src/intake/index.js";
import type { MockGitHub } from "../github/mock-github.js";
import {
  readEvent,
  runIntakeStep,
  seedIssue as seedMockIssue,
  startRepository,
  stopRepository,
  workspaceFiles,
} from "./harness.js";

const BRANCH = "papershelf/issue-1";
let mock: MockGitHub;
let workspace: string;
let artifacts: string;
let main: string;

beforeEach(async () => {
  ({ mock, workspace, main } = await startRepository());
  artifacts = await mkdtemp(path.join(os.tmpdir(), "papershelf-artifact-"));
});
afterEach(async () => {
  await stopRepository({ mock, workspace });
  await rm(artifacts, { recursive: true, force: true });
});

const seedIssue = (payload: Record<string, unknown>) => seedMockIssue(mock, payload);
const step = (eventName: string, payload: unknown, inputs: Record<string, string>) =>
  runIntakeStep({ mock, workspace, sha: main }, eventName, payload, inputs);

/** The two jobs of intake.yml, with the artifact file between them. */
async function computeThenPublish(eventName: string, payload: unknown) {
  const file = path.join(artifacts, "papershelf-intake.json");
  const callsBefore = mock.calls.length;
  const compute = await step(eventName, payload, { phase: "compute", "result-file": file });
  const computeCalls = mock.calls.slice(callsBefore);
  // What actions/upload-artifact and download-artifact carry: the file, byte for byte, to another job.
  const carried = path.join(artifacts, "downloaded.json");
  await writeFile(carried, await readFile(file));
  const publishCallsFrom = mock.calls.length;
  // The publish job gets the same event, but its issue text is never read: prove it with a payload that
  // would be an invalid submission if it were parsed.
  const blanked = structuredClone(payload) as { issue?: { body?: string } };
  if (blanked.issue) blanked.issue.body = "not a submission";
  const publish = await step(eventName, blanked, { phase: "publish", "result-file": carried });
  return { compute, publish, computeCalls, publishCalls: mock.calls.slice(publishCallsFrom), file };
}

/** An edit of the issue: the stored body changes and the event carries it. */
function editVenue(opened: Record<string, unknown>, venue: string) {
  const edited = structuredClone(opened) as {
    action: string;
    issue: { body: string; labels: { name: string }[] };
  };
  edited.action = "edited";
  edited.issue.body = edited.issue.body.replace("\n\nCVPR 2024\n", `\n\n${venue}\n`);
  if (!edited.issue.body.includes(venue)) throw new Error("the fixture's venue moved");
  edited.issue.labels.push({ name: "papershelf: ready" });
  const stored = mock.issues.get(1);
  if (stored) stored.body = edited.issue.body;
  return edited;
}

describe("the intake as two jobs, the result file between them", () => {
  it("compute writes nothing to GitHub; publish writes the pull request, comment and label without reading the issue", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    const { compute, publish, computeCalls, publishCalls } = await computeThenPublish("issues", opened);
    expect(compute.reporter.failed).toBeUndefined();
    expect(publish.reporter.failed).toBeUndefined();

    expect(computeCalls.filter((c) => c.method !== "GET")).toEqual([]);
    expect(compute.reporter.outputs).toMatchObject({ valid: "true" });
    // The publisher never asks GitHub for the issue (its title and body).
    expect(publishCalls.filter((c) => c.method === "GET" && /\/issues\/1$/.test(c.path))).toEqual([]);

    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([main]);
    expect(mock.fileAt(BRANCH, "data/papers.yaml")).toContain(
      "LISA: Reasoning Segmentation via Large Language Model",
    );
    const pull = [...mock.pulls.values()][0];
    expect(pull).toMatchObject({ head: BRANCH, state: "open" });
    const comment = mock.commentsOn(1)[0]?.body ?? "";
    expect(comment.startsWith(INTAKE_MARKER)).toBe(true);
    expect(comment).toContain(`https://github.com/octo-org/papers/pull/${pull?.number}`);
    expect(comment).not.toContain("papershelf.invalid");
    expect(mock.issues.get(1)?.labels).toEqual(["submission", "papershelf: ready"]);
    expect(publish.reporter.outputs).toMatchObject({ valid: "true", "pr-number": String(pull?.number) });
  });

  it("refuses a result file that writes outside the data and generated files, before any write", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    const file = path.join(artifacts, "r.json");
    await step("issues", opened, { phase: "compute", "result-file": file });
    const plan = JSON.parse(await readFile(file, "utf8")) as { items: { files: { path: string }[] }[] };
    const first = plan.items[0]?.files[0];
    if (first) first.path = ".github/workflows/evil.yml";
    await writeFile(file, JSON.stringify(plan));
    const writesBefore = mock.writes().length;
    const { reporter, code } = await step("issues", opened, { phase: "publish", "result-file": file });
    expect(reporter.failed).toMatch(/writes \.github\/workflows\/evil\.yml/);
    expect(code).not.toBe(0);
    expect(mock.writes().length).toBe(writesBefore);
  });

  it("refuses a result file that does not match the schema, and one made for another repository", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    const file = path.join(artifacts, "r.json");
    await step("issues", opened, { phase: "compute", "result-file": file });
    const plan = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    const writesBefore = mock.writes().length;

    await writeFile(file, JSON.stringify({ ...plan, extra: true }));
    let run = await step("issues", opened, { phase: "publish", "result-file": file });
    expect(run.reporter.failed).toMatch(/is not a papershelf intake result/);

    await writeFile(file, JSON.stringify({ ...plan, repository: "someone/else" }));
    run = await step("issues", opened, { phase: "publish", "result-file": file });
    expect(run.reporter.failed).toMatch(/made for someone\/else/);
    expect(mock.writes().length).toBe(writesBefore);
  });

  it("refreshes every open submission in two jobs on a push to main", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await computeThenPublish("issues", opened);
    const files = await workspaceFiles(workspace);
    const data = (files["data/papers.yaml"] as string).replace(
      "entries:\n",
      'entries:\n  - id: ocr-free\n    title: "Paper ocr-free"\n    url: https://arxiv.org/abs/2305.00008\n    kind: paper\n    category: image-to-text\n',
    );
    main = mock.seedBranch({ ...files, "data/papers.yaml": data });
    const { compute, publish, computeCalls } = await computeThenPublish("push", await readEvent("push-main"));
    expect(compute.reporter.failed).toBeUndefined();
    expect(publish.reporter.failed).toBeUndefined();
    expect(computeCalls.filter((c) => c.method !== "GET")).toEqual([]);
    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([main]);
    expect(publish.reporter.outputs).toMatchObject({ changed: "true" });
  });
});

describe("reviews stay reviewed", () => {
  async function openedAndProposed() {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await computeThenPublish("issues", opened);
    const pull = [...mock.pulls.values()][0];
    if (!pull) throw new Error("no pull request was opened");
    return { opened, pull, head: mock.refs.get(`heads/${BRANCH}`) as string };
  }

  it("an approved submission pull request is not rewritten by an issue edit; the diff is shown on it", async () => {
    const { opened, pull, head } = await openedAndProposed();
    mock.addReview(pull.number, "maintainer", "APPROVED", "MEMBER");
    const edited = editVenue(opened, "ICCV 2099");
    const { publish } = await computeThenPublish("issues", edited);
    expect(publish.reporter.failed).toBeUndefined();

    expect(mock.refs.get(`heads/${BRANCH}`)).toBe(head);
    expect(mock.fileAt(BRANCH, "data/papers.yaml")).not.toContain("ICCV 2099");
    expect(mock.pulls.get(pull.number)?.state).toBe("open");
    const changed = mock.commentsOn(pull.number).filter((c) => c.body.startsWith(CHANGED_MARKER));
    expect(changed).toHaveLength(1);
    expect(changed[0]?.body).toContain("+ ");
    expect(changed[0]?.body).toContain("ICCV 2099");
    expect(changed[0]?.body).toContain("papershelf: refresh");
    expect(publish.reporter.summary).toContain("kept as reviewed");
  });

  it("the same holds in one job (phase: all), and for the papershelf: frozen label", async () => {
    const { opened, pull, head } = await openedAndProposed();
    mock.issues.get(pull.number)?.labels.push("papershelf: frozen");
    const edited = editVenue(opened, "ICCV 2099");
    const { reporter } = await step("issues", edited, {});
    expect(reporter.failed).toBeUndefined();
    expect(mock.refs.get(`heads/${BRANCH}`)).toBe(head);
    expect(mock.commentsOn(pull.number).some((c) => c.body.startsWith(CHANGED_MARKER))).toBe(true);
  });

  it("an approval from someone without write access does not freeze, nor does a later change request", async () => {
    const { opened, pull, head } = await openedAndProposed();
    mock.addReview(pull.number, "passer-by", "APPROVED", "NONE");
    mock.addReview(pull.number, "maintainer", "APPROVED", "MEMBER");
    mock.addReview(pull.number, "maintainer", "CHANGES_REQUESTED", "MEMBER");
    await computeThenPublish("issues", editVenue(opened, "ICCV 2099"));
    expect(mock.refs.get(`heads/${BRANCH}`)).not.toBe(head);
    expect(mock.fileAt(BRANCH, "data/papers.yaml")).toContain("ICCV 2099");
  });

  it("the papershelf: refresh label applies the edit once and is taken off", async () => {
    const { opened, pull, head } = await openedAndProposed();
    mock.addReview(pull.number, "maintainer", "APPROVED", "MEMBER");
    const edited = editVenue(opened, "ICCV 2099");
    await computeThenPublish("issues", edited);
    expect(mock.refs.get(`heads/${BRANCH}`)).toBe(head);

    mock.issues.get(1)?.labels.push("papershelf: refresh");
    const labelled = structuredClone(edited) as {
      action: string;
      label?: { name: string };
      issue: { labels: { name: string }[] };
    };
    labelled.action = "labeled";
    labelled.label = { name: "papershelf: refresh" };
    labelled.issue.labels = (mock.issues.get(1)?.labels ?? []).map((name) => ({ name }));
    const { publish } = await computeThenPublish("issues", labelled);
    expect(publish.reporter.failed).toBeUndefined();
    expect(mock.refs.get(`heads/${BRANCH}`)).not.toBe(head);
    expect(mock.fileAt(BRANCH, "data/papers.yaml")).toContain("ICCV 2099");
    expect(mock.issues.get(1)?.labels).not.toContain("papershelf: refresh");
  });

  it("a push to main still moves an approved pull request whose entry did not change", async () => {
    const { pull } = await openedAndProposed();
    mock.addReview(pull.number, "maintainer", "APPROVED", "MEMBER");
    const files = await workspaceFiles(workspace);
    const data = (files["data/papers.yaml"] as string).replace(
      "entries:\n",
      'entries:\n  - id: ocr-free\n    title: "Paper ocr-free"\n    url: https://arxiv.org/abs/2305.00008\n    kind: paper\n    category: image-to-text\n',
    );
    main = mock.seedBranch({ ...files, "data/papers.yaml": data });
    await computeThenPublish("push", await readEvent("push-main"));
    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([main]);
    expect(mock.commentsOn(pull.number).some((c) => c.body.startsWith(CHANGED_MARKER))).toBe(false);
  });
});
