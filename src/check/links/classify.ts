/**
 * From what a probe saw to a verdict: pure, so every rule is testable with plain objects. A failure that
 * would make a link dead comes out as `suspect`; only the run history (two-run rule) turns it into `dead`.
 */
import { goneSiteLanding } from "./gone-sites.js";
import { hostMatches, DEFAULT_BLOCKED_HOSTS, type LinkCheckOptions } from "./options.js";
import type { ProbeResult } from "./probe.js";
import type { LinkEvidence, LinkResult, RedirectHop } from "./verdict.js";

const PERMANENT = new Set([301, 308]);
/**
 * Paths that are a site's front door rather than a page: "/", "/index.html", "/home", and the locale roots
 * of the languages a paper list links to most ("/en", "/zh-tw/"). Not any two letters: "/ok" is a page.
 */
const LANDING_PATH =
  /^\/(?:index\.(?:html?|php)|home|(?:en|de|fr|es|ja|zh|ko|ru|pt|it|nl)(?:-[a-z]{2,4})?)?\/?$/i;

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  410: "Gone",
  429: "Too Many Requests",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function statusLine(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : `HTTP ${status}`;
}

/** Where a link should point after a redirect chain: the end of its leading permanent hops, if any. */
export function permanentTarget(redirects: readonly RedirectHop[]): string | undefined {
  let target: string | undefined;
  for (const hop of redirects) {
    if (!PERMANENT.has(hop.status)) break;
    target = hop.location;
  }
  return target;
}

/** True when a redirect chain ended on the site's front page although the link asked for a deeper page. */
export function landedOnRoot(original: string, finalUrl: string): boolean {
  const from = new URL(original);
  const to = new URL(finalUrl);
  if (!LANDING_PATH.test(to.pathname) || to.search !== "") return false;
  if (LANDING_PATH.test(from.pathname) && from.search === "") return false;
  return true;
}

export interface ClassifyContext {
  options: Pick<LinkCheckOptions, "blockedHosts" | "deadAfterMs" | "timeoutMs">;
  checkedAt: number;
}

function isBlockedHost(host: string, extra: readonly string[]): boolean {
  return [...DEFAULT_BLOCKED_HOSTS, ...extra].some((suffix) => hostMatches(host, suffix));
}

/** A verdict with its own fields and message, before the shared evidence is attached. */
type VerdictPart = LinkResult extends infer T
  ? T extends unknown
    ? Omit<T, Exclude<keyof LinkEvidence, "message">>
    : never
  : never;

function suspectPart(message: string, ctx: ClassifyContext, checkedAt: string): VerdictPart {
  const deadAfter = new Date(ctx.checkedAt + ctx.options.deadAfterMs).toISOString();
  return { verdict: "suspect", firstFailedAt: checkedAt, deadAfter, message };
}

/** The error's code and message, the code once: Node's messages often hold it ("connect ECONNREFUSED …"). */
function describeError(code: string, message: string): string {
  return message.includes(code) ? message : `${code} ${message}`;
}

/** Verdicts for answers that never came: timeouts, DNS, TLS, resets, redirect trouble. */
function classifyFailure(
  probe: ProbeResult,
  ctx: ClassifyContext,
  checkedAt: string,
  tries: string,
): VerdictPart {
  const { end } = probe;
  if (end.kind === "response") throw new Error("classifyFailure called with a response");
  if (end.kind !== "failure") return { verdict: "error", message: end.message };
  switch (end.failure) {
    case "timeout":
      return { verdict: "timeout", message: `no answer within ${ctx.options.timeoutMs} ms${tries}` };
    case "dns":
      return suspectPart(`no such domain (${new URL(probe.finalUrl).hostname})`, ctx, checkedAt);
    case "tls":
      return { verdict: "error", message: `TLS error: ${describeError(end.code, end.message)}` };
    default:
      return { verdict: "error", message: `${end.failure}${tries}: ${describeError(end.code, end.message)}` };
  }
}

/** Verdicts for a final status other than 2xx. */
function classifyRefusal(
  probe: ProbeResult,
  status: number,
  cfMitigated: unknown,
  ctx: ClassifyContext,
  checkedAt: string,
  tries: string,
): VerdictPart {
  if (status === 404 || status === 410) return suspectPart(statusLine(status), ctx, checkedAt);
  if (status === 999) return { verdict: "blocked", message: "HTTP 999: the site refuses automated requests" };
  if (status === 202)
    return { verdict: "blocked", message: "202 Accepted: a bot-challenge page, not the content" };
  if (status === 403 && cfMitigated !== undefined) {
    return {
      verdict: "blocked",
      message: `403 with cf-mitigated: ${String(cfMitigated)} (Cloudflare challenge)`,
    };
  }
  const finalHost = new URL(probe.finalUrl).hostname;
  if (status >= 400 && isBlockedHost(finalHost, ctx.options.blockedHosts)) {
    return {
      verdict: "blocked",
      message: `${statusLine(status)} from ${finalHost}, a site that refuses bots`,
    };
  }
  if (status === 429) return { verdict: "error", message: `rate limited (429)${tries}` };
  if (status >= 300 && status < 400)
    return { verdict: "error", message: `${statusLine(status)} without a Location` };
  if (status >= 400) return { verdict: "error", message: `${statusLine(status)}${tries}` };
  return { verdict: "error", message: `unexpected ${statusLine(status)}` };
}

/** Verdicts for a 2xx answer: ok, or what its redirects say about the link. */
function classifySuccess(probe: ProbeResult, status: number): VerdictPart {
  const { redirects } = probe;
  if (redirects.length > 0 && landedOnRoot(probe.url, probe.finalUrl)) {
    return {
      verdict: "soft404",
      reason: "root",
      message: `redirected to the site's front page ${probe.finalUrl}: the page itself is gone`,
    };
  }
  const gone = redirects.length > 0 ? goneSiteLanding(probe.url, probe.finalUrl) : undefined;
  if (gone) {
    return {
      verdict: "soft404",
      reason: "gone-site",
      message: `redirected to ${probe.finalUrl}, not to ${gone.expected}: ${gone.why}`,
    };
  }
  const target = permanentTarget(redirects);
  if (target !== undefined && target !== probe.url.split("#")[0]) {
    const first = redirects[0]?.status ?? 301;
    return { verdict: "redirect", suggestion: target, message: `moved permanently (${first}) to ${target}` };
  }
  const via =
    redirects.length > 0 ? ` via ${redirects.length} temporary redirect(s) to ${probe.finalUrl}` : "";
  return { verdict: "ok", message: `${statusLine(status)}${via}` };
}

/**
 * `new Date(ms).toISOString()`, remembering the last answer: links finish several to a millisecond, and the
 * conversion was the costliest line of classifying a link.
 */
let lastIso = { ms: Number.NaN, iso: "" };
function isoAt(ms: number): string {
  if (ms !== lastIso.ms) lastIso = { ms, iso: new Date(ms).toISOString() };
  return lastIso.iso;
}

/** The verdict for one probe: the evidence, then the verdict's own fields (built without spreads: 5,000 a run). */
export function classifyProbe(probe: ProbeResult, ctx: ClassifyContext): LinkResult {
  const { end } = probe;
  const checkedAt = isoAt(ctx.checkedAt);
  const evidence: LinkEvidence = {
    url: probe.url,
    redirects: probe.redirects,
    attempts: probe.attempts,
    durationMs: probe.durationMs,
    checkedAt,
    source: "network",
    message: "",
  };
  if (end.kind === "response") evidence.status = end.status;
  if (probe.redirects.length > 0) evidence.finalUrl = probe.finalUrl;
  const tries = probe.attempts > 1 ? ` after ${probe.attempts} attempts` : "";
  let part: VerdictPart;
  if (end.kind !== "response") part = classifyFailure(probe, ctx, checkedAt, tries);
  else if (end.status >= 200 && end.status < 300 && end.status !== 202)
    part = classifySuccess(probe, end.status);
  else part = classifyRefusal(probe, end.status, end.headers["cf-mitigated"], ctx, checkedAt, tries);
  return Object.assign(evidence, part) as LinkResult;
}
