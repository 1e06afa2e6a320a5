/**
 * The closed set of link verdicts. Every network outcome maps to exactly one of these, with the evidence that
 * led to it: a 404, a rate limit and a DNS failure are never collapsed into one "broken".
 */

export const LINK_VERDICTS = [
  "ok",
  "redirect",
  "soft404",
  "dead",
  "suspect",
  "blocked",
  "timeout",
  "error",
  "excluded",
  "unchecked",
] as const;

export type LinkVerdict = (typeof LINK_VERDICTS)[number];

/** One hop of a redirect chain: the URL asked, the status it answered, where it pointed. */
export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

/** What was observed, whatever the verdict. */
export interface LinkEvidence {
  url: string;
  /** Status of the last response (after redirects), when there was one. */
  status?: number;
  /** The URL that finally answered, when it differs from `url`. */
  finalUrl?: string;
  redirects: RedirectHop[];
  /** Requests made for this URL, retries and redirect hops included (0 when cached or excluded). */
  attempts: number;
  durationMs: number;
  /** ISO time of the check (of the original check, for a cached result). */
  checkedAt: string;
  /** "cache": reused from the success cache, no request made. */
  source: "network" | "cache";
  /** One line a person can act on. */
  message: string;
}

/** A link's verdict with its evidence; the extra fields depend on the verdict. */
export type LinkResult = LinkEvidence &
  (
    | { verdict: "ok" }
    /** A permanent redirect to a different URL: `suggestion` is where the link should point. */
    | { verdict: "redirect"; suggestion: string }
    /**
     * Redirected to a site's root or landing page ("root"), to one page many unrelated links also land on
     * ("collapse"), or, for a site known to have closed, anywhere but where its live pages went ("gone-site").
     */
    | { verdict: "soft404"; reason: "root" | "collapse" | "gone-site"; sharedBy?: number }
    /** Failed (404, 410, no such domain) on two runs at least the configured gap apart. */
    | { verdict: "dead"; firstFailedAt: string }
    /** Failed like a dead link, but on one run only so far: reported dead if it fails again after `deadAfter`. */
    | { verdict: "suspect"; firstFailedAt: string; deadAfter: string }
    | { verdict: "blocked" }
    | { verdict: "timeout" }
    | { verdict: "error" }
    | { verdict: "excluded"; pattern: string }
    /** Not checked: `check --offline`, or the network was unavailable (most hosts unreachable). */
    | { verdict: "unchecked" }
  );

/** Verdicts that mean the link works (what the success cache keeps). */
export function isSuccess(result: LinkResult): boolean {
  return result.verdict === "ok" || result.verdict === "redirect";
}

/** The evidence fields of a result without its verdict-specific ones, to build another verdict on them. */
export function evidenceOf(result: LinkResult): LinkEvidence {
  const { url, status, finalUrl, redirects, attempts, durationMs, checkedAt, source, message } = result;
  return {
    url,
    ...(status !== undefined ? { status } : {}),
    ...(finalUrl !== undefined ? { finalUrl } : {}),
    redirects,
    attempts,
    durationMs,
    checkedAt,
    source,
    message,
  };
}
