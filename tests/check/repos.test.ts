/** GitHub repositories through a loopback GraphQL endpoint that answers like GitHub does. */
import { validate } from "@octokit/graphql-schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRepos, createGraphqlClient, parseRepoUrl, type RepoRef } from "../../src/check/index.js";
import { buildRepoQuery, REPO_BATCH_SIZE } from "../../src/check/repos/query.js";
import { graphqlUrlFor } from "../../src/check/repos/client.js";
import { readJson, send, startServer, type TestServer } from "./helpers/servers.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");

/** What the fake GitHub knows: lower-case owner/name → the repository it answers with (null: NOT_FOUND). */
const WORLD: Record<string, Record<string, unknown> | null> = {
  "microsoft/visual-chatgpt": {
    nameWithOwner: "microsoft/TaskMatrix",
    isArchived: true,
    pushedAt: "2023-06-01T00:00:00Z",
  },
  "shikras/shikra": { nameWithOwner: "shikras/shikra", pushedAt: "2025-12-01T00:00:00Z" },
  "old/name": { nameWithOwner: "new-owner/new-name", pushedAt: "2026-02-01T00:00:00Z" },
  "quiet/repo": { nameWithOwner: "quiet/repo", pushedAt: "2021-01-01T00:00:00Z" },
  "banned/repo": { nameWithOwner: "banned/repo", isDisabled: true, pushedAt: "2026-01-01T00:00:00Z" },
  "gone/repo": null,
};

let github: TestServer;
let lastAuth: string | undefined;
let failNext = false;

beforeAll(async () => {
  github = await startServer(async (req, res) => {
    lastAuth = req.headers.authorization;
    const body = (await readJson(req)) as { query: string; variables: Record<string, string> };
    if (failNext) {
      failNext = false;
      return send(res, 502, { "content-type": "application/json" }, '{"message":"Bad Gateway"}');
    }
    const data: Record<string, unknown> = {
      rateLimit: { cost: 1, remaining: 4990, resetAt: "2026-03-01T13:00:00Z" },
    };
    const errors: unknown[] = [];
    for (const [key, owner] of Object.entries(body.variables)) {
      if (!key.startsWith("o")) continue;
      const i = key.slice(1);
      const name = body.variables[`n${i}`];
      const asked = `${owner}/${name}`.toLowerCase();
      const known =
        asked in WORLD
          ? WORLD[asked]
          : { nameWithOwner: `${owner}/${name}`, pushedAt: "2026-02-20T00:00:00Z" };
      if (known === null || known === undefined) {
        data[`r${i}`] = null;
        errors.push({
          type: "NOT_FOUND",
          path: [`r${i}`],
          locations: [],
          message: `Could not resolve to a Repository with the name '${asked}'.`,
        });
        continue;
      }
      data[`r${i}`] = {
        url: `https://github.com/${String(known.nameWithOwner)}`,
        isArchived: false,
        isDisabled: false,
        isFork: false,
        isPrivate: false,
        stargazerCount: 7,
        ...known,
      };
    }
    send(
      res,
      200,
      { "content-type": "application/json" },
      JSON.stringify({ data, ...(errors.length ? { errors } : {}) }),
    );
  }, "127.0.0.51");
});
afterAll(() => github.close());

const ref = (repo: string): RepoRef => {
  const parsed = parseRepoUrl(`https://github.com/${repo}`);
  if (!parsed) throw new Error(`not a repo: ${repo}`);
  return parsed;
};
const client = () =>
  createGraphqlClient({
    token: "test-token",
    graphqlUrl: `${github.origin}/graphql`,
    throttle: false,
    retries: 0,
  });

describe("the query", () => {
  it("validates against GitHub's published schema", () => {
    const { query } = buildRepoQuery([ref("a/b"), ref("c/d")]);
    expect(validate(query)).toEqual([]);
  });

  it("asks at most 100 repositories per request, as variables", () => {
    const { query, variables, aliases } = buildRepoQuery(
      Array.from({ length: REPO_BATCH_SIZE }, (_, i) => ref(`o/r${i}`)),
    );
    expect(aliases.size).toBe(100);
    expect(variables.o99).toBe("o");
    expect(query).toContain("rateLimit { cost remaining resetAt }");
    expect(query).not.toContain("o/r5");
  });
});

describe("checkRepos", () => {
  it("tells renamed, archived, missing, disabled, stale and ok apart in one batch", async () => {
    const before = github.requests;
    const names = [
      "microsoft/visual-chatgpt",
      "shikras/shikra",
      "old/name",
      "quiet/repo",
      "banned/repo",
      "gone/repo",
    ];
    const run = await checkRepos(names.map(ref), { graphql: client(), now: () => NOW }, { staleMonths: 24 });
    expect(github.requests - before).toBe(1);
    expect(lastAuth).toBe("token test-token");
    const byRepo = Object.fromEntries(run.results.map((r) => [r.repo, r]));
    expect(byRepo["microsoft/visual-chatgpt"]).toMatchObject({
      verdict: "archived",
      renamedTo: "microsoft/TaskMatrix",
      archived: true,
    });
    expect(byRepo["shikras/shikra"]).toMatchObject({
      verdict: "ok",
      stars: 7,
      pushedAt: "2025-12-01T00:00:00Z",
    });
    expect(byRepo["old/name"]).toMatchObject({ verdict: "renamed", renamedTo: "new-owner/new-name" });
    expect(byRepo["quiet/repo"]).toMatchObject({ verdict: "stale" });
    expect(byRepo["banned/repo"]).toMatchObject({ verdict: "disabled" });
    expect(byRepo["gone/repo"]).toMatchObject({ verdict: "missing" });
    expect(byRepo["gone/repo"]?.message).toContain("Could not resolve");
    expect(run.stats.rateLimit).toEqual({ cost: 1, remaining: 4990, resetAt: "2026-03-01T13:00:00Z" });
  });

  it("batches 250 repositories into 3 requests, and a rerun within the cache age makes none (missing ones excepted)", async () => {
    const refs = Array.from({ length: 250 }, (_, i) => ref(`bulk/repo-${i}`));
    const before = github.requests;
    const first = await checkRepos(refs, { graphql: client(), now: () => NOW });
    expect(github.requests - before).toBe(3);
    expect(first.stats.requests).toBe(3);

    const again = await checkRepos(
      refs,
      { graphql: client(), now: () => NOW + 3_600_000 },
      { cache: first.cache },
    );
    expect(github.requests - before).toBe(3);
    expect(again.results.every((r) => r.source === "cache")).toBe(true);

    const withMissing = await checkRepos(
      [...refs, ref("gone/repo")],
      { graphql: client(), now: () => NOW + 7_200_000 },
      { cache: again.cache },
    );
    expect(withMissing.stats.requests).toBe(1); // the missing one is always asked again
  });

  it("looks a repository up once however many URLs name it", async () => {
    const before = github.requests;
    const run = await checkRepos(
      [ref("dup/repo"), { ...ref("dup/repo"), url: "https://github.com/DUP/repo/" }],
      { graphql: client(), now: () => NOW },
    );
    expect(github.requests - before).toBe(1);
    expect(run.results.map((r) => r.url)).toEqual([
      "https://github.com/dup/repo",
      "https://github.com/DUP/repo/",
    ]);
  });

  it("without a token, skips and says so", async () => {
    const run = await checkRepos([ref("a/b"), ref("c/d")], {});
    expect(run.results.map((r) => r.verdict)).toEqual(["skipped", "skipped"]);
    expect(run.skipped).toMatch(/2 GitHub repositories were not checked: .*GITHUB_TOKEN/);
  });

  it("a failed request makes its batch error, with the status", async () => {
    failNext = true;
    const run = await checkRepos([ref("err/one")], { graphql: client(), now: () => NOW });
    expect(run.results[0]).toMatchObject({ verdict: "error" });
    expect(run.results[0]?.message).toContain("502");
    expect(run.cache.repos).toEqual({});
  });
});

describe("GitHub URLs", () => {
  it("names a repository only for the repository itself", () => {
    expect(parseRepoUrl("https://github.com/microsoft/unilm")).toMatchObject({
      owner: "microsoft",
      name: "unilm",
    });
    expect(parseRepoUrl("https://github.com/a/b.git")).toMatchObject({ name: "b" });
    expect(parseRepoUrl("https://github.com/a/b/")).toMatchObject({ name: "b" });
    expect(parseRepoUrl("https://github.com/a/b#readme")).toMatchObject({ name: "b" });
    expect(parseRepoUrl("https://github.com/a/b/raw/main/x.png")).toBeUndefined();
    expect(parseRepoUrl("https://github.com/topics/llm")).toBeUndefined();
    expect(parseRepoUrl("https://gitlab.com/a/b")).toBeUndefined();
  });

  it("derives the GraphQL endpoint from GITHUB_API_URL (GitHub Enterprise Server included)", () => {
    expect(graphqlUrlFor("https://api.github.com")).toBe("https://api.github.com/graphql");
    expect(graphqlUrlFor("https://ghe.example/api/v3")).toBe("https://ghe.example/api/graphql");
  });
});
