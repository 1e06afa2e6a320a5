/**
 * The link engine against loopback servers: every verdict, retries, Retry-After, a 429 storm, a hang past the
 * timeout, per-host caps. Time is a fake clock: backoff and pauses are asserted as requested delays.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, type Dispatcher } from "undici";
import { checkUrls, createLinkDispatcher } from "../../src/check/index.js";
import type { LinkResult } from "../../src/check/links/verdict.js";
import { fakeClock } from "./helpers/clock.js";
import { send, startServer, type TestServer } from "./helpers/servers.js";

let site: TestServer;
let dispatcher: Agent;
const seen = new Map<string, number>();

beforeAll(async () => {
  site = await startServer((req, res) => {
    const url = req.url ?? "/";
    const count = (seen.get(url) ?? 0) + 1;
    seen.set(url, count);
    if (url === "/" || url === "/page" || url.startsWith("/landing"))
      return send(res, 200, {}, "<p>hello</p>");
    if (url === "/moved") return send(res, 301, { location: "/page" });
    if (url === "/temp") return send(res, 302, { location: "/page" });
    if (url === "/gone-home") return send(res, 302, { location: "/" });
    if (url.startsWith("/pwc/")) return send(res, 301, { location: "/landing/trending" });
    if (url === "/missing") return send(res, 404);
    if (url === "/removed") return send(res, 410);
    if (url === "/linkedin") return send(res, 999);
    if (url === "/challenge") return send(res, 202);
    if (url === "/cloudflare") return send(res, 403, { "cf-mitigated": "challenge" });
    if (url === "/broken") return send(res, 500);
    if (url === "/flaky") return count === 1 ? send(res, 503) : send(res, 200);
    if (url === "/retry-after") return count === 1 ? send(res, 429, { "retry-after": "7" }) : send(res, 200);
    if (url === "/retry-date") {
      const date = new Date(Date.parse("2026-03-01T12:00:00Z") + 30_000).toUTCString();
      return count === 1 ? send(res, 503, { "retry-after": date }) : send(res, 200);
    }
    if (url === "/too-long-wait") return send(res, 429, { "retry-after": "3600" });
    if (url === "/file.pdf")
      return req.method === "HEAD" ? send(res, 405) : send(res, 200, { "content-type": "application/pdf" });
    if (url === "/loop-a") return send(res, 302, { location: "/loop-b" });
    if (url === "/loop-b") return send(res, 302, { location: "/loop-a" });
    if (url === "/reset") return req.socket.destroy();
    if (url === "/big") return send(res, 200, {}, "x".repeat(300_000));
    if (url === "/hang") return; // never answers
    send(res, 404);
  }, "127.0.0.21");
  dispatcher = createLinkDispatcher();
});

afterAll(async () => {
  await dispatcher.close();
  await site.close();
});

const FAST = { retries: 2, timeoutMs: 300, retryBaseMs: 1_000 };

async function check(paths: string[], options = {}) {
  const clock = fakeClock();
  const run = await checkUrls(
    paths.map((p) => `${site.origin}${p}`),
    { dispatcher, now: clock.now, sleep: clock.sleep, random: () => 0.5 },
    { ...FAST, ...options },
  );
  const byPath = new Map<string, LinkResult>(run.results.map((r) => [new URL(r.url).pathname, r]));
  return { run, byPath, clock };
}

describe("verdicts against a loopback site", () => {
  it("gives each kind of answer its verdict, with evidence", async () => {
    const { byPath } = await check([
      "/page",
      "/moved",
      "/temp",
      "/gone-home",
      "/missing",
      "/removed",
      "/linkedin",
      "/challenge",
      "/cloudflare",
      "/broken",
      "/loop-a",
      "/big",
    ]);
    const verdicts = Object.fromEntries([...byPath].map(([p, r]) => [p, r.verdict]));
    expect(verdicts).toEqual({
      "/page": "ok",
      "/moved": "redirect",
      "/temp": "ok",
      "/gone-home": "soft404",
      "/missing": "suspect",
      "/removed": "suspect",
      "/linkedin": "blocked",
      "/challenge": "blocked",
      "/cloudflare": "blocked",
      "/broken": "error",
      "/loop-a": "error",
      "/big": "ok",
    });
    expect(byPath.get("/moved")).toMatchObject({
      suggestion: `${site.origin}/page`,
      redirects: [{ url: `${site.origin}/moved`, status: 301, location: `${site.origin}/page` }],
      status: 200,
    });
    expect(byPath.get("/missing")).toMatchObject({ status: 404, attempts: 1 });
    expect(byPath.get("/broken")).toMatchObject({ status: 500, attempts: 3 });
    expect(byPath.get("/loop-a")?.message).toContain("redirect loop");
  });

  it("recognises many links collapsing onto one page as soft 404s", async () => {
    const { byPath } = await check(["/pwc/a", "/pwc/b", "/pwc/c"]);
    for (const r of byPath.values())
      expect(r).toMatchObject({ verdict: "soft404", reason: "collapse", sharedBy: 3 });
  });

  it("excludes by glob and by /regex/ without a request", async () => {
    const before = site.requests;
    const { byPath } = await check(["/private/x", "/skip-me"], {
      exclude: [`${site.origin}/private/*`, "/skip-/"],
    });
    expect([...byPath.values()].map((r) => r.verdict)).toEqual(["excluded", "excluded"]);
    expect(site.requests).toBe(before);
  });

  it("reports a hang past the timeout as timeout after the retries", async () => {
    const { byPath, clock } = await check(["/hang"], { retries: 1 });
    expect(byPath.get("/hang")).toMatchObject({ verdict: "timeout", attempts: 2 });
    // One backoff: 1 s × 2^0 with equal jitter; random() = 0.5 → 500 + 0.5 × 500.
    expect(clock.slept).toEqual([750]);
  });

  it("retries a connection reset, then reports it as an error", async () => {
    const { byPath } = await check(["/reset"], { retries: 1 });
    expect(byPath.get("/reset")).toMatchObject({ verdict: "error", attempts: 2 });
    expect(byPath.get("/reset")?.message).toMatch(/reset/);
  });

  it("retries a 503 once and is satisfied", async () => {
    const { byPath } = await check(["/flaky"]);
    expect(byPath.get("/flaky")).toMatchObject({ verdict: "ok", attempts: 2 });
  });

  it("asks HEAD for a PDF and falls back to GET when HEAD is refused", async () => {
    const { byPath } = await check(["/file.pdf"]);
    expect(byPath.get("/file.pdf")?.verdict).toBe("ok");
    expect(site.hits.get("HEAD /file.pdf")).toBe(1);
    expect(site.hits.get("GET /file.pdf")).toBe(1);
  });
});

describe("Retry-After and rate limits", () => {
  it("waits as long as Retry-After says (seconds)", async () => {
    const { byPath, clock } = await check(["/retry-after"]);
    expect(byPath.get("/retry-after")).toMatchObject({ verdict: "ok", attempts: 2 });
    expect(Math.max(...clock.slept)).toBe(7_000);
  });

  it("waits until the HTTP date Retry-After names", async () => {
    const { byPath, clock } = await check(["/retry-date"]);
    expect(byPath.get("/retry-date")?.verdict).toBe("ok");
    expect(Math.max(...clock.slept)).toBeGreaterThanOrEqual(29_000);
  });

  it("does not wait an hour: a Retry-After beyond the maximum is reported at once", async () => {
    const { byPath, clock } = await check(["/too-long-wait"], { maxRetryWaitMs: 60_000 });
    expect(byPath.get("/too-long-wait")).toMatchObject({ verdict: "error", attempts: 1 });
    expect(clock.slept).toEqual([]);
  });
});

describe("the HTTP client", () => {
  it("is undici's own Agent (loaded from its module, not undici's index)", async () => {
    const agent = createLinkDispatcher();
    expect(agent).toBeInstanceOf(Agent);
    await agent.close();
  });
});

describe("politeness", () => {
  it("never exceeds the per-host cap or the global cap", async () => {
    const hosts = await Promise.all(
      ["127.0.0.31", "127.0.0.32", "127.0.0.33"].map((h) =>
        startServer((_req, res) => setTimeout(() => send(res, 200), 5), h),
      ),
    );
    try {
      const urls = hosts.flatMap((h) => Array.from({ length: 30 }, (_, i) => `${h.origin}/p/${i}`));
      const agent = createLinkDispatcher({ hostConcurrency: 4 });
      const run = await checkUrls(urls, { dispatcher: agent }, { hostConcurrency: 4, maxConcurrency: 6 });
      await agent.close();
      expect(run.results.every((r) => r.verdict === "ok")).toBe(true);
      for (const h of hosts) {
        expect(h.requests).toBe(30);
        expect(h.maxInFlight).toBeLessThanOrEqual(4);
      }
      expect(run.stats.maxInFlight).toBeLessThanOrEqual(6);
      expect(Math.max(...Object.values(run.stats.maxInFlightPerHost))).toBeLessThanOrEqual(4);
    } finally {
      await Promise.all(hosts.map((h) => h.close()));
    }
  });

  it("keeps a host's slot busy while one of its links sleeps in a backoff", async () => {
    // Links are admitted a few per host slot (not all at once, not one): with a cap of 1, the other links
    // must be requested while /flaky waits for its retry.
    const order: string[] = [];
    let lastSeen: () => void = () => undefined;
    const allOthersSeen = new Promise<void>((resolve) => (lastSeen = resolve));
    const host = await startServer((req, res) => {
      const path = req.url ?? "/";
      order.push(path);
      if (path === "/p/3") lastSeen();
      if (path === "/flaky" && order.filter((p) => p === "/flaky").length === 1) return send(res, 503);
      send(res, 200);
    }, "127.0.0.35");
    try {
      const agent = createLinkDispatcher({ hostConcurrency: 1 });
      const urls = ["/flaky", "/p/0", "/p/1", "/p/2", "/p/3"].map((p) => `${host.origin}${p}`);
      // The backoff ends when the others have been asked (or after 5 s, when they never are).
      const backoff = () =>
        Promise.race([allOthersSeen, new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
      const run = await checkUrls(
        urls,
        { dispatcher: agent, sleep: backoff, random: () => 0.5 },
        { hostConcurrency: 1, retries: 1 },
      );
      await agent.close();
      expect(run.results.map((r) => r.verdict)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
      expect(order).toEqual(["/flaky", "/p/0", "/p/1", "/p/2", "/p/3", "/flaky"]);
      expect(host.maxInFlight).toBe(1);
    } finally {
      await host.close();
    }
  });

  it("survives a 429 storm: slows the host for the rest of the run and ends with every link ok", async () => {
    const storm = await startServer((_req, res, self) => {
      // More than 2 at once is "too many": the answer a burst gets from GitHub or a CDN.
      if (self.inFlight > 2) return send(res, 429, { "retry-after": "2" });
      setTimeout(() => send(res, 200), 5);
    }, "127.0.0.34");
    try {
      const clock = fakeClock();
      const agent = createLinkDispatcher();
      const urls = Array.from({ length: 40 }, (_, i) => `${storm.origin}/p/${i}`);
      const run = await checkUrls(
        urls,
        { dispatcher: agent, now: clock.now, sleep: clock.sleep, random: () => 0.5 },
        { retries: 5 },
      );
      await agent.close();
      expect(run.results.filter((r) => r.verdict !== "ok")).toEqual([]);
      expect(run.stats.slowedHosts).toEqual([new URL(storm.origin).host]);
      expect(storm.maxInFlight).toBeLessThanOrEqual(8);
      // Every wait honoured the 2 s Retry-After.
      expect(clock.slept.filter((ms) => ms >= 2_000).length).toBeGreaterThan(0);
      // Slowed to one request at a time after the first burst: far fewer 429s than links.
      const tooMany = storm.requests - urls.length;
      expect(tooMany).toBeLessThan(urls.length);
    } finally {
      await storm.close();
    }
  });
});

describe("no such domain", () => {
  it("is suspect on a first run (the DNS answer comes from the injected client)", async () => {
    const failing = {
      dispatch(_opts: unknown, handler: Dispatcher.DispatchHandler) {
        const error = Object.assign(new Error("getaddrinfo ENOTFOUND no-such-host.example"), {
          code: "ENOTFOUND",
        });
        queueMicrotask(() => handler.onResponseError?.({} as never, error));
        return true;
      },
    } as unknown as Dispatcher;
    const run = await checkUrls(["https://no-such-host.example/paper"], { dispatcher: failing }, FAST);
    expect(run.results[0]).toMatchObject({ verdict: "suspect", attempts: 1 });
    expect(run.results[0]?.message).toContain("no such domain");
  });
});
