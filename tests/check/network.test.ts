/**
 * "The network is down" is not "the link is dead": with DNS gone, every host fails alike, and such a run must
 * mark no link suspect, record no failure and say so. The network is an injected dispatcher.
 */
import type { Dispatcher } from "undici";
import { describe, expect, it } from "vitest";
import { checkUrls } from "../../src/check/links/check-urls.js";
import { judgeNetwork } from "../../src/check/links/network.js";
import { renderCheckText as renderText } from "../../src/report/index.js";
import { runCheck } from "../../src/check/run.js";
import { emptyState } from "../../src/check/state/history.js";

/**
 * A dispatcher standing in for the network: hosts in `live` answer (404 on /gone, else 200); every other
 * host has no DNS answer, failing as undici fails then (ENOTFOUND). Nothing leaves the process.
 */
function network(live: ReadonlySet<string>, asked = new Map<string, number>()): Dispatcher {
  return {
    dispatch(opts: { origin: string; path: string }, handler: Dispatcher.DispatchHandler) {
      const host = new URL(opts.origin).hostname;
      asked.set(host, (asked.get(host) ?? 0) + 1);
      queueMicrotask(() => {
        if (!live.has(host)) {
          const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
          handler.onResponseError?.({} as never, error);
          return;
        }
        handler.onResponseStart?.({} as never, opts.path === "/gone" ? 404 : 200, {}, "");
        handler.onResponseEnd?.({} as never, {});
      });
      return true;
    },
    close: () => Promise.resolve(),
  } as unknown as Dispatcher;
}

const FAST = { retries: 0, timeoutMs: 5_000 };

describe("judgeNetwork", () => {
  const hosts = (reached: boolean[]) => new Map(reached.map((r, i) => [`h${i}.example`, r]));
  it("calls the network down when more than half the hosts, and at least 3, were unreachable", () => {
    expect(judgeNetwork(hosts([false, false, false, true])).available).toBe(false);
    expect(judgeNetwork(hosts([false, false, true, true])).available).toBe(true);
    expect(judgeNetwork(hosts([false, true, true, true, true])).available).toBe(true);
  });
  it("calls it down when both of two hosts failed (an intake), but not for one lone host", () => {
    expect(judgeNetwork(hosts([false, false])).available).toBe(false);
    expect(judgeNetwork(hosts([false])).available).toBe(true);
    expect(judgeNetwork(hosts([false, true])).available).toBe(true);
  });
});

describe("checkUrls without DNS", () => {
  it("marks no link suspect, records no failure and reports the network unavailable", async () => {
    const dispatcher = network(new Set());
    const urls = [
      "https://arxiv.org/abs/2306.15195",
      "https://github.com/a/b",
      "https://kexue.fm/",
      "https://hf.co/x",
    ];
    try {
      const run = await checkUrls(urls, { dispatcher }, { ...FAST, state: emptyState() });
      expect(run.network).toEqual({
        available: false,
        hostsAsked: 4,
        unreachable: ["arxiv.org", "github.com", "hf.co", "kexue.fm"],
      });
      expect(run.results.map((r) => r.verdict)).toEqual(["unchecked", "unchecked", "unchecked", "unchecked"]);
      expect(run.results[0]?.message).toBe(
        "not checked: the network is unavailable; no such domain (arxiv.org)",
      );
      expect(run.state.failures).toEqual({});
    } finally {
      await dispatcher.close();
    }
  });

  it("still calls one unknown domain among reachable hosts suspect", async () => {
    const live = new Set(["a.test", "b.test", "c.test"]);
    const dispatcher = network(live);
    const urls = [...live].map((h) => `http://${h}/ok`).concat(`http://typo.test/x`);
    try {
      const run = await checkUrls(urls, { dispatcher }, { ...FAST, state: emptyState() });
      expect(run.network.available).toBe(true);
      expect(run.results.map((r) => r.verdict)).toEqual(["ok", "ok", "ok", "suspect"]);
      expect(Object.keys(run.state.failures)).toEqual([`http://typo.test/x`]);
    } finally {
      await dispatcher.close();
    }
  });
});

describe("a host with no DNS answer", () => {
  const many = (host: string, n: number) => Array.from({ length: n }, (_, i) => `https://${host}/abs/${i}`);

  it("is asked for a few of its links, not all: the rest take its answer (the network down)", async () => {
    const asked = new Map<string, number>();
    const dispatcher = network(new Set(), asked);
    const urls = [...many("arxiv.org", 60), "https://github.com/a/b", "https://kexue.fm/", "https://hf.co/x"];
    const run = await checkUrls(urls, { dispatcher }, { ...FAST, state: emptyState() });
    // At most the links admitted before the first answer came (8 a host, twice over), far fewer than 60.
    expect(asked.get("arxiv.org")).toBeGreaterThan(0);
    expect(asked.get("arxiv.org")).toBeLessThanOrEqual(16);
    expect(run.stats.requests).toBe([...asked.values()].reduce((a, b) => a + b, 0));
    expect(run.network.available).toBe(false);
    expect(new Set(run.results.map((r) => r.verdict))).toEqual(new Set(["unchecked"]));
    expect(run.results[59]?.message).toBe(
      "not checked: the network is unavailable; no such domain (arxiv.org)",
    );
    expect(run.state.failures).toEqual({});
  });

  it("gives every link of an unknown domain the same verdict among reachable hosts, each recorded", async () => {
    const asked = new Map<string, number>();
    const live = new Set(["a.test", "b.test", "c.test"]);
    const dispatcher = network(live, asked);
    const typo = many("typo.test", 30);
    const urls = [...[...live].map((h) => `http://${h}/ok`), ...typo];
    const run = await checkUrls(urls, { dispatcher }, { ...FAST, state: emptyState() });
    expect(asked.get("typo.test")).toBeLessThanOrEqual(16);
    expect(run.network.available).toBe(true);
    expect(run.results.slice(3).map((r) => r.verdict)).toEqual(typo.map(() => "suspect"));
    expect(run.results.at(-1)?.message).toContain("no such domain (typo.test)");
    // The two-run rule counts each link, asked or answered by its host.
    expect(Object.keys(run.state.failures).sort()).toEqual([...typo].sort());
  });
});

describe("the report of an offline run", () => {
  it("says 'network unavailable' first, one count line for unchecked links and token-less repositories", async () => {
    const dispatcher = network(new Set());
    const target = (url: string, line: number) => ({
      url,
      locations: [{ file: "data/papers.yaml", line, column: 10 }],
    });
    const repos = Array.from({ length: 52 }, (_, i) => target(`https://github.com/o/r${i}`, 100 + i));
    try {
      const run = await runCheck(
        [
          target("https://arxiv.org/abs/1", 1),
          target("https://kexue.fm/", 2),
          target("https://hf.co/x", 3),
          ...repos,
        ],
        { dispatcher },
        { links: FAST },
      );
      const text = renderText(run.report);
      const lines = text.split("\n");
      expect(lines[1]).toBe(
        "network unavailable: 3 of 3 hosts unreachable; no link was judged, none is suspect or dead",
      );
      expect(text).not.toMatch(/suspect \(/);
      expect(text).toContain("\nunchecked links (3): not checked: the network is unavailable\n");
      expect(text.match(/no GitHub token/g)).toHaveLength(1);
      expect(text).toContain("repositories skipped (52): not checked: no GitHub token");
    } finally {
      await dispatcher.close();
    }
  });

  it("checks nothing over the network with offline: true", async () => {
    const dispatcher = {
      dispatch: () => {
        throw new Error("offline must not send a request");
      },
    } as unknown as Dispatcher;
    const run = await runCheck(
      [
        { url: "https://arxiv.org/abs/1", locations: [] },
        { url: "https://github.com/o/r", locations: [] },
      ],
      { dispatcher, graphql: () => Promise.reject(new Error("offline must not query GitHub")) },
      { offline: true },
    );
    expect(run.report.links.map((l) => [l.verdict, l.message])).toEqual([
      ["unchecked", "not checked: --offline"],
    ]);
    expect(run.report.repos.map((r) => [r.verdict, r.message])).toEqual([
      ["skipped", "not checked: --offline"],
    ]);
    expect(run.report.stats.httpRequests).toBe(0);
  });
});
