/**
 * Tunables of the link engine with their defaults. Each number says which limit it respects; the config
 * section `check:` in .papershelf.yml and the CLI flags override them.
 */
import { PAPERSHELF_URL } from "../../papershelf-repository.js";

/** Requests in flight across all hosts. 256 keeps a 50-host list near its per-host bound without exhausting file descriptors (1,024 by default on Linux). */
export const MAX_CONCURRENCY = 256;
/** Requests in flight per host. lychee uses 10; 8 matches a browser's 6–8 connections per origin. */
export const HOST_CONCURRENCY = 8;
/** Minimum gap between two request starts on one host. 0: the per-host cap alone is polite enough by default. */
export const HOST_INTERVAL_MS = 0;
/** A host that answered 429 waits at least this long between request starts for the rest of the run (lychee: 50 ms). */
export const SLOWED_HOST_INTERVAL_MS = 50;
export const CONNECT_TIMEOUT_MS = 10_000;
/** One request, whole: headers and the part of the body we read (a dripping body does not extend it). */
export const REQUEST_TIMEOUT_MS = 20_000;
/**
 * One link, whole: every request, retry, backoff and redirect hop together. 120 s leaves room for the default
 * worst case of 4 attempts at 20 s plus 1 + 2 + 4 s of backoff (87 s), then stops whatever the server does.
 */
export const LINK_DEADLINE_MS = 120_000;
/** Retries after the first attempt (lychee: 3). */
export const RETRIES = 3;
/** First backoff; doubles on each retry (1 s, 2 s, 4 s), with jitter. */
export const RETRY_BASE_MS = 1_000;
/** A Retry-After or rate-limit reset further away than this is not waited for: the link is reported instead. */
export const MAX_RETRY_WAIT_MS = 60_000;
/** Redirect hops followed (browsers: 20; lychee and the issue: 10). */
export const MAX_REDIRECTS = 10;
/** How many unrelated links must land on one final URL before it counts as a soft 404. */
export const COLLAPSE_THRESHOLD = 3;
/** Bytes of a GET body read before the connection is dropped: small pages are drained so the socket is reused. */
export const BODY_DRAIN_LIMIT_BYTES = 64 * 1024;

/**
 * Sites that refuse bots: answers other than 2xx/404/410 from these hosts are `blocked`, not failures
 * (RESEARCH.md: LinkedIn 999, X/Twitter, ResearchGate, ACM DL, ScienceDirect, SAGE 403, IEEE/S2 202).
 */
export const DEFAULT_BLOCKED_HOSTS = [
  "linkedin.com",
  "twitter.com",
  "x.com",
  "researchgate.net",
  "dl.acm.org",
  "sciencedirect.com",
  "journals.sagepub.com",
  "ieeexplore.ieee.org",
  "semanticscholar.org",
  "doi.org",
];

/**
 * Paths worth a HEAD request: large files whose body GET would download. Elsewhere GET is cheaper, because
 * undici closes the connection after every HEAD response (RESEARCH.md: 5,000 connects instead of 320).
 */
export const HEAD_EXTENSIONS = [
  ".pdf",
  ".zip",
  ".gz",
  ".tgz",
  ".tar",
  ".7z",
  ".bz2",
  ".xz",
  ".mp4",
  ".webm",
  ".mov",
  ".pt",
  ".pth",
  ".bin",
  ".ckpt",
  ".safetensors",
  ".h5",
  ".npz",
  ".parquet",
];

export type MethodPolicy = "auto" | "get" | "head";

/** Per-host overrides, keyed by host name (a suffix match: "github.com" covers "gist.github.com"). */
export interface HostOverride {
  concurrency?: number;
  intervalMs?: number;
}

export interface LinkCheckOptions {
  maxConcurrency: number;
  hostConcurrency: number;
  hostIntervalMs: number;
  hosts: Record<string, HostOverride>;
  connectTimeoutMs: number;
  timeoutMs: number;
  /** One link's total time: its requests, retries, backoffs and redirects. */
  deadlineMs: number;
  retries: number;
  retryBaseMs: number;
  maxRetryWaitMs: number;
  maxRedirects: number;
  method: MethodPolicy;
  /** Glob patterns (`*` = any characters) or `/regex/`, matched against the whole URL. */
  exclude: string[];
  /** Hosts whose refusals mean `blocked` (added to DEFAULT_BLOCKED_HOSTS). */
  blockedHosts: string[];
  collapseThreshold: number;
  /** Minimum time between the first failure and the failure that makes a link `dead`. */
  deadAfterMs: number;
  /** Maximum age of a success in the cache. */
  cacheMaxAgeMs: number;
  userAgent: string;
  /**
   * Never request loopback, private or link-local addresses, not even through a redirect or a name that
   * resolves to one. On for links strangers submit (the intake runs on the Action's runner).
   */
  publicOnly: boolean;
}

export const HOUR_MS = 3_600_000;

export const DEFAULT_LINK_OPTIONS: LinkCheckOptions = {
  maxConcurrency: MAX_CONCURRENCY,
  hostConcurrency: HOST_CONCURRENCY,
  hostIntervalMs: HOST_INTERVAL_MS,
  hosts: {},
  connectTimeoutMs: CONNECT_TIMEOUT_MS,
  timeoutMs: REQUEST_TIMEOUT_MS,
  deadlineMs: LINK_DEADLINE_MS,
  retries: RETRIES,
  retryBaseMs: RETRY_BASE_MS,
  maxRetryWaitMs: MAX_RETRY_WAIT_MS,
  maxRedirects: MAX_REDIRECTS,
  method: "auto",
  exclude: [],
  blockedHosts: [],
  collapseThreshold: COLLAPSE_THRESHOLD,
  // Two runs "some hours apart": a scheduled daily check passes it, two pushes in one afternoon do not.
  deadAfterMs: 6 * HOUR_MS,
  cacheMaxAgeMs: 24 * HOUR_MS,
  userAgent: `papershelf-link-check/0.1 (+${PAPERSHELF_URL})`,
  publicOnly: false,
};

/** True when `host` is `suffix` or a subdomain of it. */
export function hostMatches(host: string, suffix: string): boolean {
  const h = host.toLowerCase();
  const s = suffix.toLowerCase();
  return h === s || h.endsWith(`.${s}`);
}

/** Compiles an exclude pattern: `/…/` is a regular expression, anything else a glob over the whole URL. */
export function compilePattern(pattern: string): RegExp {
  if (pattern.length > 2 && pattern.startsWith("/") && pattern.endsWith("/"))
    return new RegExp(pattern.slice(1, -1));
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}
