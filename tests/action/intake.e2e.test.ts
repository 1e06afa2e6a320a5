import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INTAKE_MARKER } from "../../src/intake/index.js";
import { MockGitHub } from "../github/mock-github.js";
import {
  healthyLinks,
  makeWorkspace,
  readEvent,
  removeWorkspace,
  runAction,
  SUBMISSION_ORIGINS,
  workspaceFiles,
} from "./harness.js";

const BRANCH = "papershelf/issue-1";
let mock: MockGitHub;
let workspace: string;
let main: string;

beforeEach(async () => {
  mock = await new MockGitHub().start();
  workspace = await makeWorkspace();
  main = mock.seedBranch(await workspaceFiles(workspace));
});
afterEach(async () => {
  await mock.close();
  await removeWorkspace(workspace);
});

/** The issue as GitHub holds it when the event fires. */
function seedIssue(payload: Record<string, unknown>) {
  const issue = payload.issue as { title: string; body: string; labels: { name: string }[] };
  return mock.addIssue({ title: issue.title, body: issue.body, labels: issue.labels.map((l) => l.name) });
}

async function intake(eventName: string, payload: unknown, inputs: Record<string, string> = {}, sha = main) {
  return runAction({
    mock,
    workspace,
    eventName,
    payload,
    sha,
    inputs: { command: "intake", ...inputs },
    links: healthyLinks(SUBMISSION_ORIGINS),
  });
}

describe("intake on issues events", () => {
  it("opened: one comment, the ready label, a branch with one commit on main and a pull request", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    const { reporter, code } = await intake("issues", opened);
    expect(reporter.failed).toBeUndefined();
    expect(code).toBe(0);

    const comments = mock.commentsOn(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body.startsWith(INTAKE_MARKER)).toBe(true);
    expect(comments[0]?.body).toContain("Ready to add");
    expect(mock.issues.get(1)?.labels).toEqual(["submission", "papershelf: ready"]);

    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([main]);
    const data = mock.fileAt(BRANCH, "data/papers.yaml") as string;
    expect(data).toContain("LISA: Reasoning Segmentation via Large Language Model");
    expect(data).toContain("# a hand-written comment the intake must keep");
    expect(mock.fileAt(BRANCH, "README.md")).toContain("LISA: Reasoning Segmentation");

    expect([...mock.pulls.values()]).toMatchObject([{ head: BRANCH, base: "main", state: "open" }]);
    const pull = [...mock.pulls.values()][0];
    expect(pull?.body).toContain("Closes #1");
    expect(comments[0]?.body).toContain(`https://github.com/octo-org/papers/pull/${pull?.number}`);
    expect(reporter.outputs).toMatchObject({
      valid: "true",
      "pr-number": String(pull?.number),
      changed: "true",
    });
    expect(reporter.summary).toContain("## papershelf intake");
  });

  it("edited: the same comment, branch and pull request are updated, never duplicated", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await intake("issues", opened);
    const firstHead = mock.refs.get(`heads/${BRANCH}`);
    const commentId = mock.commentsOn(1)[0]?.id;
    const writesBefore = mock.calls.length;

    const edited = await readEvent("issues-edited");
    const issue = mock.issues.get(1);
    if (issue) issue.body = (edited.issue as { body: string }).body;
    (edited.issue as { labels: { name: string }[] }).labels.push({ name: "papershelf: ready" });
    const { reporter } = await intake("issues", edited);
    expect(reporter.failed).toBeUndefined();

    expect(mock.commentsOn(1).map((c) => c.id)).toEqual([commentId]);
    expect(mock.pulls.size).toBe(1);
    expect(mock.refs.get(`heads/${BRANCH}`)).not.toBe(firstHead);
    expect(mock.fileAt(BRANCH, "data/papers.yaml")).toContain("ICCV 2023");
    const later = mock.calls
      .slice(writesBefore)
      .filter((c) => c.method !== "GET")
      .map((c) => `${c.method} ${c.path}`);
    expect(later).toEqual([
      "POST /repos/octo-org/papers/git/trees",
      "POST /repos/octo-org/papers/git/commits",
      "PATCH /repos/octo-org/papers/git/refs/heads/papershelf/issue-1",
      "PATCH /repos/octo-org/papers/pulls/2",
      "PATCH /repos/octo-org/papers/issues/comments/1000",
    ]);
    expect(mock.callsTo("PATCH", /git\/refs/).at(-1)?.body).toMatchObject({ force: true });
  });
});
