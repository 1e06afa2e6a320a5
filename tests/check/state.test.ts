/** The two-run rule and the success cache, against a loopback server and a fake clock. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "undici";
import { checkUrls, createLinkDispatcher, emptyCache, emptyState } from "../../src/check/index.js";
import { parseCache, updateLinkCache } from "../../src/check/state/cache.js";
import { applyTwoRunRule, parseState, STATE_RECORD_MAX_AGE_MS } from "../../src/check/state/history.js";
import { fakeClock } from "./helpers/clock.js";
import { send, startServer, type TestServer } from "./helpers/servers.js";

const HOUR = 3_600_000;
let site: TestServer;
let dispatcher: Agent;
let brokenUntilFixed = true;

beforeAll(async () => {
  site = await startServer((req, res) => {
    if (req.url === "/sometimes") return brokenUntilFixed ? send(res, 404) : send(res, 200);
    if (req.url === "/ok") return send(res, 200);
    if (req.url === "/moved") return send(res, 308, { location: "/ok" });
    send(res, 404);
  }, "127.0.0.41");
  dispatcher = createLinkDispatcher();
});
afterAll(async () => {
  await dispatcher.close();
  await site.close();
});

describe("two-run rule", () => {
  it("suspect on the first failure, still suspect within the gap, dead after it, cleared on success", async () => {
    const clock = fakeClock();
    const url = `${site.origin}/sometimes`;
    const deps = { dispatcher, now: clock.now, sleep: clock.sleep };
    const options = { deadAfterMs: 6 * HOUR, retries: 0 };

    const first = await checkUrls([url], deps, { ...options, state: emptyState() });
    expect(first.results[0]?.verdict).toBe("suspect");
    expect(first.state.failures[url]).toMatchObject({ runs: 1 });

    clock.advance(1 * HOUR);
    const second = await checkUrls([url], deps, { ...options, state: first.state });
    expect(second.results[0]?.verdict).toBe("suspect");
    expect(second.results[0]?.message).toContain("failed on 2 runs");
    // The threshold to the minute (the gap is hours): the first failure plus six hours.
    const deadAfter = new Date(Date.parse(first.results[0]?.checkedAt ?? "") + 6 * HOUR).toISOString();
    expect(second.results[0]?.message).toContain(
      `dead if it still fails after ${deadAfter.slice(0, 10)} ${deadAfter.slice(11, 16)} UTC)`,
    );

    clock.advance(6 * HOUR);
    const third = await checkUrls([url], deps, { ...options, state: second.state });
    expect(third.results[0]).toMatchObject({ verdict: "dead", firstFailedAt: first.results[0]?.checkedAt });

    brokenUntilFixed = false;
    clock.advance(HOUR);
    const fourth = await checkUrls([url], deps, { ...options, state: third.state });
    expect(fourth.results[0]?.verdict).toBe("ok");
    expect(fourth.state.failures[url]).toBeUndefined();
    brokenUntilFixed = true;
  });

  it("inconclusive answers (timeout, error, blocked) neither count nor clear a failure", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const state = {
      version: 1 as const,
      failures: {
        "https://a.org/x": {
          firstFailedAt: new Date(now - HOUR).toISOString(),
          lastFailedAt: new Date(now - HOUR).toISOString(),
          runs: 1,
          message: "404",
        },
      },
    };
    const timeout = {
      url: "https://a.org/x",
      verdict: "timeout" as const,
      message: "no answer",
      redirects: [],
      attempts: 4,
      durationMs: 1,
      checkedAt: new Date(now).toISOString(),
      source: "network" as const,
    };
    const out = applyTwoRunRule([timeout], state, now, 6 * HOUR);
    expect(out.results[0]?.verdict).toBe("timeout");
    expect(out.state.failures["https://a.org/x"]).toEqual(state.failures["https://a.org/x"]);
  });

  it("forgets failures nobody has seen for a month", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const old = new Date(now - STATE_RECORD_MAX_AGE_MS - HOUR).toISOString();
    const state = {
      version: 1 as const,
      failures: { "https://a.org/old": { firstFailedAt: old, lastFailedAt: old, runs: 3, message: "404" } },
    };
    expect(applyTwoRunRule([], state, now, HOUR).state.failures).toEqual({});
  });

  it("rejects an unusable state document with a clear message", () => {
    expect(parseState("{")).toMatchObject({ ok: false });
    expect(parseState('{"version": 2, "failures": {}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining("version"),
    });
    expect(parseState('{"version": 1, "failures": {"u": {"firstFailedAt": "yesterday"}}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining("firstFailedAt"),
    });
  });
});

describe("success cache", () => {
  it("serves fresh successes without a request, re-checks failures and expired entries", async () => {
    const clock = fakeClock();
    const deps = { dispatcher, now: clock.now, sleep: clock.sleep };
    const urls = [`${site.origin}/ok`, `${site.origin}/moved`, `${site.origin}/nope`];
    const options = { cacheMaxAgeMs: 24 * HOUR, retries: 0 };

    const first = await checkUrls(urls, deps, { ...options, cache: emptyCache() });
    expect(Object.keys(first.cache.links).sort()).toEqual([`${site.origin}/moved`, `${site.origin}/ok`]);

    const before = site.requests;
    clock.advance(2 * HOUR);
    const second = await checkUrls(urls, deps, { ...options, cache: first.cache });
    // Only the failure was asked again.
    expect(site.requests - before).toBe(1);
    expect(second.results.map((r) => [r.verdict, r.source])).toEqual([
      ["ok", "cache"],
      ["redirect", "cache"],
      ["suspect", "network"],
    ]);
    expect(second.stats.requests).toBe(1);

    clock.advance(25 * HOUR);
    const third = await checkUrls(urls, deps, { ...options, cache: second.cache });
    expect(third.results.every((r) => r.source === "network")).toBe(true);
  });

  it("round-trips through JSON and drops malformed entries", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const ok = {
      url: "https://a.org/",
      verdict: "ok" as const,
      message: "200 OK",
      redirects: [],
      attempts: 1,
      durationMs: 3,
      checkedAt: new Date(now).toISOString(),
      source: "network" as const,
    };
    const cache = updateLinkCache(emptyCache(), [ok], now, HOUR);
    const parsed = parseCache(
      JSON.stringify({ ...cache, links: { ...cache.links, "https://b.org/": { nonsense: true } } }),
    );
    expect(parsed).toEqual({ ok: true, cache });
    expect(parseCache("[]")).toMatchObject({ ok: false });
  });
});
