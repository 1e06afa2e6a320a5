import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  commitToBranch,
  createGitHubClient,
  createLimitHandler,
  fitBody,
  GITHUB_BODY_MAX_CHARS,
  proposeChange,
  readFileAt,
  setStateLabel,
  upsertMarkedComment,
  upsertRollingIssue,
  type GitHubClient,
  type RepoRef,
} from "../../src/github/index.js";
import { BOT, MockGitHub } from "./mock-github.js";

const MARKER = "<!-- papershelf:intake -->";
const READY = { name: "papershelf: ready", color: "0e8a16", description: "valid" };
const NEEDS = { name: "papershelf: needs-changes", color: "d93f0b", description: "fix it" };

let mock: MockGitHub;
let octokit: GitHubClient;
let repo: RepoRef;

beforeEach(async () => {
  mock = await new MockGitHub().start();
  octokit = createGitHubClient({ token: "t", apiUrl: mock.url, throttle: false });
  repo = { owner: mock.owner, repo: mock.repo };
});
afterEach(() => mock.close());

describe("upsertMarkedComment", () => {
  it("creates the comment once, then edits it in place", async () => {
    const issue = mock.addIssue({ title: "t", body: "b" });
    const first = await upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\none`);
    const second = await upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\ntwo`);
    const third = await upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\ntwo`);
    expect([first.outcome, second.outcome, third.outcome]).toEqual(["created", "updated", "unchanged"]);
    expect(second.id).toBe(first.id);
    expect(mock.commentsOn(issue.number).map((c) => c.body)).toEqual([`${MARKER}\ntwo`]);
  });

  it("never takes over a person's comment that carries the marker", async () => {
    const issue = mock.addIssue({ title: "t", body: "b" });
    mock.addComment(issue.number, `${MARKER} mine`, { login: "mallory", type: "User" });
    const result = await upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\nreport`);
    expect(result.outcome).toBe("created");
    expect(mock.commentsOn(issue.number).map((c) => c.body)).toEqual([`${MARKER} mine`, `${MARKER}\nreport`]);
  });

  it("takes only a bot comment that starts with the marker as its own, not one that quotes it", async () => {
    const issue = mock.addIssue({ title: "t", body: "b" });
    // Another bot (or a GitHub App acting for a person) quoting papershelf's comment carries the marker inside.
    mock.addComment(issue.number, `> quoted:\n> ${MARKER}\n> old report`, BOT);
    const result = await upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\nreport`);
    expect(result.outcome).toBe("created");
    expect(mock.commentsOn(issue.number).map((c) => c.body)).toEqual([
      `> quoted:\n> ${MARKER}\n> old report`,
      `${MARKER}\nreport`,
    ]);
  });

  it("is refused like GitHub refuses it when the body passes 65,536 characters", async () => {
    const issue = mock.addIssue({ title: "t", body: "b" });
    await expect(
      upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\n${"x".repeat(65_536)}`),
    ).rejects.toMatchObject({ status: 422 });
    expect(mock.commentsOn(issue.number)).toEqual([]);
  });

  it("finds its comment on a later page", async () => {
    const issue = mock.addIssue({ title: "t", body: "b" });
    for (let i = 0; i < 120; i++) mock.addComment(issue.number, `chat ${i}`, { login: "bob", type: "User" });
    await upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\nv1`);
    const again = await upsertMarkedComment(octokit, repo, issue.number, MARKER, `${MARKER}\nv2`);
    expect(again.outcome).toBe("updated");
  });
});

describe("setStateLabel", () => {
  it("creates the label when missing, adds it and removes the other state", async () => {
    const issue = mock.addIssue({ title: "t", body: "b", labels: [NEEDS.name, "submission"] });
    const result = await setStateLabel(octokit, repo, issue.number, READY, [READY, NEEDS], issue.labels);
    expect(result).toEqual({ added: [READY.name], removed: [NEEDS.name] });
    expect(mock.labels.get(READY.name)).toEqual(READY);
    expect(mock.issues.get(issue.number)?.labels).toEqual(["submission", READY.name]);
    const again = await setStateLabel(octokit, repo, issue.number, READY, [READY, NEEDS], [READY.name]);
    expect(again).toEqual({ added: [], removed: [] });
  });
});

describe("proposeChange", () => {
  it("creates branch, commit and pull request, leaves them alone when nothing changed, rebuilds on change", async () => {
    const base = mock.seedBranch({ "data/papers.yaml": "a\n", "README.md": "# r\n" });
    const request = {
      branch: "papershelf/issue-7",
      base: "main",
      parentSha: base,
      files: [{ path: "data/papers.yaml", content: "a\nb\n" }],
      commitMessage: "Add b (#7)",
      pull: { title: "Add b", body: "Closes #7" },
    };
    const first = await proposeChange(octokit, repo, request);
    expect(first).toMatchObject({ outcome: "proposed", branch: "created", pull: { outcome: "created" } });
    expect(mock.fileAt("papershelf/issue-7", "data/papers.yaml")).toBe("a\nb\n");
    expect(mock.fileAt("papershelf/issue-7", "README.md")).toBe("# r\n");

    const same = await proposeChange(octokit, repo, request);
    expect(same).toMatchObject({ branch: "unchanged", pull: { outcome: "unchanged" } });

    const edited = await proposeChange(octokit, repo, {
      ...request,
      files: [{ path: "data/papers.yaml", content: "a\nc\n" }],
      pull: { title: "Add c", body: "Closes #7" },
    });
    expect(edited).toMatchObject({ branch: "updated", pull: { outcome: "updated", number: 1 } });
    expect(mock.pulls.size).toBe(1);
    expect(mock.pulls.get(1)?.title).toBe("Add c");
    const head = mock.refs.get("heads/papershelf/issue-7") as string;
    expect(mock.commits.get(head)?.parents).toEqual([base]);
  });

  it("proposes nothing when the files equal the base", async () => {
    const base = mock.seedBranch({ "data/papers.yaml": "a\n" });
    const result = await proposeChange(octokit, repo, {
      branch: "papershelf/issue-1",
      base: "main",
      parentSha: base,
      files: [{ path: "data/papers.yaml", content: "a\n" }],
      commitMessage: "m",
      pull: { title: "t", body: "b" },
    });
    expect(result).toEqual({ outcome: "no-change" });
    expect(mock.writes()).toEqual(["POST /repos/octo-org/papers/git/trees"]);
  });
});

describe("commitToBranch", () => {
  it("fast-forwards main, reports no change, and never forces over a newer main", async () => {
    const base = mock.seedBranch({ "README.md": "old\n" });
    const change = {
      branch: "main",
      parentSha: base,
      files: [{ path: "README.md", content: "new\n" }],
      message: "m",
    };
    const done = await commitToBranch(octokit, repo, change);
    expect(done.outcome).toBe("committed");
    expect(mock.fileAt("main", "README.md")).toBe("new\n");

    const head = mock.refs.get("heads/main") as string;
    expect(await commitToBranch(octokit, repo, { ...change, parentSha: head })).toEqual({
      outcome: "no-change",
    });

    // main moved past `base` meanwhile: a commit on the old base must not replace it.
    const stale = await commitToBranch(octokit, repo, {
      ...change,
      files: [{ path: "README.md", content: "x\n" }],
    });
    expect(stale.outcome).toBe("branch-moved");
    expect(mock.fileAt("main", "README.md")).toBe("new\n");
  });
});

describe("moveBranch refusals", () => {
  it("treats a 422 as 'moved on' only when the branch really moved; any other refusal is an error", async () => {
    const base = mock.seedBranch({ "README.md": "old\n" });
    // A protected branch (or a required status) answers 422 too, while main still points at `base`.
    mock.intercept = (call) =>
      call.method === "PATCH" && call.path.endsWith("/git/refs/heads/main")
        ? { status: 422, body: { message: "Protected branch update failed for refs/heads/main." } }
        : undefined;
    await expect(
      commitToBranch(octokit, repo, {
        branch: "main",
        parentSha: base,
        files: [{ path: "README.md", content: "new\n" }],
        message: "m",
      }),
    ).rejects.toThrow(/refused.*Protected branch update failed/s);
    expect(mock.refs.get("heads/main")).toBe(base);
  });
});

describe("upsertRollingIssue", () => {
  const label = { name: "papershelf: link-health", color: "fbca04", description: "report" };
  const HEALTH = "<!-- papershelf:health -->";
  it("opens the report once, rewrites it, closes it when healthy and reopens it", async () => {
    const open = (body: string, isOpen = true) =>
      upsertRollingIssue(octokit, repo, {
        marker: HEALTH,
        label,
        title: "Link health report",
        body: `${HEALTH}\n${body}`,
        open: isOpen,
      });
    expect(await open("fine", false)).toEqual({ outcome: "none" });
    const created = await open("2 dead");
    expect(created).toMatchObject({ outcome: "created", state: "open" });
    expect(await open("3 dead")).toMatchObject({
      outcome: "updated",
      number: (created as { number: number }).number,
    });
    expect(await open("healthy", false)).toMatchObject({ outcome: "updated", state: "closed" });
    expect(await open("1 dead")).toMatchObject({ outcome: "updated", state: "open" });
    expect([...mock.issues.values()].filter((i) => i.labels.includes(label.name))).toHaveLength(1);
  });
});

describe("client", () => {
  it("sends GraphQL to GITHUB_GRAPHQL_URL when it is given", async () => {
    const seen: string[] = [];
    mock.graphql = (query) => {
      seen.push(query);
      return { status: 200, body: { data: { viewer: { login: "x" } } } };
    };
    // A base URL whose derived GraphQL URL would be wrong: only the explicit one reaches the mock.
    const client = createGitHubClient({
      token: "t",
      apiUrl: `${mock.url}/api/v3`,
      graphqlUrl: `${mock.url}/graphql`,
      throttle: false,
    });
    await expect(client.graphql("{ viewer { login } }")).resolves.toEqual({ viewer: { login: "x" } });
    expect(seen).toHaveLength(1);
  });

  it("retries a rate-limited request a bounded number of times", () => {
    const log: string[] = [];
    const handler = createLimitHandler("secondary", (m) => log.push(m));
    const request = { method: "POST", url: "/repos/o/r/issues" };
    expect([0, 1, 2].map((n) => handler(5, request, undefined, n))).toEqual([true, true, false]);
    expect(log.at(-1)).toMatch(/giving up/);
  });

  it("fits long bodies under GitHub's limit and keeps the note", () => {
    const body = fitBody("x".repeat(GITHUB_BODY_MAX_CHARS + 10), "see the run");
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_MAX_CHARS);
    expect(body.endsWith("see the run\n")).toBe(true);
  });
});

describe("readFileAt", () => {
  const serve = (raw: string | Buffer) => {
    mock.intercept = (call) => (/\/contents\//.test(call.path) ? { status: 200, raw } : undefined);
  };

  it("gives a UTF-8 file's text exactly, a real U+FFFD included, and undefined for a missing one", async () => {
    const text = "# 摘要 \uFFFD 𠀀\nentries: []\n";
    serve(Buffer.from(text));
    expect(await readFileAt(octokit, repo, "data/papers.yaml", "abc")).toBe(text);
    mock.intercept = undefined;
    expect(await readFileAt(octokit, repo, "no/such/file.yaml", "main")).toBeUndefined();
  });

  it("refuses a file that is not UTF-8, saying where, rather than handing back U+FFFD in its place", async () => {
    serve(Buffer.concat([Buffer.from("categories: []\n# caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    await expect(readFileAt(octokit, repo, "data/papers.yaml", "0123456789abcdef")).rejects.toThrow(
      "data/papers.yaml at 0123456789ab is not UTF-8: byte 0xE9 at line 2, column 6",
    );
  });
});
