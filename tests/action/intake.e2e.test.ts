import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testTempDir } from "../helpers/temp-dir.js";
import { parse } from "yaml";
import { INTAKE_MARKER } from "../../src/intake/index.js";
import { removeEntry } from "../../src/records/edit.js";
import { parseRecords } from "../../src/records/parse.js";
import type { MockGitHub } from "../github/mock-github.js";
import {
  healthyLinks,
  readEvent,
  runAction,
  runIntakeStep,
  seedIssue as seedMockIssue,
  startRepository,
  stopRepository,
  SUBMISSION_ORIGINS,
  workspaceFiles,
} from "./harness.js";

const BRANCH = "papershelf/issue-1";
let mock: MockGitHub;
let workspace: string;
let main: string;

beforeEach(async () => {
  ({ mock, workspace, main } = await startRepository());
});
afterEach(() => stopRepository({ mock, workspace }));

const seedIssue = (payload: Record<string, unknown>) => seedMockIssue(mock, payload);
const intake = (eventName: string, payload: unknown, inputs: Record<string, string> = {}, sha = main) =>
  runIntakeStep({ mock, workspace, sha }, eventName, payload, inputs);

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
    // The preview is the README's own entry template (templates/entry.md.hbs), quoted.
    expect(comments[0]?.body).toContain(
      "> **[LISA: Reasoning Segmentation via Large Language Model](https://arxiv.org/abs/2308.00692)**",
    );
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

describe("intake: invalid, unrelated and reopened issues", () => {
  it("an edit that breaks the submission turns the comment and label around and closes the pull request", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await intake("issues", opened);
    const broken = structuredClone(opened);
    const issue = broken.issue as { body: string; labels: { name: string }[] };
    issue.body = issue.body.replace("https://arxiv.org/abs/2308.00692", "not a link");
    issue.labels.push({ name: "papershelf: ready" });
    const stored = mock.issues.get(1);
    if (stored) stored.body = issue.body;

    const { reporter } = await intake("issues", { ...broken, action: "edited" });
    expect(reporter.failed).toBeUndefined();
    expect(reporter.outputs).toMatchObject({ valid: "false" });
    expect(Number(reporter.outputs.errors)).toBeGreaterThan(0);
    const comments = mock.commentsOn(1).filter((c) => c.body.includes(INTAKE_MARKER));
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("Needs changes");
    expect(mock.issues.get(1)?.labels).toEqual(["submission", "papershelf: needs-changes"]);
    expect([...mock.pulls.values()][0]?.state).toBe("closed");
  });

  it("an issue that is not a submission gets no comment, label or pull request", async () => {
    const question = await readEvent("issues-opened-question");
    seedIssue(question);
    const { reporter } = await intake("issues", question);
    expect(reporter.failed).toBeUndefined();
    expect(mock.writes()).toEqual([]);
    expect(reporter.summary).toContain("skipped");
  });

  it("reopened: the submission is taken again, with the existing comment", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await intake("issues", opened);
    const { reporter } = await intake("issues", await readEvent("issues-reopened"));
    expect(reporter.outputs.valid).toBe("true");
    expect(mock.commentsOn(1)).toHaveLength(1);
    expect(mock.pulls.size).toBe(1);
  });

  it("dry-run computes the answer and writes nothing", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    const { reporter } = await intake("issues", opened, { "dry-run": "true" });
    expect(reporter.outputs.valid).toBe("true");
    expect(reporter.summary).toContain(INTAKE_MARKER);
    expect(mock.writes()).toEqual([]);
  });
});

/**
 * Another submission was merged: main gets one more entry (blip-2), and the workspace becomes that main, as
 * the push's checkout would be. Returns the new main's sha.
 */
async function pushToMain(
  options: { id?: string; branch?: string; checkout?: boolean } = {},
): Promise<string> {
  const { id = "ocr-free", branch = "main", checkout = true } = options;
  const files = await workspaceFiles(workspace);
  const data = (files["data/papers.yaml"] as string).replace(
    "entries:\n",
    `entries:\n  - id: ${id}\n    title: "Paper ${id}"\n    url: https://arxiv.org/abs/2305.0000${id.length % 10}\n    kind: paper\n    category: image-to-text\n`,
  );
  if (checkout) await writeFile(`${workspace}/data/papers.yaml`, data);
  return mock.seedBranch({ ...files, "data/papers.yaml": data }, branch);
}

describe("intake on push to main", () => {
  it("rebuilds every open submission branch on top of the new main, so they never conflict", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await intake("issues", opened);

    const newMain = await pushToMain();

    const { reporter } = await intake("push", await readEvent("push-main"), {}, newMain);
    expect(reporter.failed).toBeUndefined();
    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([newMain]);
    const rebuilt = mock.fileAt(BRANCH, "data/papers.yaml") as string;
    expect(rebuilt).toContain("id: ocr-free");
    expect(rebuilt).toContain("LISA: Reasoning Segmentation");
    expect(mock.pulls.size).toBe(1);
    expect(mock.commentsOn(1)).toHaveLength(1);
    expect(reporter.outputs.changed).toBe("true");
    expect(reporter.summary).toContain("#1: valid");
  });

  it("one issue that cannot be refreshed does not stop the others; the step fails at the end", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    const second = structuredClone(opened);
    const issue2 = second.issue as { number: number; body: string };
    issue2.number = 2;
    issue2.body = issue2.body
      .replace("LISA: Reasoning Segmentation via Large Language Model", "BLIP-2")
      .replace("https://arxiv.org/abs/2308.00692", "https://arxiv.org/abs/2301.12597")
      .replace("https://github.com/dvlab-research/LISA", "https://github.com/salesforce/LAVIS");
    seedIssue(second);
    await intake("issues", opened);
    await intake("issues", second);
    expect(mock.refs.get("heads/papershelf/issue-2")).toBeDefined();

    const newMain = await pushToMain();
    // Issue #1 was deleted meanwhile: GitHub answers 410 for it.
    mock.intercept = (call) =>
      call.method === "GET" && call.path.endsWith("/issues/1")
        ? { status: 410, body: { message: "This issue was deleted" } }
        : undefined;
    const { reporter, code } = await intake("push", await readEvent("push-main"), {}, newMain);

    const head2 = mock.refs.get("heads/papershelf/issue-2") as string;
    expect(mock.commits.get(head2)?.parents).toEqual([newMain]);
    expect(reporter.summary).toMatch(/#1: failed \(.*This issue was deleted/);
    expect(reporter.summary).toContain("#2: valid");
    expect(reporter.annotations).toContainEqual(
      expect.objectContaining({ level: "error", message: expect.stringContaining("#1") }),
    );
    expect(reporter.failed).toMatch(/1 of 2 open submission/);
    expect(code).not.toBe(0);
  });

  it("refreshes nothing on a push to (or a manual run on) another branch", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await intake("issues", opened);
    const head = mock.refs.get(`heads/${BRANCH}`);
    const writes = mock.writes().length;
    const other = mock.seedBranch({ "data/papers.yaml": "entries: []\n" }, "feature");
    for (const event of ["push", "workflow_dispatch"]) {
      const { reporter } = await runAction({
        mock,
        workspace,
        eventName: event,
        payload: { ...(await readEvent("push-main")), ref: "refs/heads/feature" },
        sha: other,
        ref: "refs/heads/feature",
        inputs: { command: "intake" },
        links: healthyLinks(SUBMISSION_ORIGINS),
      });
      expect(reporter.failed).toBeUndefined();
      expect(reporter.summary).toContain("refs/heads/feature is not main");
    }
    expect(mock.writes()).toHaveLength(writes);
    expect(mock.refs.get(`heads/${BRANCH}`)).toBe(head);
  });

  it("closes the pull request of a submission whose issue was closed", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await intake("issues", opened);
    const issue = mock.issues.get(1);
    if (issue) issue.state = "closed";
    await intake("push", await readEvent("push-main"));
    expect([...mock.pulls.values()][0]?.state).toBe("closed");
  });
});

/**
 * The steps of a workflow's jobs, in order, as the runner would run them: this Action's steps with their `with:`
 * inputs, and the artifact steps (upload-artifact, download-artifact) that carry files from job to job.
 */
async function workflowSteps(
  workflow: string,
  jobs: readonly string[],
): Promise<{ id?: string; uses: string; with: Record<string, string> }[]> {
  const parsed = parse(await readFile(`.github/workflows/${workflow}`, "utf8")) as {
    jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, string> }[] }>;
  };
  return jobs.flatMap((job) =>
    (parsed.jobs[job]?.steps ?? [])
      .filter((step) => step.uses === "./" || /^actions\/(upload|download)-artifact@/.test(step.uses ?? ""))
      .map((step) => ({ ...(step.id ? { id: step.id } : {}), uses: step.uses ?? "", with: step.with ?? {} })),
  );
}

describe("main.yml: build, then refresh", () => {
  it("commits the README, then rebuilds the open submission on that commit", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    await intake("issues", opened);
    // A merge lands on main without its README (the push main.yml runs on); the checkout is that commit.
    const pushed = await pushToMain();
    const outputs: Record<string, Record<string, string>> = {};
    // build, then the refresh split in two jobs: compute (read-only) and publish, the artifact between them.
    const steps = await workflowSteps("main.yml", ["build", "refresh", "publish"]);
    const actionSteps = steps.filter((s) => s.uses === "./");
    expect(actionSteps.map((s) => s.with.command)).toEqual(["build", "intake", "intake"]);
    expect(actionSteps.map((s) => s.with.phase)).toEqual([undefined, "compute", "publish"]);
    const runnerTemp = await testTempDir("papershelf-runner-temp-");
    const artifacts = new Map<string, string>();
    for (const step of steps) {
      // ${{ steps.<id>.outputs.<name> }} and ${{ runner.temp }} as the runner would substitute them.
      const inputs = Object.fromEntries(
        Object.entries(step.with)
          .filter(([name]) => name !== "token")
          .map(([name, value]) => [
            name,
            String(value)
              .replace(
                /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g,
                (_, id: string, out: string) => outputs[id]?.[out] ?? "",
              )
              .replace(/\$\{\{\s*runner\.temp\s*\}\}/g, runnerTemp),
          ]),
      );
      if (step.uses.startsWith("actions/upload-artifact@")) {
        artifacts.set(inputs.name as string, await readFile(inputs.path as string, "utf8"));
        continue;
      }
      if (step.uses.startsWith("actions/download-artifact@")) {
        const source = steps.find(
          (s) => s.uses.startsWith("actions/upload-artifact@") && s.with.name === inputs.name,
        );
        const file = path.join(inputs.path as string, path.basename(source?.with.path ?? ""));
        await mkdir(inputs.path as string, { recursive: true });
        await writeFile(file, artifacts.get(inputs.name as string) ?? "");
        continue;
      }
      const { reporter } = await runAction({
        mock,
        workspace,
        eventName: "push",
        payload: await readEvent("push-main"),
        sha: pushed,
        inputs,
        links: healthyLinks(SUBMISSION_ORIGINS),
      });
      expect(reporter.failed).toBeUndefined();
      if (step.id) outputs[step.id] = reporter.outputs;
    }
    const readmeCommit = outputs.build?.["commit-sha"] as string;
    expect(mock.commits.get(readmeCommit)?.parents).toEqual([pushed]);
    expect(mock.refs.get("heads/main")).toBe(readmeCommit);
    expect(mock.fileAt("main", "README.md")).toContain("Paper ocr-free");

    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([readmeCommit]);
    const readme = mock.fileAt(BRANCH, "README.md") as string;
    expect(readme).toContain("Paper ocr-free");
    expect(readme).toContain("LISA: Reasoning Segmentation");
    expect(mock.pulls.size).toBe(1);
    expect(mock.commentsOn(1)).toHaveLength(1);
  });
});

describe("intake: a duplicate submission", () => {
  it("is answered with a link to the listed entry, the needs-changes label and no pull request", async () => {
    const opened = await readEvent("issues-opened");
    const issue = opened.issue as { body: string };
    // Fast Segment Anything is in the list already (same arXiv link).
    issue.body = issue.body
      .replace("LISA: Reasoning Segmentation via Large Language Model", "Fast Segment Anything")
      .replace("https://arxiv.org/abs/2308.00692", "https://arxiv.org/abs/2306.12156");
    seedIssue(opened);
    const { reporter } = await intake("issues", opened);
    expect(reporter.failed).toBeUndefined();
    expect(reporter.outputs.valid).toBe("false");
    const body = mock.commentsOn(1)[0]?.body ?? "";
    expect(body).toContain("Needs changes");
    // The listed entry is linked in the README at the base commit, at its category's anchor, and the
    // submitter is asked to close the issue; its id stays in the hidden marker, out of the sentences.
    expect(body).toContain('這篇已經在清單裡了："Fast Segment Anything"');
    expect(body).toContain("請關閉這個 issue");
    expect(body).toContain("Please close this issue\\.");
    expect(body).toMatch(
      /\n {3}- \[Fast Segment Anything\]\(https:\/\/github\.com\/octo-org\/papers\/blob\/[0-9a-f]{40}\/README\.md#segment-anything\)\n/,
    );
    expect(body).toContain("<!-- papershelf:problems duplicate-entry:fast-segment-anything ");
    const visible = body.split("\n").slice(2).join("\n").split("<details><summary>資料")[0];
    expect(visible).not.toMatch(/fast-segment-anything|duplicate-entry/);
    expect(mock.issues.get(1)?.labels).toContain("papershelf: needs-changes");
    expect(mock.refs.get(`heads/${BRANCH}`)).toBeUndefined();
    expect(mock.pulls.size).toBe(0);
  });
});

describe("intake: main moves under a run", () => {
  it("an issue run that checked out an older main builds on main as GitHub has it now", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    // A push landed after this run's checkout (the workspace still holds `main`).
    const newer = await pushToMain({ checkout: false });
    const { reporter } = await intake("issues", opened, {}, main);
    expect(reporter.failed).toBeUndefined();
    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([newer]);
    const data = mock.fileAt(BRANCH, "data/papers.yaml") as string;
    expect(data).toContain("id: ocr-free");
    expect(data).toContain("LISA: Reasoning Segmentation");
    expect(reporter.summary).toContain(`#1: valid on ${newer.slice(0, 12)}`);
  });

  it("main moving while the links are checked: recomputed on the newer head, each link requested once", async () => {
    const opened = await readEvent("issues-opened");
    seedIssue(opened);
    const later = await pushToMain({ id: "later", branch: "scratch", checkout: false });
    const links = healthyLinks(SUBMISSION_ORIGINS);
    const requests: string[] = [];
    const dispatch = links.dispatch.bind(links);
    links.dispatch = (options, handler) => {
      // The merge of another submission lands while this run checks its first link.
      if (requests.length === 0) mock.refs.set("heads/main", later);
      requests.push(`${options.method} ${String(options.origin)}${options.path}`);
      return dispatch(options, handler);
    };
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "issues",
      payload: opened,
      sha: main,
      inputs: { command: "intake" },
      links,
    });
    expect(reporter.failed).toBeUndefined();
    const head = mock.refs.get(`heads/${BRANCH}`) as string;
    expect(mock.commits.get(head)?.parents).toEqual([later]);
    expect(mock.fileAt(BRANCH, "data/papers.yaml")).toContain("id: later");
    expect(requests.length).toBeGreaterThan(0);
    expect(new Set(requests).size).toBe(requests.length);
  });
});

describe("intake: hostile submissions", () => {
  const TITLE =
    "LISA <!-- papershelf:intake --> @octo-org/maintainers <img src=x onerror=alert(1)> x: y - id: evil";
  const SUMMARY =
    "title: x\n- id: evil\n  title: pwned\nentries: []\n<!-- papershelf:intake --> ✅ Ready to add";

  it("marker, mention, HTML and YAML injection end as inert text and a byte-exact insertion", async () => {
    const opened = await readEvent("issues-opened");
    const issue = opened.issue as { body: string };
    issue.body = issue.body
      .replace("LISA: Reasoning Segmentation via Large Language Model", TITLE)
      .replace(/(### 摘要 \/ Summary\n\n)[^\n]*/, (_, heading: string) => heading + SUMMARY);
    expect(issue.body).toContain("\n- id: evil\n");
    seedIssue(opened);
    const { reporter } = await intake("issues", opened);
    expect(reporter.failed).toBeUndefined();
    expect(reporter.outputs.valid).toBe("true");

    const comments = mock.commentsOn(1);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body.split(INTAKE_MARKER)).toHaveLength(2);
    // Outside code blocks (where GitHub does not notify) the mention is broken and the HTML escaped.
    const prose = body.replace(/^(`{3,})[^]*?^\1$/gm, "");
    expect(prose).toContain("octo-org/maintainers");
    expect(prose).not.toMatch(/(^|[^\\`\u200b])@octo-org\/maintainers/);
    expect(prose).toContain("img src=x");
    expect(prose).not.toMatch(/(^|[^\\])<img src=x/m);

    const before = mock.fileAt("main", "data/papers.yaml") as string;
    const after = mock.fileAt(BRANCH, "data/papers.yaml") as string;
    expect(after).toBeDefined();
    const parsedBefore = parseRecords(before, "data/papers.yaml");
    const parsedAfter = parseRecords(after, "data/papers.yaml");
    if (!parsedBefore.ok || !parsedAfter.ok) throw new Error("a list does not parse");
    // Exactly one entry more, holding the typed text as values; no entry "evil" anywhere.
    const added = parsedAfter.data.entries.filter(
      (e) => !parsedBefore.data.entries.some((b) => b.id === e.id),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ title: TITLE, summary: SUMMARY });
    expect(parsedAfter.data.entries.map((e) => e.id)).not.toContain("evil");
    // Every other byte of the list is kept: taking the new entry out gives main's text back.
    expect(removeEntry(after, added[0]?.id as string, "data/papers.yaml")).toEqual({
      ok: true,
      text: before,
    });
  });

  it("a line break in a one-line field is refused with the field named: no branch, no pull request", async () => {
    const opened = await readEvent("issues-opened");
    const issue = opened.issue as { body: string };
    issue.body = issue.body.replace(
      "### 會議或期刊 / Venue\n\nCVPR 2024",
      "### 會議或期刊 / Venue\n\nCVPR 2024\n- id: evil\n  title: pwned",
    );
    seedIssue(opened);
    const { reporter } = await intake("issues", opened);
    expect(reporter.failed).toBeUndefined();
    expect(reporter.outputs.valid).toBe("false");
    expect(mock.commentsOn(1)[0]?.body).toContain(
      "**會議或期刊 / Venue**\n   應該只有一行，但寫了好幾行。請寫在同一行。\n   Should be one line, but has several\\. Put it on a single line\\.",
    );
    expect(mock.refs.get(`heads/${BRANCH}`)).toBeUndefined();
    expect(mock.pulls.size).toBe(0);
  });
});

describe("intake: links on the runner's own network", () => {
  it("never requests a private or link-local address a submitter gives", async () => {
    const opened = await readEvent("issues-opened");
    const issue = opened.issue as { body: string };
    issue.body = issue.body.replace(
      "### 其他連結 / Other links\n\n_No response_",
      "### 其他連結 / Other links\n\nDemo | http://169.254.169.254/latest/meta-data/",
    );
    seedIssue(opened);
    const links = healthyLinks(SUBMISSION_ORIGINS);
    const origins: string[] = [];
    const dispatch = links.dispatch.bind(links);
    links.dispatch = (options, handler) => {
      origins.push(String(options.origin));
      return dispatch(options, handler);
    };
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "issues",
      payload: opened,
      sha: main,
      inputs: { command: "intake" },
      links,
    });
    expect(reporter.failed).toBeUndefined();
    expect(origins.length).toBeGreaterThan(0);
    expect(origins.filter((o) => o.includes("169.254"))).toEqual([]);
    expect(mock.commentsOn(1)[0]?.body).toContain("169.254.169.254");
  });

  it("does not follow a public link that redirects to the runner's network", async () => {
    const opened = await readEvent("issues-opened");
    const issue = opened.issue as { body: string };
    issue.body = issue.body.replace(
      "### 其他連結 / Other links\n\n_No response_",
      "### 其他連結 / Other links\n\nDemo | https://demo.example.org/app",
    );
    seedIssue(opened);
    const links = healthyLinks(SUBMISSION_ORIGINS);
    links
      .get("https://demo.example.org")
      .intercept({ path: "/app", method: () => true })
      .reply(302, "", { headers: { location: "http://169.254.169.254/latest/meta-data/" } })
      .persist();
    const origins: string[] = [];
    const dispatch = links.dispatch.bind(links);
    links.dispatch = (options, handler) => {
      origins.push(String(options.origin));
      return dispatch(options, handler);
    };
    await runAction({
      mock,
      workspace,
      eventName: "issues",
      payload: opened,
      sha: main,
      inputs: { command: "intake" },
      links,
    });
    expect(origins).toContain("https://demo.example.org");
    expect(origins.filter((o) => o.includes("169.254"))).toEqual([]);
  });
});

describe("intake: 50–65 KB bodies through the Action", () => {
  /** The fixture submission with its 摘要 replaced, as GitHub would hold it. */
  async function openedWithSummary(summary: string) {
    const opened = await readEvent("issues-opened");
    const issue = opened.issue as { body: string };
    issue.body = issue.body.replace(
      /(### 摘要 \/ Summary\n\n)[^\n]*/,
      (_, heading: string) => heading + summary,
    );
    expect(issue.body.length).toBeLessThanOrEqual(65_536);
    seedIssue(opened);
    return opened;
  }

  it("a valid 55 KB 摘要 still opens a pull request: its body is fitted under GitHub's limit", async () => {
    // Every mention gets a zero-width break and every line a "> ": the preview grows past 65,536.
    const summary = Array.from({ length: 900 }, (_, i) => `@u${i} ${"@ab ".repeat(14).trimEnd()}`).join("\n");
    const { reporter } = await intake("issues", await openedWithSummary(summary));
    expect(reporter.failed).toBeUndefined();
    expect(reporter.outputs.valid).toBe("true");
    const pull = [...mock.pulls.values()][0];
    expect(pull?.body.length).toBeLessThanOrEqual(65_536);
    expect(pull?.body).toContain("Closes #1");
    expect(pull?.body).toContain("too long for a pull request");
    expect(mock.fileAt(BRANCH, "data/papers.yaml")).toContain("@ab @ab");
    expect(mock.commentsOn(1)[0]?.body.length).toBeLessThanOrEqual(65_536);
  });

  it("60,000 nested > ends in a clear error comment and the needs-changes label, not a failed step", async () => {
    const { reporter, code } = await intake("issues", await openedWithSummary(">".repeat(60_000)));
    expect(reporter.failed).toBeUndefined();
    expect(code).toBe(0);
    const body = mock.commentsOn(1)[0]?.body ?? "";
    expect(body).toContain("Needs changes");
    expect(body).toContain("**摘要 / Summary**\n   第 1 行的引用、清單或縮排有 60,000 層");
    expect(body).toContain("   The text is too deeply nested");
    expect(mock.issues.get(1)?.labels).toContain("papershelf: needs-changes");
    expect(mock.pulls.size).toBe(0);
  });
});
