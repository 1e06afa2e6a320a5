/**
 * From what a probe saw to a verdict: pure, so every rule is testable with plain objects. A failure that
 * would make a link dead comes out as `suspect`; only the run history (two-run rule) turns it into `dead`.
 */
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

/** The verdict for one probe. */
export function classifyProbe(probe: ProbeResult, ctx: ClassifyContext): LinkResult {
  const { end, redirects } = probe;
  const checkedAt = new Date(ctx.checkedAt).toISOString();
  const moved = redirects.length > 0;
  const base: Omit<LinkEvidence, "message"> = {
    url: probe.url,
    ...(end.kind === "response" ? { status: end.status } : {}),
    ...(moved ? { finalUrl: probe.finalUrl } : {}),
    redirects,
    attempts: probe.attempts,
    durationMs: probe.durationMs,
    checkedAt,
    source: "network",
  };
  const tries = probe.attempts > 1 ? ` after ${probe.attempts} attempts` : "";
  const suspect = (message: string): LinkResult => ({
    ...base,
    verdict: "suspect",
    firstFailedAt: checkedAt,
    deadAfter: new Date(ctx.checkedAt + ctx.options.deadAfterMs).toISOString(),
    message,
  });

  if (end.kind !== "response" && end.kind !== "failure")
    return { ...base, verdict: "error", message: end.message };
  if (end.kind === "failure") {
    switch (end.failure) {
      case "timeout":
        return {
          ...base,
          verdict: "timeout",
          message: `no answer within ${ctx.options.timeoutMs} ms${tries}`,
        };
      case "dns":
        return suspect(`no such domain (${new URL(probe.finalUrl).hostname})`);
      case "tls":
        return { ...base, verdict: "error", message: `TLS error: ${end.code} ${end.message}` };
      default:
        return { ...base, verdict: "error", message: `${end.failure}${tries}: ${end.code} ${end.message}` };
    }
  }

  const { status } = end;
  if (status === 404 || status === 410) return suspect(statusLine(status));
  if (status === 999)
    return { ...base, verdict: "blocked", message: "HTTP 999: the site refuses automated requests" };
  if (status === 202)
    return { ...base, verdict: "blocked", message: "202 Accepted: a bot-challenge page, not the content" };
  const cfMitigated = end.headers["cf-mitigated"];
  if (status === 403 && cfMitigated !== undefined) {
    return {
      ...base,
      verdict: "blocked",
      message: `403 with cf-mitigated: ${String(cfMitigated)} (Cloudflare challenge)`,
    };
  }
  const finalHost = status >= 400 ? new URL(probe.finalUrl).hostname : "";
  if (status >= 400 && isBlockedHost(finalHost, ctx.options.blockedHosts)) {
    return {
      ...base,
      verdict: "blocked",
      message: `${statusLine(status)} from ${finalHost}, a site that refuses bots`,
    };
  }
  if (status === 429) return { ...base, verdict: "error", message: `rate limited (429)${tries}` };
  if (status >= 300 && status < 400)
    return { ...base, verdict: "error", message: `${statusLine(status)} without a Location` };
  if (status >= 400) return { ...base, verdict: "error", message: `${statusLine(status)}${tries}` };
  if (status < 200) return { ...base, verdict: "error", message: `unexpected ${statusLine(status)}` };

  if (moved && landedOnRoot(probe.url, probe.finalUrl)) {
    return {
      ...base,
      verdict: "soft404",
      reason: "root",
      message: `redirected to the site's front page ${probe.finalUrl}: the page itself is gone`,
    };
  }
  const target = permanentTarget(redirects);
  if (target !== undefined && target !== probe.url) {
    const first = redirects[0]?.status ?? 301;
    return {
      ...base,
      verdict: "redirect",
      suggestion: target,
      message: `moved permanently (${first}) to ${target}`,
    };
  }
  const via = moved ? ` via ${redirects.length} temporary redirect(s) to ${probe.finalUrl}` : "";
  return { ...base, verdict: "ok", message: `${statusLine(status)}${via}` };
}
