/** The three commands end to end: loopback servers, a temporary project, real files, exit codes. */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/check/index.js";
import { githubClientFromEnv, progressPrinter } from "../../src/cli/commands/check-shared.js";
import type { CliContext } from "../../src/cli/context.js";
import { ConfigError } from "../../src/errors.js";
import { readJson, send, startServer, type TestServer } from "./helpers/servers.js";
import { runCliCaptured } from "../helpers/run-cli.js";

let web: TestServer;
let other: TestServer;
let github: TestServer;
let dir: string;

beforeAll(async () => {
  web = await startServer((req, res) => {
    if (req.url === "/ok" || req.url === "/new") return send(res, 200);
    if (req.url === "/old") return send(res, 301, { location: "/new" });
    send(res, 404);
  }, "127.0.0.61");
  other = await startServer((_req, res) => send(res, 200), "127.0.0.62");
  github = await startServer(async (req, res) => {
    const body = (await readJson(req)) as { variables: Record<string, string> };
    const data: Record<string, unknown> = {
      rateLimit: { cost: 1, remaining: 4999, resetAt: "2030-01-01T00:00:00Z" },
    };
    const errors: unknown[] = [];
    for (const [key, owner] of Object.entries(body.variables)) {
      if (!key.startsWith("o")) continue;
      const i = key.slice(1);
      const name = body.variables[`n${i}`] ?? "";
      if (name === "gone") {
        data[`r${i}`] = null;
        errors.push({ type: "NOT_FOUND", path: [`r${i}`], message: "Could not resolve to a Repository" });
      } else {
        const current = name === "visual-chatgpt" ? "microsoft/TaskMatrix" : `${owner}/${name}`;
        data[`r${i}`] = {
          nameWithOwner: current,
          url: `https://github.com/${current}`,
          isArchived: false,
          isDisabled: false,
          isFork: false,
          isPrivate: false,
          pushedAt: "2026-01-01T00:00:00Z",
          stargazerCount: 1,
        };
      }
    }
    send(
      res,
      200,
      { "content-type": "application/json" },
      JSON.stringify({ data, ...(errors.length ? { errors } : {}) }),
    );
  }, "127.0.0.63");
  dir = mkdtempSync(path.join(os.tmpdir(), "papershelf-check-"));
});

afterAll(async () => {
  await Promise.all([web.close(), other.close(), github.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const cli = (argv: string[], env: Record<string, string> = {}, cwd = dir) =>
  runCliCaptured(argv, { cwd, env });

function project(name: string, papers: string, config = "") {
  const root = path.join(dir, name);
  rmSync(root, { recursive: true, force: true });
  const data = path.join(root, "data");
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(data, "papers.yaml"), papers);
  if (config) writeFileSync(path.join(root, ".papershelf.yml"), config);
  return root;
}

const papers = (url: string, repo: string) => `categories:
  - id: things
    title: Things
entries:
  - id: one
    title: One
    url: ${url}
    kind: paper
    category: things
    repos:
      - url: ${repo}
    summary: |-
      See [the demo](${other.origin}/demo) for more.
`;

describe("papershelf check <files>", () => {
  it("checks the URLs of a text file and writes a documented JSON report, cache and state", async () => {
    const root = project("files", "categories: []\nentries: []\n");
    writeFileSync(path.join(root, "urls.txt"), `${web.origin}/ok\n${web.origin}/old\n${other.origin}/x\n`);
    expect((await cli(["check", "urls.txt", "--retries"], {}, root)).code).toBe(2); // not a flag: usage error
    const run = await cli(["check", "urls.txt", "--format", "json"], {}, root);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckReport;
    expect(report.version).toBe(1);
    expect(run.stderr).toContain("checked 3/3 URLs\n"); // plain progress lines off a terminal
    expect(report.links.map((l) => [l.url, l.verdict])).toEqual(
      [
        [`${web.origin}/ok`, "ok"],
        [`${web.origin}/old`, "redirect"],
        [`${other.origin}/x`, "ok"],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    expect(report.links[0]?.locations[0]).toMatchObject({
      file: "urls.txt",
      line: expect.any(Number),
      column: 1,
    });
    const cache = JSON.parse(readFileSync(path.join(root, ".papershelf-cache/check-cache.json"), "utf8")) as {
      links: object;
    };
    expect(Object.keys(cache.links)).toHaveLength(3);
    expect(existsSync(path.join(root, ".papershelf-cache/check-state.json"))).toBe(true);

    // Second run: everything from the cache, no request.
    const before = web.requests + other.requests;
    const again = await cli(["check", "urls.txt"], {}, root);
    expect(again.code).toBe(0);
    expect(web.requests + other.requests).toBe(before);
    expect(again.stdout).toContain("3 from cache");
  });

  it("exits 2 for a missing file or a bad shard", async () => {
    const root = project("bad-args", "categories: []\nentries: []\n");
    expect((await cli(["check", "nope.md"], {}, root)).code).toBe(2);
    const shard = await cli(["check", "--shard", "3/2"], {}, root);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain("--shard");
  });

  it("exits 2 with file:line:column for a malformed check section", async () => {
    const root = project("bad-config", "categories: []\nentries: []\n", "check:\n  hostConcurrency: 0\n");
    const { code, stderr } = await cli(["check"], {}, root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\.papershelf\.yml:2:\d+ {2}config {2}check\.hostConcurrency: /);
  });

  it("exits 2 with file:line:column for an exclude pattern that is not a regular expression", async () => {
    const config = 'check:\n  exclude:\n    - "https://ok.example/*"\n    - "/[/"\n';
    const root = project("bad-pattern", "categories: []\nentries: []\n", config);
    const { code, stderr } = await cli(["check", "--offline"], {}, root);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /\.papershelf\.yml:4:7 {2}config {2}check\.exclude\[1\]: "\/\[\/" is not a regular expression \(Invalid regular expression/,
    );
  });
});

describe("the GitHub client from the environment", () => {
  it("says a GITHUB_API_URL or GITHUB_GRAPHQL_URL that is not a URL is one (exit 2), before any request", () => {
    const ctx = (env: Record<string, string>) =>
      ({ env: { GITHUB_TOKEN: "t", ...env }, stderr: process.stderr }) as unknown as CliContext;
    expect(() => githubClientFromEnv(ctx({ GITHUB_GRAPHQL_URL: "nope" }))).toThrow(
      new ConfigError('GITHUB_GRAPHQL_URL is "nope", which is not a URL; unset it, or give the full address'),
    );
    expect(() => githubClientFromEnv(ctx({ GITHUB_API_URL: "api.github.com" }))).toThrow(/GITHUB_API_URL/);
    expect(githubClientFromEnv(ctx({ GITHUB_GRAPHQL_URL: "http://127.0.0.1:9/graphql" }))).toBeDefined();
  });
});

describe("progress", () => {
  it("redraws one bar in place on a terminal, prints a line per tenth elsewhere", () => {
    let out = "";
    const ctx = {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (out += t) },
      env: {},
      cwd: dir,
    };
    const bar = progressPrinter({ ...ctx, interactive: true }, "URLs");
    bar.update({ done: 1, total: 2 });
    bar.update({ done: 2, total: 2 });
    bar.end();
    expect(out).toBe(`\r[${"#".repeat(15)}${".".repeat(15)}] 1/2 URLs\r[${"#".repeat(30)}] 2/2 URLs\n`);
    out = "";
    const plain = progressPrinter({ ...ctx, interactive: false }, "URLs");
    for (let done = 1; done <= 100; done++) plain.update({ done, total: 100 });
    expect(out.trim().split("\n")).toHaveLength(11); // 0/10 … 10/10
  });
});

describe("papershelf check (records)", () => {
  it("without a token, says which repositories it skipped; a first 404 is only suspect", async () => {
    const root = project("records", papers(`${web.origin}/missing-page`, "https://github.com/owner/repo"));
    const { code, stdout } = await cli(["check"], {}, root);
    expect(code).toBe(0);
    expect(stdout).toContain("suspect (1)");
    expect(stdout).toContain("1 GitHub repository was not checked");
    expect(stdout).toContain("at data/papers.yaml:7:10 (one)");
    expect(stdout).toContain("papershelf check: 2 links"); // the URL inside the 摘要 was checked too
    expect((await cli(["check", "--fail-on", "suspect"], {}, root)).code).toBe(1);
  });

  it("a link failing on two runs the configured gap apart is dead: exit 1", async () => {
    const root = project(
      "two-runs",
      papers(`${web.origin}/missing-page`, `${web.origin}/ok`),
      "check:\n  deadAfterHours: 1\n",
    );
    expect((await cli(["check"], {}, root)).code).toBe(0);
    // A second run right away is not "some hours apart": still suspect.
    expect((await cli(["check"], {}, root)).stdout).toContain("suspect (1)");
    // The first failure two hours ago (the state file backdated, as a run two hours earlier would leave it).
    const stateFile = path.join(root, ".papershelf-cache/check-state.json");
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as {
      failures: Record<string, { firstFailedAt: string }>;
    };
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    for (const record of Object.values(state.failures)) record.firstFailedAt = twoHoursAgo;
    writeFileSync(stateFile, JSON.stringify(state));
    const later = await cli(["check"], {}, root);
    expect(later.code).toBe(1);
    expect(later.stdout).toContain("dead (1)");
  });

  it("refuses deadAfterHours below 1: the two-run rule needs two runs some hours apart", async () => {
    const root = project(
      "no-gap",
      papers(`${web.origin}/ok`, `${web.origin}/ok`),
      "check:\n  deadAfterHours: 0\n",
    );
    const result = await cli(["check"], {}, root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(".papershelf.yml:2:19  config  check.deadAfterHours:");
  });

  it("with GITHUB_TOKEN and GITHUB_GRAPHQL_URL, looks repositories up and fails on a missing one", async () => {
    const root = project("github", papers(`${web.origin}/ok`, "https://github.com/someone/gone"));
    const env = { GITHUB_TOKEN: "t", GITHUB_GRAPHQL_URL: `${github.origin}/graphql` };
    const { code, stdout } = await cli(["check", "--format", "markdown"], env, root);
    expect(code).toBe(1);
    expect(stdout).toContain("### ❌ repositories missing (1)");
  });

  it("shards by host and merges the shards back into the whole", async () => {
    const root = project("shards", papers(`${web.origin}/ok`, `${other.origin}/repo`));
    const shards = [];
    for (const i of [1, 2]) {
      const out = `shard-${i}.json`;
      const run = await cli(
        [
          "check",
          "--shard",
          `${i}/2`,
          "--format",
          "json",
          "--output",
          out,
          "--no-cache",
          "--state",
          `state-${i}.json`,
        ],
        {},
        root,
      );
      expect(run.code).toBe(0);
      shards.push(JSON.parse(readFileSync(path.join(root, out), "utf8")) as CheckReport);
    }
    expect(shards[0]?.shard).toEqual({ index: 1, count: 2 });
    const total = (shards[0]?.links.length ?? 0) + (shards[1]?.links.length ?? 0);
    expect(total).toBe(3);
    const merged = await cli(
      ["report", "merge", "shard-1.json", "shard-2.json", "--format", "json"],
      {},
      root,
    );
    expect(merged.code).toBe(0);
    expect((JSON.parse(merged.stdout) as CheckReport).links).toHaveLength(3);
    expect((await cli(["report", "merge", "urls.txt"], {}, root)).code).toBe(2);
    // A report cut short or hand-edited says where it stops being JSON, as a line and column on any Node.
    writeFileSync(path.join(root, "broken.json"), '{\n  "version": 1,\n}\n');
    const broken = await cli(["report", "merge", "shard-1.json", "broken.json"], {}, root);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json.*not JSON: .*\(line 3 column 1\)/);
  });
});

describe("papershelf check without a network", () => {
  it("exits 75 and says 'network unavailable' when no host can be reached, recording no failure", async () => {
    const root = project("offline-net", "categories: []\nentries: []\n");
    // Nothing listens on port 9 of these loopback addresses: every connection is refused, as with no route.
    const urls = ["127.0.0.81", "127.0.0.82", "127.0.0.83"].map((h) => `http://${h}:9/paper`);
    writeFileSync(path.join(root, "urls.txt"), `${urls.join("\n")}\n`);
    const run = await cli(["check", "urls.txt", "--format", "json"], {}, root);
    expect(run.code).toBe(75);
    expect(run.stderr).toContain("network unavailable: 3 of 3 hosts could not be reached");
    const report = JSON.parse(run.stdout) as CheckReport;
    expect(report.links.map((l) => l.verdict)).toEqual(["unchecked", "unchecked", "unchecked"]);
    expect(report.network?.available).toBe(false);
    const state = JSON.parse(readFileSync(path.join(root, ".papershelf-cache/check-state.json"), "utf8"));
    expect(state.failures).toEqual({});
  });

  it("--offline requests nothing and exits 0", async () => {
    const root = project("offline-flag", "categories: []\nentries: []\n");
    writeFileSync(path.join(root, "urls.txt"), `${web.origin}/ok\n`);
    const before = web.requests;
    const run = await cli(["check", "urls.txt", "--offline"], {}, root);
    expect(run.code).toBe(0);
    expect(web.requests).toBe(before);
    expect(run.stdout).toContain("unchecked links (1): not checked: --offline");
  });
});

describe("--output of check and report merge", () => {
  it("refuses the project's inputs, through links too, and leaves them as they were (exit 2)", async () => {
    const yaml = "categories: []\nentries: []\n";
    const root = project("output-kept", yaml);
    writeFileSync(path.join(root, "urls.txt"), `${web.origin}/ok\n`);
    writeFileSync(path.join(root, "README.md"), "# list\n");
    symlinkSync("data/papers.yaml", path.join(root, "records-link.yaml"));
    for (const [output, what] of [
      ["data/papers.yaml", "is the records file"],
      ["records-link.yaml", "is the records file"],
      ["README.md", "is the README"],
      ["templates/entry.md.hbs", "is inside the templates folder"],
      [".papershelf-cache/check-state.json", "is the check's state file"],
    ] as const) {
      const run = await cli(["check", "urls.txt", "--offline", "--output", output], {}, root);
      expect(run.code, output).toBe(2);
      expect(run.stderr, output).toContain(`refusing to write to ${output}: it ${what}`);
    }
    expect(readFileSync(path.join(root, "data/papers.yaml"), "utf8")).toBe(yaml);
    expect(readFileSync(path.join(root, "README.md"), "utf8")).toBe("# list\n");
    expect(existsSync(path.join(root, "templates"))).toBe(false);
    // Refused before the run: nothing was recorded (a run writes its cache there).
    expect(existsSync(path.join(root, ".papershelf-cache"))).toBe(false);

    const report = await cli(
      ["check", "urls.txt", "--offline", "--format", "json", "--output", "r.json"],
      {},
      root,
    );
    expect(report.code).toBe(0);
    const merged = await cli(["report", "merge", "r.json", "--output", "data/papers.yaml"], {}, root);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain("refusing to write to data/papers.yaml: it is the records file");
    expect(readFileSync(path.join(root, "data/papers.yaml"), "utf8")).toBe(yaml);
  });

  it("says a folder is a folder, and makes the folders a new file needs", async () => {
    const root = project("output-folders", "categories: []\nentries: []\n");
    writeFileSync(path.join(root, "urls.txt"), `${web.origin}/ok\n`);
    const folder = await cli(["check", "urls.txt", "--offline", "--output", "."], {}, root);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("cannot write to .: it is a folder");
    const nested = await cli(["check", "urls.txt", "--offline", "--output", "reports/2026/r.txt"], {}, root);
    expect(nested.code).toBe(0);
    expect(readFileSync(path.join(root, "reports/2026/r.txt"), "utf8")).toContain("unchecked links (1)");
  });
});

describe("papershelf fix", () => {
  it("--offline turns paperswithcode links into arXiv links on a copy of the list; --dry-run writes nothing", async () => {
    const root = project("fix", "");
    const file = path.join(root, "data/papers.yaml");
    copyFileSync(new URL("../fixtures/check/papers.yaml", import.meta.url), file);
    const before = readFileSync(file, "utf8");
    const dry = await cli(["fix", "--offline", "--dry-run"], {}, root);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      "paperswithcode  https://paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s → https://arxiv.org/abs/2306.15195 (shikra)",
    );
    expect(readFileSync(file, "utf8")).toBe(before);

    const real = await cli(["fix", "--offline"], {}, root);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/\d+ fix\(es\) applied/);
    const after = readFileSync(file, "utf8");
    expect(after).not.toContain("url: https://paperswithcode.com/paper/shikra");
    // The old link is history, kept in the record rather than lost.
    expect(after).toContain(
      "previous-urls:\n      - https://paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s\n",
    );
    expect((await cli(["fix", "--offline"], {}, root)).stdout).toContain("nothing to fix");
  });

  it("--redirects without a network says so and exits 75, as check does, rather than 'nothing to fix'", async () => {
    // Nothing listens on port 9 of these loopback addresses: every connection is refused, as with no route.
    const entries = ["127.0.0.81", "127.0.0.82", "127.0.0.83"].map(
      (h, i) =>
        `  - id: e${i}\n    title: E${i}\n    url: http://${h}:9/paper\n    kind: paper\n    category: things\n`,
    );
    const yaml = `categories:\n  - id: things\n    title: Things\nentries:\n${entries.join("")}`;
    const root = project("fix-offline-net", yaml);
    const run = await cli(["fix", "--redirects", "--dry-run"], {}, root);
    expect(run.code).toBe(75);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "network unavailable: 3 of 3 hosts could not be reached; no redirect was looked up and nothing was fixed (exit 75)",
    );
    expect(readFileSync(path.join(root, "data/papers.yaml"), "utf8")).toBe(yaml);
  });

  it("renames repositories from GitHub's answer and follows redirects with --redirects", async () => {
    const root = project(
      "fix-online",
      papers(`${web.origin}/old`, "https://github.com/microsoft/visual-chatgpt"),
    );
    const env = { GITHUB_TOKEN: "t", GITHUB_GRAPHQL_URL: `${github.origin}/graphql` };
    const { code, stdout } = await cli(["fix", "--redirects"], env, root);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "renamed  https://github.com/microsoft/visual-chatgpt → https://github.com/microsoft/TaskMatrix",
    );
    expect(stdout).toContain(`redirect  ${web.origin}/old → ${web.origin}/new`);
    const text = readFileSync(path.join(root, "data/papers.yaml"), "utf8");
    expect(text).toBe(
      `${papers(`${web.origin}/new`, "https://github.com/microsoft/TaskMatrix")}    previous-urls:
      - https://github.com/microsoft/visual-chatgpt
      - ${web.origin}/old
`,
    );
  });
});
