/**
 * When to retry and how long to wait: pure functions of a response's status and headers and of the clock.
 */

export type HeaderMap = Record<string, string | string[] | undefined>;

/** Statuses worth another try: the server said "later" or failed in a way that usually passes (lychee's set). */
export function isRetryableStatus(status: number): boolean {
  // 501 Not Implemented and 505 Version Not Supported do not pass with time.
  return (
    status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505)
  );
}

/** Exponential backoff with equal jitter: half the delay fixed, half random, so retries of many links spread out. */
export function backoffDelayMs(retry: number, baseMs: number, random: () => number): number {
  const ceiling = baseMs * 2 ** retry;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function header(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** `Retry-After` in milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * How long a host asks us to wait before the next request, from any of the headers servers use:
 * `Retry-After`; `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (epoch seconds, as GitHub sends, or
 * delta seconds); IETF `RateLimit-Remaining`/`RateLimit-Reset` (delta seconds) or the combined
 * `RateLimit: limit=…, remaining=0, reset=…`. Undefined when no header asks for a pause.
 */
export function parseWaitMs(headers: HeaderMap, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfterMs(header(headers, "retry-after"), nowMs);
  if (retryAfter !== undefined) return retryAfter;

  const remaining = header(headers, "x-ratelimit-remaining");
  const reset = header(headers, "x-ratelimit-reset");
  if (
    remaining !== undefined &&
    Number(remaining) === 0 &&
    reset !== undefined &&
    /^\d+$/.test(reset.trim())
  ) {
    const seconds = Number(reset);
    // Values above a billion are epoch seconds (GitHub); smaller ones are a delta.
    return seconds > 1e9 ? Math.max(0, seconds * 1000 - nowMs) : seconds * 1000;
  }

  const ietfRemaining = header(headers, "ratelimit-remaining");
  const ietfReset = header(headers, "ratelimit-reset");
  if (ietfRemaining !== undefined && Number(ietfRemaining) === 0 && ietfReset !== undefined) {
    const seconds = Number(ietfReset);
    if (Number.isFinite(seconds)) return seconds * 1000;
  }

  const combined = header(headers, "ratelimit");
  if (combined !== undefined) {
    const fields = Object.fromEntries(
      combined.split(/[,;]/).map((part) => {
        const [key = "", value = ""] = part.split("=").map((s) => s.trim().toLowerCase());
        return [key, value];
      }),
    );
    if (fields.remaining !== undefined && Number(fields.remaining) === 0 && fields.reset !== undefined) {
      const seconds = Number(fields.reset);
      if (Number.isFinite(seconds)) return seconds * 1000;
    }
  }
  return undefined;
}
