/**
 * Probing one URL: redirects followed by hand (each hop recorded, each hop queued on its own host), retries
 * with backoff on transient failures, Retry-After and rate-limit headers honoured host-wide, HEAD only where
 * it saves a download and GET when HEAD is refused.
 */
import type { Dispatcher } from "undici";
import { sendRequest, type Attempt } from "./request.js";
import { backoffDelayMs, isRetryableStatus, parseWaitMs } from "./retry-policy.js";
import type { HostScheduler } from "./scheduler.js";
import { BODY_DRAIN_LIMIT_BYTES, HEAD_EXTENSIONS, type LinkCheckOptions } from "./options.js";
import { isPublicUrl } from "./public-only.js";
import type { RedirectHop } from "./verdict.js";

export interface ProbeDeps {
  dispatcher: Dispatcher;
  scheduler: HostScheduler;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export type ProbeEnd =
  | Attempt
  | { kind: "redirect-loop"; message: string }
  | { kind: "too-many-redirects"; message: string }
  | { kind: "bad-redirect"; message: string }
  | { kind: "private"; message: string };

export interface ProbeResult {
  url: string;
  end: ProbeEnd;
  finalUrl: string;
  redirects: RedirectHop[];
  attempts: number;
  /** Still failing after every retry, or the host asked for a longer wait than allowed. */
  exhaustedRetries: boolean;
  durationMs: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function header(attempt: Attempt, name: string): string | undefined {
  if (attempt.kind !== "response") return undefined;
  const value = attempt.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** HEAD saves a download only for large files; elsewhere GET reuses connections that HEAD would close. */
export function chooseMethod(url: URL, policy: LinkCheckOptions["method"]): "GET" | "HEAD" {
  if (policy !== "auto") return policy === "head" ? "HEAD" : "GET";
  const path = url.pathname.toLowerCase();
  return HEAD_EXTENSIONS.some((ext) => path.endsWith(ext)) ? "HEAD" : "GET";
}

function isRetryable(attempt: Attempt): boolean {
  if (attempt.kind === "response") return isRetryableStatus(attempt.status);
  return ["timeout", "reset", "refused", "dns-temporary"].includes(attempt.failure);
}

interface HopOutcome {
  attempt: Attempt;
  attempts: number;
  exhaustedRetries: boolean;
}

/**
 * What is left of one link's deadline (options.deadlineMs): the time its own requests and backoffs took, across
 * retries and redirects. Time spent queued behind other links of the same host is not counted, so a long list
 * on one slow host does not time out links that were never sent.
 */
interface Budget {
  remainingMs: number;
}

const DEADLINE_FAILURE: Attempt = {
  kind: "failure",
  failure: "timeout",
  code: "PAPERSHELF_LINK_DEADLINE",
  message: "the link's deadline passed before it could be requested",
};

/** One URL without following redirects: retries, HEAD→GET fallback, host pauses, all within the budget. */
async function fetchHop(
  url: URL,
  deps: ProbeDeps,
  options: LinkCheckOptions,
  budget: Budget,
): Promise<HopOutcome> {
  const host = url.host;
  let method = chooseMethod(url, options.method);
  let attempts = 0;
  let last: Attempt = DEADLINE_FAILURE;
  for (let retry = 0; ; retry++) {
    if (budget.remainingMs <= 0) return { attempt: last, attempts, exhaustedRetries: attempts > 0 };
    let sentAt = 0;
    const attempt = await deps.scheduler.run(host, () => {
      sentAt = deps.now();
      return sendRequest(deps.dispatcher, {
        url,
        method,
        userAgent: options.userAgent,
        timeoutMs: Math.min(options.timeoutMs, budget.remainingMs),
        bodyLimitBytes: BODY_DRAIN_LIMIT_BYTES,
      });
    });
    budget.remainingMs -= deps.now() - sentAt;
    last = attempt;
    attempts++;
    // HEAD refused or unreliable (405, 501, any 4xx/5xx): ask again with GET before believing it.
    if (method === "HEAD" && attempt.kind === "response" && attempt.status >= 400) {
      method = "GET";
      retry--;
      continue;
    }
    const waitMs = attempt.kind === "response" ? parseWaitMs(attempt.headers, deps.now()) : undefined;
    if (attempt.kind === "response" && attempt.status === 429) deps.scheduler.slowDown(host, sentAt);
    if (waitMs !== undefined && waitMs <= options.maxRetryWaitMs) {
      // The host asked everyone to wait, not just this request.
      deps.scheduler.pause(host, deps.now() + waitMs);
    }
    if (!isRetryable(attempt)) return { attempt, attempts, exhaustedRetries: false };
    if (retry >= options.retries) return { attempt, attempts, exhaustedRetries: true };
    if (waitMs !== undefined && waitMs > options.maxRetryWaitMs)
      return { attempt, attempts, exhaustedRetries: true };
    const delayMs = Math.max(waitMs ?? 0, backoffDelayMs(retry, options.retryBaseMs, deps.random));
    // A wait that would outlast the deadline is not started: the link is reported now instead.
    if (delayMs >= budget.remainingMs) return { attempt, attempts, exhaustedRetries: true };
    budget.remainingMs -= delayMs;
    await deps.sleep(delayMs);
  }
}

/** Follows a URL to its final answer. Never throws for network trouble: that is in `end`. */
export async function probeUrl(
  url: string,
  deps: ProbeDeps,
  options: LinkCheckOptions,
): Promise<ProbeResult> {
  const started = deps.now();
  const redirects: RedirectHop[] = [];
  const seen = new Set<string>();
  let current = new URL(url);
  if (current.hash !== "") current.hash = "";
  let attempts = 0;
  const budget: Budget = { remainingMs: options.deadlineMs };
  const finish = (end: ProbeEnd, exhaustedRetries = false): ProbeResult => ({
    url,
    end,
    finalUrl: current.href,
    redirects,
    attempts,
    exhaustedRetries,
    durationMs: deps.now() - started,
  });
  for (;;) {
    if (options.publicOnly && !isPublicUrl(current)) {
      const via = redirects.length > 0 ? "redirects to" : "is";
      return finish({
        kind: "private",
        message: `${via} a local or private address (${current.host}): not requested`,
      });
    }
    seen.add(current.href);
    const hop = await fetchHop(current, deps, options, budget);
    attempts += hop.attempts;
    const { attempt } = hop;
    if (attempt.kind !== "response" || !REDIRECT_STATUSES.has(attempt.status)) {
      return finish(attempt, hop.exhaustedRetries);
    }
    const location = header(attempt, "location");
    if (location === undefined) return finish(attempt);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return finish({ kind: "bad-redirect", message: `redirect to an invalid URL: ${location}` });
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      return finish({ kind: "bad-redirect", message: `redirect to a non-HTTP URL: ${next.href}` });
    }
    next.hash = "";
    redirects.push({ url: current.href, status: attempt.status, location: next.href });
    if (seen.has(next.href)) {
      return finish({ kind: "redirect-loop", message: `redirect loop back to ${next.href}` });
    }
    if (redirects.length > options.maxRedirects) {
      return finish({ kind: "too-many-redirects", message: `more than ${options.maxRedirects} redirects` });
    }
    current = next;
  }
}
