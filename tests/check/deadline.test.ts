/**
 * Finding 3 of the hardening issue: a link whose server answers 200 and then drips its body one byte at a time
 * held the checker for as long as the server liked, because undici's body timeout restarts on every chunk. Each
 * request now has one deadline for headers and body, and each link one for all its retries and redirects.
 * The dripping servers stop by themselves after DRIP_FOR_MS, so a test without the fix ends too (and fails).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "undici";
import type http from "node:http";
import { checkUrls, createLinkDispatcher } from "../../src/check/index.js";
import { sendRequest } from "../../src/check/links/request.js";
import { fakeClock } from "./helpers/clock.js";
import { startServer, type TestServer } from "./helpers/servers.js";

/** How long a dripping answer lasts if nobody hangs up: far past every deadline below. */
const DRIP_FOR_MS = 4_000;
const DRIP_EVERY_MS = 50;

interface Drip {
  /** Bytes written before the answer ended. */
  bytes: number;
  /** True when the client closed the connection before the server finished. */
  clientHungUp: boolean;
}

let site: TestServer;
let dispatcher: Agent;
const drips: Drip[] = [];

/** 200 with headers at once, then one byte every DRIP_EVERY_MS until DRIP_FOR_MS or the client leaves. */
function drip(res: http.ServerResponse, sendHeaders: boolean) {
  const state: Drip = { bytes: 0, clientHungUp: false };
  drips.push(state);
  if (sendHeaders) res.writeHead(200, { "content-type": "text/html" });
  if (sendHeaders) res.flushHeaders();
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started >= DRIP_FOR_MS) {
      clearInterval(timer);
      if (!res.headersSent) res.writeHead(200);
      res.end();
      return;
    }
    if (sendHeaders) {
      res.write("x");
      state.bytes++;
    }
  }, DRIP_EVERY_MS);
  timer.unref();
  res.on("close", () => {
    if (!res.writableFinished) state.clientHungUp = true;
    clearInterval(timer);
  });
}

beforeAll(async () => {
  site = await startServer((req, res) => {
    if (req.url === "/drip") return drip(res, true);
    if (req.url === "/silent") return drip(res, false);
    res.writeHead(404).end();
  }, "127.0.0.31");
  dispatcher = createLinkDispatcher();
});

afterAll(async () => {
  await dispatcher.close();
  await site.close();
});

describe("one request has one deadline for headers and body", () => {
  it("hangs up on a 200 whose body drips, and keeps the status it got", async () => {
    drips.length = 0;
    const attempt = await sendRequest(dispatcher, {
      url: new URL(`${site.origin}/drip`),
      method: "GET",
      userAgent: "test",
      timeoutMs: 400,
      bodyLimitBytes: 64 * 1024,
    });
    expect(attempt).toMatchObject({ kind: "response", status: 200 });
    await until(() => drips[0]?.clientHungUp === true);
    // 400 ms at one byte per 50 ms: a handful of bytes, nowhere near the DRIP_FOR_MS / 50 = 80 of a full drip.
    expect(drips[0]?.bytes).toBeLessThan(40);
  });

  it("reports a server that never sends its headers as a timeout", async () => {
    const attempt = await sendRequest(dispatcher, {
      url: new URL(`${site.origin}/silent`),
      method: "GET",
      userAgent: "test",
      timeoutMs: 300,
      bodyLimitBytes: 64 * 1024,
    });
    expect(attempt).toMatchObject({ kind: "failure", failure: "timeout" });
  });
});

describe("one link has one deadline for all its retries", () => {
  it("stops retrying when the next backoff would outlast the link's deadline", async () => {
    const clock = fakeClock();
    const run = await checkUrls(
      [`${site.origin}/silent`],
      { dispatcher, now: clock.now, sleep: clock.sleep, random: () => 0.5 },
      { retries: 5, timeoutMs: 200, retryBaseMs: 1_000, deadlineMs: 2_000 },
    );
    // Backoffs 750 ms, then 1,500 ms: the second does not fit in the 1,250 ms left, so 2 attempts, not 6.
    expect(run.results[0]).toMatchObject({ verdict: "timeout", attempts: 2 });
    expect(clock.slept).toEqual([750]);
  });

  it("cuts the last request short at the link's deadline (real clock)", async () => {
    drips.length = 0;
    const run = await checkUrls(
      [`${site.origin}/silent`],
      { dispatcher, random: () => 0.5 },
      { retries: 5, timeoutMs: 1_000, retryBaseMs: 10, deadlineMs: 600 },
    );
    // The first request may take only the 600 ms the link has, not its own 1,000 ms; then nothing is left.
    expect(run.results[0]).toMatchObject({ verdict: "timeout", attempts: 1 });
    await until(() => drips.length === 1 && drips[0]?.clientHungUp === true);
  });
});

/** Waits (a few event-loop turns at a time) until the servers saw the client leave. */
async function until(condition: () => boolean, limitMs = 3_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error("condition not met");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
