import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfterMs,
  parseWaitMs,
} from "../../src/check/links/retry-policy.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");

describe("Retry-After", () => {
  it("reads delta seconds", () => {
    expect(parseRetryAfterMs("120", NOW)).toBe(120_000);
    expect(parseRetryAfterMs(" 0 ", NOW)).toBe(0);
  });
  it("reads an HTTP date, relative to the injected clock", () => {
    expect(parseRetryAfterMs("Sun, 01 Mar 2026 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfterMs("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).toBe(0);
  });
  it("ignores garbage", () => {
    expect(parseRetryAfterMs("soon", NOW)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
  });
});

describe("rate-limit headers", () => {
  it("prefers Retry-After", () => {
    expect(
      parseWaitMs({ "retry-after": "3", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "99" }, NOW),
    ).toBe(3000);
  });
  it("waits for x-ratelimit-reset as epoch seconds (GitHub) or delta seconds", () => {
    const reset = String(NOW / 1000 + 45);
    expect(parseWaitMs({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }, NOW)).toBe(45_000);
    expect(parseWaitMs({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "7" }, NOW)).toBe(7000);
  });
  it("does not wait while requests remain", () => {
    expect(parseWaitMs({ "x-ratelimit-remaining": "12", "x-ratelimit-reset": "7" }, NOW)).toBeUndefined();
  });
  it("reads the IETF RateLimit headers, separate and combined", () => {
    expect(parseWaitMs({ "ratelimit-remaining": "0", "ratelimit-reset": "4" }, NOW)).toBe(4000);
    expect(parseWaitMs({ ratelimit: "limit=100, remaining=0, reset=9" }, NOW)).toBe(9000);
    expect(parseWaitMs({ ratelimit: "limit=100, remaining=3, reset=9" }, NOW)).toBeUndefined();
  });
});

describe("backoff", () => {
  it("doubles per retry, with the jitter inside [half, full]", () => {
    expect(backoffDelayMs(0, 1000, () => 0)).toBe(500);
    expect(backoffDelayMs(0, 1000, () => 1)).toBe(1000);
    expect(backoffDelayMs(2, 1000, () => 0)).toBe(2000);
    expect(backoffDelayMs(2, 1000, () => 1)).toBe(4000);
  });
  it("retries 408, 429 and 5xx except 501/505, nothing else", () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 403, 404, 410, 501, 505].some(isRetryableStatus)).toBe(false);
  });
});
