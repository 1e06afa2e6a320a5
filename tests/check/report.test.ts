import { describe, expect, it } from "vitest";
import {
  buildReport,
  countFailures,
  mergeReports,
  parseReport,
  parseShard,
  planTargets,
  shardOfHost,
  type CheckReport,
  type ReportedLink,
  type ReportedRepo,
} from "../../src/check/index.js";
import {
  renderCheckJson as renderJson,
  renderCheckMarkdown as renderMarkdown,
  renderCheckText as renderText,
} from "../../src/report/index.js";
import { inShard } from "../../src/check/shard.js";

const AT = "2026-03-01T12:00:00.000Z";
const loc = { file: "data/papers.yaml", line: 3, column: 10, entryId: "shikra" };
const link = (url: string, extra: Partial<ReportedLink> & Pick<ReportedLink, "verdict">): ReportedLink =>
  ({
    url,
    message: "m",
    redirects: [],
    attempts: 1,
    durationMs: 1,
    checkedAt: AT,
    source: "network",
    locations: [loc],
    ...extra,
  }) as ReportedLink;
const repo = (r: string, extra: Partial<ReportedRepo> & Pick<ReportedRepo, "verdict">): ReportedRepo => ({
  url: `https://github.com/${r}`,
  repo: r,
  message: "m",
  checkedAt: AT,
  source: "network",
  locations: [loc],
  ...extra,
});

function report(
  links: ReportedLink[],
  repos: ReportedRepo[] = [],
  shard?: { index: number; count: number },
): CheckReport {
  return buildReport({
    startedAt: AT,
    finishedAt: AT,
    ...(shard ? { shard } : {}),
    links,
    repos,
    notes: [],
    stats: {
      httpRequests: links.length,
      graphqlRequests: repos.length ? 1 : 0,
      cachedLinks: 0,
      cachedRepos: 0,
      durationMs: 10,
    },
  });
}

describe("shards", () => {
  it("parses i/n and refuses nonsense", () => {
    expect(parseShard("2/4")).toEqual({ ok: true, shard: { index: 2, count: 4 } });
    expect(parseShard("0/4")).toMatchObject({ ok: false });
    expect(parseShard("5/4")).toMatchObject({ ok: false });
    expect(parseShard("a")).toMatchObject({ ok: false });
  });

  it("splits by host: every URL in exactly one shard, all of one host together, the same on every run", () => {
    const urls = Array.from({ length: 300 }, (_, i) => `https://host-${i % 37}.example/p/${i}`);
    const count = 4;
    const owners = urls.map((u) => [1, 2, 3, 4].filter((index) => inShard(u, { index, count })));
    expect(owners.every((o) => o.length === 1)).toBe(true);
    const byHost = new Map<string, Set<number>>();
    urls.forEach((u, i) => {
      const host = new URL(u).host;
      byHost.set(host, (byHost.get(host) ?? new Set()).add(owners[i]?.[0] ?? 0));
    });
    expect([...byHost.values()].every((s) => s.size === 1)).toBe(true);
    expect(shardOfHost("arxiv.org", 4)).toBe(shardOfHost("ARXIV.org", 4));
  });

  it("sends every repository lookup to the shard that owns the API", () => {
    const targets = [
      { url: "https://github.com/a/b", locations: [] },
      { url: "https://github.com/c/d", locations: [] },
    ];
    const withRepos = [1, 2, 3].filter(
      (index) => planTargets(targets, { index, count: 3 }, true).repos.length > 0,
    );
    expect(withRepos).toHaveLength(1);
    expect(planTargets(targets, { index: withRepos[0] ?? 1, count: 3 }, true).repos).toHaveLength(2);
  });
});

describe("report formats", () => {
  const sample = report(
    [
      link("https://b.org/x", { verdict: "ok" }),
      link("https://a.org/gone", {
        verdict: "dead",
        firstFailedAt: AT,
        message: "404 Not Found (failing since …)",
      }),
      link("https://c.org/old", {
        verdict: "redirect",
        suggestion: "https://c.org/new",
        message: "moved permanently (301)",
      }),
    ],
    [
      repo("microsoft/visual-chatgpt", {
        verdict: "renamed",
        renamedTo: "microsoft/TaskMatrix",
        message: "moved to microsoft/TaskMatrix",
      }),
    ],
  );

  it("JSON is sorted by URL, counts every verdict, and reads back", () => {
    const json = renderJson(sample);
    const parsed = parseReport(json);
    expect(parsed).toEqual({ ok: true, report: JSON.parse(json) });
    expect(sample.links.map((l) => l.url)).toEqual([
      "https://a.org/gone",
      "https://b.org/x",
      "https://c.org/old",
    ]);
    expect(sample.summary.links).toMatchObject({ ok: 1, dead: 1, redirect: 1, soft404: 0, suspect: 0 });
    expect(Object.keys(sample.summary.repos)).toEqual([
      "ok",
      "archived",
      "disabled",
      "renamed",
      "missing",
      "stale",
      "error",
      "skipped",
    ]);
  });

  it("text groups findings worst first, with locations", () => {
    const text = renderText(sample);
    expect(text.indexOf("dead (1)")).toBeLessThan(text.indexOf("redirect (1)"));
    expect(text).toContain("https://c.org/old → https://c.org/new");
    expect(text).toContain("at data/papers.yaml:3:10 (shikra)");
    expect(text).toContain("microsoft/visual-chatgpt → microsoft/TaskMatrix");
  });

  it("Markdown has a summary table and escapes what it quotes", () => {
    const md = renderMarkdown(
      report([link("https://a.org/x", { verdict: "error", message: "HTTP 4xx | <weird>" })]),
    );
    expect(md).toContain("| error | 1 | |");
    expect(md).toContain("HTTP 4xx \\| \\<weird\\>");
  });

  it("Markdown: what fails the run first, places linked to their line, one repository, readable time", () => {
    const md = renderMarkdown(
      report(
        [link("https://a.org/x", { verdict: "redirect" }), link("https://b.org/y", { verdict: "dead" })],
        [repo("a/b", { verdict: "ok" })],
      ),
      {
        failOn: ["dead"],
        locationUrl: (file, line) => `https://github.com/o/r/blob/abc/${file}#L${line}`,
      },
    );
    const lines = md.split("\n");
    expect(lines[2]).toBe("❌ 1 finding fails the run: 1 dead link.");
    expect(md.indexOf("### ❌ dead (1)")).toBeLessThan(md.indexOf("| | links"));
    expect(md.indexOf("| | links")).toBeLessThan(md.indexOf("### redirect (1)"));
    expect(md).toContain("[`data/papers.yaml:3`](https://github.com/o/r/blob/abc/data/papers.yaml#L3)");
    expect(md).toMatch(/<sub>2 links, 1 repository; .*; finished \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.<\/sub>/);
    expect(md).not.toMatch(/\n\n\n/);
    expect(renderMarkdown(report([], []), { failOn: ["dead"] }).split("\n")[2]).toBe(
      "✅ Nothing fails the run.",
    );
  });

  it("counts failures by the fail-on list; never means none", () => {
    expect(countFailures(sample, ["dead", "missing"])).toBe(1);
    expect(countFailures(sample, ["dead", "redirect", "renamed"])).toBe(3);
    expect(countFailures(sample, ["never"])).toBe(0);
  });
});

describe("report merge", () => {
  it("joins shards and finds collapses no single shard could see", () => {
    const hop = (from: string) => [{ url: from, status: 301, location: "https://hub.example/trending" }];
    const toTrending = (url: string) =>
      link(url, {
        verdict: "redirect",
        suggestion: "https://hub.example/trending",
        finalUrl: "https://hub.example/trending",
        redirects: hop(url),
      });
    const one = report(
      [toTrending("https://one.example/a"), link("https://one.example/ok", { verdict: "ok" })],
      [],
      { index: 1, count: 2 },
    );
    const two = report(
      [toTrending("https://two.example/b"), toTrending("https://two.example/c")],
      [repo("a/b", { verdict: "ok" })],
      { index: 2, count: 2 },
    );
    const merged = mergeReports([one, two], 3);
    expect(merged.shard).toBeUndefined();
    expect(merged.links).toHaveLength(4);
    expect(merged.summary.links).toMatchObject({ soft404: 3, ok: 1, redirect: 0 });
    expect(merged.links.find((l) => l.url === "https://two.example/b")?.locations).toEqual([loc]);
    expect(merged.repos).toHaveLength(1);
    expect(merged.stats.httpRequests).toBe(4);
  });

  it("refuses a file that is not a report", () => {
    expect(parseReport('{"version": 1}')).toMatchObject({ ok: false });
    expect(parseReport("nope")).toMatchObject({ ok: false });
  });
});
