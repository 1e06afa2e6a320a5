import fc from "fast-check";
/**
 * The one GitHub repository URL parser (src/urls/github-repo.ts). Before it, lint knew 11 reserved first
 * segments and check 26, and import, intake, render and `fix` each had a regex of their own; every caller now
 * asks this module, so these cases hold for all of them.
 */
import { describe, expect, it } from "vitest";
import { parseRepoUrl } from "../../src/check/index.js";
import { kindOfUrl } from "../../src/import/kinds.js";
import { repositoryLabel } from "../../src/render/view-model.js";
import {
  githubRepoKey,
  githubRepoOf,
  githubRepoRoot,
  normalizeGithubRepoUrl,
  parseGithubUrl,
  RESERVED_OWNERS,
} from "../../src/urls/index.js";

describe("parseGithubUrl", () => {
  it.each([
    ["https://github.com/microsoft/unilm", "microsoft", "unilm", []],
    ["http://www.github.com/a/b.git", "a", "b", []],
    ["https://github.com/a/b/", "a", "b", []],
    ["https://github.com/a/b#readme", "a", "b", []],
    ["https://github.com/a/b?tab=readme", "a", "b", []],
    ["https://github.com./a/b", "a", "b", []],
    ["https://github.com/a/b/raw/main/x.png", "a", "b", ["raw", "main", "x.png"]],
    ["https://github.com/a-b/c.d_e-f", "a-b", "c.d_e-f", []],
  ])("%s → %s/%s %j", (raw, owner, name, rest) => {
    expect(parseGithubUrl(raw)).toMatchObject({ ok: true, owner, name, rest });
  });

  it.each([
    ["https://github.com/microsoft", "names no repository"],
    ["https://github.com/", "names no repository"],
    ["https://github.com/topics/llm", "GitHub's /topics pages"],
    ["https://github.com/Pricing/x", "GitHub's /Pricing pages"],
    ["https://github.com/orgs/microsoft/repositories", "GitHub's /orgs pages"],
    ["https://github.com/-bad/x", 'owner "-bad"'],
    ["https://github.com/bad-/x", 'owner "bad-"'],
    ["https://github.com/a--b/x", 'owner "a--b"'],
    [`https://github.com/${"a".repeat(40)}/x`, "owner"],
    [`https://github.com/a/${"b".repeat(101)}`, "repository name"],
    ["https://github.com/a/b%20c", 'repository name "b%20c"'],
  ])("%s is no repository: %s", (raw, reason) => {
    const parsed = parseGithubUrl(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.reason).toContain(reason);
  });

  it.each([
    "https://gitlab.com/a/b",
    "ftp://github.com/a/b",
    "https://github.com.evil.example/a/b",
    "not a url",
  ])("%s is not on GitHub", (raw) => expect(parseGithubUrl(raw)).toEqual({ ok: "not-github" }));

  it("knows the union of both old reserved lists (26 in check, 11 in lint)", () => {
    for (const owner of ["pricing", "trending", "customer-stories", "login", "users", "sponsors"])
      expect(RESERVED_OWNERS.has(owner)).toBe(true);
  });
});

describe("one normal form", () => {
  it("spells a repository one way and keys it case-insensitively", () => {
    const repo = githubRepoOf("http://www.github.com/Microsoft/UniLM.git/tree/main");
    expect(repo && normalizeGithubRepoUrl(repo)).toBe("https://github.com/Microsoft/UniLM");
    expect(repo && githubRepoKey(repo)).toBe("microsoft/unilm");
    expect(githubRepoRoot("https://github.com/a/b/issues/1")).toBeUndefined();
    expect(githubRepoRoot("https://github.com/a/b/")).toMatchObject({ owner: "a", name: "b" });
  });
});

describe("every caller agrees", () => {
  it.each([
    ["https://github.com/microsoft/unilm", true],
    ["https://github.com/pricing/plans", false],
    ["https://github.com/topics/llm", false],
    ["https://github.com/a--b/x", false],
  ])("%s is a repository to check, import and render alike: %s", (url, isRepo) => {
    expect(parseRepoUrl(url) !== undefined).toBe(isRepo);
    expect(kindOfUrl(url).basis === "repository").toBe(isRepo);
    const label = repositoryLabel(url);
    if (isRepo) expect(label).toBe(new URL(url).pathname.slice(1));
  });
});

describe("parseGithubUrl on strings that cannot name github.com", () => {
  // Pieces of URLs that do, and of ones that only look close, or reach github.com through the parser.
  const piece = fc.constantFrom(
    "https://",
    "http://",
    "HTTPS://",
    "github.com",
    "GitHub.COM",
    "git%68ub.com",
    "git\thub.com",
    "ｇｉｔｈｕｂ.com",
    "www.",
    "gitlab.com",
    "example.org",
    "/",
    "owner",
    "/repo",
    ".git",
    "?q=1",
    "#x",
    " ",
    "\n",
    ".",
  );
  it("says what parsing the URL says, without parsing it", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const raw = pieces.join("");
        const viaParser = URL.canParse(raw.trim())
          ? parseGithubUrl(new URL(raw.trim()))
          : { ok: "not-github" };
        const direct = parseGithubUrl(raw);
        expect(direct.ok).toBe(viaParser.ok);
        if (direct.ok === true && viaParser.ok === true)
          expect([direct.owner, direct.name]).toEqual([viaParser.owner, viaParser.name]);
      }),
      { numRuns: 2_000 },
    );
  });
});
