import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { MockAgent } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HEALTH_MARKER } from "../../src/action/health.js";
import { startArxivServer } from "../arxiv/arxiv-server.js";
import { MockGitHub } from "../github/mock-github.js";
import { makeWorkspace, readEvent, removeWorkspace, runAction, workspaceFiles } from "./harness.js";

let mock: MockGitHub;
let workspace: string;
let main: string;

/** Repositories GitHub knows: one as listed, one that moved (followRenames answers with the new name). */
const REPOS: Record<string, string | null> = {
  "shikras/shikra": "shikras/shikra",
  "microsoft/visual-chatgpt": "microsoft/TaskMatrix",
};

/** The sites: arXiv answers, one page is gone. */
function sites(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get("https://arxiv.org")
    .intercept({ path: () => true, method: () => true })
    .reply(200, "<html>paper</html>")
    .persist();
  agent
    .get("https://example.org")
    .intercept({ path: "/gone", method: () => true })
    .reply(404, "not here")
    .persist();
  return agent;
}

const EXTRA_ENTRY = `  - id: taskmatrix
    title: "TaskMatrix"
    url: https://paperswithcode.com/paper/visual-chatgpt-talking-drawing-and-editing
    kind: paper
    category: image-to-text
    arxiv: "2303.04671"
    repos:
      - url: https://github.com/microsoft/visual-chatgpt
    links:
      - label: Demo
        url: https://example.org/gone
`;

beforeEach(async () => {
  mock = await new MockGitHub().start();
  mock.graphql = (_query, variables) => {
    const data: Record<string, unknown> = {
      rateLimit: { cost: 1, remaining: 999, resetAt: "2026-11-29T07:00:00Z" },
    };
    for (const key of Object.keys(variables).filter((k) => k.startsWith("o"))) {
      const i = key.slice(1);
      const name = REPOS[`${String(variables[`o${i}`])}/${String(variables[`n${i}`])}`];
      data[`r${i}`] = name
        ? {
            nameWithOwner: name,
            url: `https://github.com/${name}`,
            isArchived: false,
            isDisabled: false,
            isFork: false,
            isPrivate: false,
            pushedAt: "2026-10-01T00:00:00Z",
            stargazerCount: 10,
          }
        : null;
    }
    return { status: 200, body: { data } };
  };
  workspace = await makeWorkspace();
  const file = path.join(workspace, "data/papers.yaml");
  await writeFile(file, `${await readFile(file, "utf8")}${EXTRA_ENTRY}`);
  main = mock.seedBranch(await workspaceFiles(workspace));
});
afterEach(async () => {
  await mock.close();
  await removeWorkspace(workspace);
});

async function check(
  eventName: string,
  payload: unknown,
  now: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  return runAction({
    env,
    mock,
    workspace,
    eventName,
    payload,
    sha: main,
    inputs: { command: "check", ...inputs },
    links: sites(),
    now: new Date(now),
  });
}

describe("check on schedule", () => {
  it("opens the health issue and a fixes PR, keeps state between runs, updates the same issue", async () => {
    const schedule = await readEvent("schedule");
    const first = await check("schedule", schedule, "2026-11-23T04:23:00Z", { "fail-on": "never" });
    expect(first.reporter.failed).toBeUndefined();
    expect(first.reporter.summary).toContain("## Link and repository check");
    const issues = [...mock.issues.values()].filter((i) => i.labels.includes("papershelf: link-health"));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.body.startsWith(HEALTH_MARKER)).toBe(true);
    expect(issues[0]?.body).toContain("https://example.org/gone");
    expect(first.reporter.outputs["issue-number"]).toBe(String(issues[0]?.number));
    // First failure is only "suspect" (the two-run rule); the state file remembers it.
    expect(issues[0]?.body).toMatch(/suspect/);
    expect(await readFile(path.join(workspace, ".papershelf-cache/check-state.json"), "utf8")).toContain(
      "example.org/gone",
    );

    const fixes = mock.fileAt("papershelf/link-fixes", "data/papers.yaml") as string;
    expect(fixes).toContain("url: https://arxiv.org/abs/2303.04671");
    expect(fixes).toContain("https://github.com/microsoft/TaskMatrix");
    expect(fixes).toContain("https://example.org/gone");
    expect([...mock.pulls.values()]).toMatchObject([
      { head: "papershelf/link-fixes", state: "open", title: "Fix 2 link(s)" },
    ]);

    // A week later the page is still gone: now it is dead, and the same issue says so.
    const second = await check("schedule", schedule, "2026-11-30T04:23:00Z");
    expect(second.reporter.failed).toMatch(/papershelf check: 1 error/);
    const again = [...mock.issues.values()].filter((i) => i.labels.includes("papershelf: link-health"));
    expect(again).toHaveLength(1);
    const body = again[0]?.body ?? "";
    // What fails the run comes first, said in one line, then its section; the counts table after it.
    expect(body.split("\n").slice(1, 4)).toEqual([
      "## Link and repository check",
      "",
      "❌ 1 finding fails the run: 1 dead link.",
    ]);
    expect(body.indexOf("### ❌ dead (1)")).toBeGreaterThan(-1);
    expect(body.indexOf("### ❌ dead (1)")).toBeLessThan(body.indexOf("| | links | repositories |"));
    // The report links its fixes pull request, and each place to the file's line on GitHub.
    const pull = [...mock.pulls.values()][0];
    expect(body).toContain(
      `Safe fixes are proposed in [this pull request](https://github.com/octo-org/papers/pull/${pull?.number})`,
    );
    expect(body).toMatch(
      /failing since 2026\\-11\\-23\\\) — \[`data\/papers\.yaml:\d+`\]\(https:\/\/github\.com\/octo-org\/papers\/blob\/[0-9a-f]{40}\/data\/papers\.yaml#L\d+\)/,
    );
    // Readable dates, plurals, and an error's code named once.
    expect(body).toContain("finished 2026-11-30 04:23 UTC.");
    expect(body).not.toMatch(/\b1 (?:repositories|links|requests)\b|\d{2}\.\d{3}Z/);
    expect(mock.pulls.size).toBe(1);
    const dead = second.reporter.annotations.find((a) => a.level === "error");
    expect(dead).toMatchObject({
      message: expect.stringContaining("https://example.org/gone"),
      place: { file: "data/papers.yaml" },
    });
  });
});

describe("check on schedule with arXiv reachable", () => {
  it("adds what arXiv knows and the records lack to the same fixes PR", async () => {
    const arxiv = await startArxivServer([
      {
        id: "2303.04671",
        title: "Visual ChatGPT: Talking, Drawing and Editing with Visual Foundation Models",
        authors: ["Chenfei Wu", "Shengming Yin"],
        published: "2023-03-08",
        summary: "ChatGPT is attracting a cross-field interest.",
        primaryCategory: "cs.CV",
      },
    ]);
    try {
      const schedule = await readEvent("schedule");
      const run = await check(
        "schedule",
        schedule,
        "2026-11-23T04:23:00Z",
        { "fail-on": "never" },
        {
          PAPERSHELF_ARXIV_API_URL: arxiv.url,
        },
      );
      expect(run.reporter.failed).toBeUndefined();
      expect(arxiv.requests).toHaveLength(1);
      expect(arxiv.requests[0]?.userAgent).toBe(
        `papershelf (+https://github.com/${mock.owner}/${mock.repo})`,
      );
      const fixes = mock.fileAt("papershelf/link-fixes", "data/papers.yaml") as string;
      expect(fixes).toContain("    authors:\n      - Chenfei Wu\n      - Shengming Yin\n");
      expect(fixes).toContain("    abstract: ChatGPT is attracting a cross-field interest.\n");
      const pull = [...mock.pulls.values()][0];
      expect(pull?.title).toMatch(/^Fix 2 link\(s\), fill \d+ value\(s\) from arXiv$/);
      expect(pull?.body).toContain("| `taskmatrix` | authors, date, arxiv-category, abstract |");
    } finally {
      await arxiv.close();
    }
  });
});

describe("check on a pull request", () => {
  it("checks only the changed entries and publishes nothing", async () => {
    const base = mock.seedBranch(
      {
        "data/papers.yaml": (await readFile(path.join(workspace, "data/papers.yaml"), "utf8")).replace(
          EXTRA_ENTRY,
          "",
        ),
      },
      "base",
    );
    const { reporter } = await check(
      "pull_request",
      await readEvent("pull-request-opened"),
      "2026-11-29T06:00:00Z",
      {
        "changed-since": base,
        "fail-on": "never",
      },
    );
    expect(reporter.failed).toBeUndefined();
    expect(mock.writes()).toEqual(["POST /graphql"]);
    expect(reporter.summary).not.toContain("shikras/shikra");
    expect(reporter.summary).toContain("microsoft/visual-chatgpt");
  });
});

describe("report", () => {
  it("merges shard reports and publishes them once", async () => {
    const shards: string[] = [];
    for (const shard of ["1/2", "2/2"]) {
      const file = `reports/check-${shard.replace("/", "-of-")}.json`;
      const run = await check("schedule", await readEvent("schedule"), "2026-11-23T04:23:00Z", {
        shard,
        "report-file": file,
        "fail-on": "never",
      });
      expect(run.reporter.failed).toBeUndefined();
      shards.push(file);
    }
    expect(mock.issues.size).toBe(0);
    const { reporter } = await runAction({
      mock,
      workspace,
      eventName: "schedule",
      payload: await readEvent("schedule"),
      sha: main,
      inputs: { command: "report", "report-file": shards.join("\n"), "fail-on": "never" },
    });
    expect(reporter.failed).toBeUndefined();
    const issues = [...mock.issues.values()].filter((i) => i.labels.includes("papershelf: link-health"));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.body).toContain("https://example.org/gone");
    expect(issues[0]?.body).toContain("microsoft/visual-chatgpt");
  });
});
