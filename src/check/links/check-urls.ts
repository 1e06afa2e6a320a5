/**
 * The link stage: exclude → cache → probe (politely, all hosts at once) → classify → soft-404 collapse →
 * two-run rule → next cache. Returns results in input order, plus the next cache and state for the edge
 * to write. Clients (dispatcher, clock, sleep, random) are passed in.
 */
import type { Agent, Dispatcher } from "undici";
// The Agent alone, not undici's index: the index also loads fetch, WebSocket, EventSource, the caches and
// the mocks, 0.13 s of every `papershelf check` start-up (of ~0.35 s) for a class the engine does not use.
// undici is pinned to one version; a test checks this is still the class undici exports.
import UndiciAgent from "undici/lib/dispatcher/agent.js";
import { emptyCache, lookupLink, updateLinkCache, type CacheFile } from "../state/cache.js";
import { applyTwoRunRule, emptyState, type CheckState } from "../state/history.js";
import { classifyProbe } from "./classify.js";
import { markCollapsedRedirects } from "./collapse.js";
import { failedAtNetworkLevel, judgeNetwork, uncheckedResult, type NetworkStatus } from "./network.js";
import { compilePattern, DEFAULT_LINK_OPTIONS, hostMatches, type LinkCheckOptions } from "./options.js";
import { probeUrl, type ProbeResult } from "./probe.js";
import { publicOnlyLookup } from "./public-only.js";
import { HostScheduler } from "./scheduler.js";
import type { LinkResult } from "./verdict.js";

export interface LinkCheckDeps {
  dispatcher: Dispatcher;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called once per URL as its result is known (cache hits and exclusions included). */
  onProgress?: (event: { done: number; total: number; result: LinkResult }) => void;
}

export interface LinkCheckInput extends Partial<LinkCheckOptions> {
  cache?: CacheFile;
  state?: CheckState;
  /** No request at all: cached successes are reported, every other link is `unchecked`. */
  offline?: boolean;
}

export interface LinkRun {
  results: LinkResult[];
  cache: CacheFile;
  state: CheckState;
  /** Whether this run could reach the network at all (see network.ts); always available when offline. */
  network: NetworkStatus;
  stats: {
    requests: number;
    maxInFlight: number;
    maxInFlightPerHost: Record<string, number>;
    slowedHosts: string[];
  };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The undici client the engine expects: as many connections per origin as the per-host cap allows. The engine
 * only calls `dispatch`; undici's `request`/`stream` methods are added by undici's index, which a CLI run
 * does not load (see the import above), so use undici's functions (`request(url, { dispatcher })`) instead.
 */
export function createLinkDispatcher(options: Partial<LinkCheckOptions> = {}): Agent {
  const opts = { ...DEFAULT_LINK_OPTIONS, ...options };
  const perHost = Math.max(opts.hostConcurrency, ...Object.values(opts.hosts).map((h) => h.concurrency ?? 0));
  return new UndiciAgent({
    connections: perHost,
    connect: { timeout: opts.connectTimeoutMs, ...(opts.publicOnly ? { lookup: publicOnlyLookup() } : {}) },
    keepAliveTimeout: 10_000,
  });
}

/** The probe found no such domain: no DNS answer for the link's own host, before any redirect. */
function isNoSuchDomain(probe: ProbeResult): boolean {
  return probe.redirects.length === 0 && probe.end.kind === "failure" && probe.end.failure === "dns";
}

/** Another link of a host that has no DNS answer: the same answer, with no request of its own. */
function sameAnswer(known: ProbeResult, url: string): ProbeResult {
  const requested = new URL(url);
  requested.hash = "";
  return { ...known, url, finalUrl: requested.href, attempts: 0, exhaustedRetries: false, durationMs: 0 };
}

function invalid(url: string, now: number, message: string): LinkResult {
  return {
    url,
    verdict: "error",
    message,
    redirects: [],
    attempts: 0,
    durationMs: 0,
    checkedAt: new Date(now).toISOString(),
    source: "network",
  };
}

interface Prescreen {
  excludes: { pattern: string; regex: RegExp }[];
  cache: CacheFile;
  startedAt: number;
  options: LinkCheckOptions;
  offline: boolean;
}

/**
 * The result a link gets without a request (not a valid URL, not http(s), excluded, cached, offline), or the
 * host:port whose queue it waits in.
 */
function answerWithoutRequest(url: string, { excludes, cache, startedAt, options, offline }: Prescreen) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return invalid(url, startedAt, "not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return invalid(url, startedAt, `only http(s) links are checked, not ${parsed.protocol}`);
  }
  const excluded = excludes.find((e) => e.regex.test(url));
  if (excluded) {
    return {
      ...invalid(url, startedAt, `excluded by pattern ${excluded.pattern}`),
      verdict: "excluded",
      pattern: excluded.pattern,
    } satisfies LinkResult;
  }
  const cached = lookupLink(cache, url, startedAt, options.cacheMaxAgeMs);
  if (cached) return cached;
  if (offline)
    return {
      ...invalid(url, startedAt, "not checked: --offline"),
      verdict: "unchecked",
    } satisfies LinkResult;
  return parsed.host;
}

/**
 * How many links of one host are admitted at a time, as a multiple of its request cap. Links wait as plain
 * strings until admitted: starting all 5,000 of a list at once kept ~2 KB of probe state per link alive for
 * the whole run, and copying it from one young generation to the next was half of the engine's CPU. Twice
 * the cap keeps the host's request slots busy while admitted links sleep in a backoff or follow a redirect
 * to another host; the scheduler alone decides when a request starts, so politeness is unchanged.
 */
export const ADMITTED_PER_HOST_SLOT = 2;

/** Checks every URL once (duplicates share one check). Never throws for network trouble. */
export async function checkUrls(
  urls: readonly string[],
  deps: LinkCheckDeps,
  input: LinkCheckInput = {},
): Promise<LinkRun> {
  const { cache = emptyCache(), state = emptyState(), offline = false, ...overrides } = input;
  const options: LinkCheckOptions = { ...DEFAULT_LINK_OPTIONS, ...overrides };
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const unique = [...new Set(urls)];
  const excludes = options.exclude.map((pattern) => ({ pattern, regex: compilePattern(pattern) }));
  const limitsFor = (host: string) => {
    const name = host.replace(/:\d+$/, "");
    const override = Object.entries(options.hosts).find(([suffix]) => hostMatches(name, suffix))?.[1];
    return {
      concurrency: override?.concurrency ?? options.hostConcurrency,
      intervalMs: override?.intervalMs ?? options.hostIntervalMs,
    };
  };
  const scheduler = new HostScheduler({ maxConcurrency: options.maxConcurrency, now, sleep, limitsFor });
  const probeDeps = { dispatcher: deps.dispatcher, scheduler, now, sleep, random };
  let done = 0;
  let requests = 0;
  const checked: LinkResult[] = new Array<LinkResult>(unique.length);
  const report = (index: number, result: LinkResult): void => {
    checked[index] = result;
    done++;
    requests += result.attempts;
    deps.onProgress?.({ done, total: unique.length, result });
  };
  const startedAt = now();
  // Per host asked over the network: did any of its probes reach a server?
  const reached = new Map<string, boolean>();
  // What is answered without a request is answered now; the rest waits in its host's queue (input order).
  const queues = new Map<string, number[]>();
  const known = { excludes, cache, startedAt, options, offline };
  for (const [index, url] of unique.entries()) {
    const answer = answerWithoutRequest(url, known);
    if (typeof answer === "string") {
      const queue = queues.get(answer);
      if (queue) queue.push(index);
      else queues.set(answer, [index]);
    } else {
      report(index, answer);
    }
  }
  // A name that does not exist (ENOTFOUND) does not exist for the host's other links either: they take the
  // answer one of them got instead of asking again. When the resolver cannot be reached, every lookup may wait
  // out its timeout (5 s a try): a list's 60 arXiv links made 25 s of a run that could only end "network
  // unavailable". The links in flight when the answer comes finish their own lookups.
  const unresolved = new Map<string, ProbeResult>();
  const answeredByHost = new Set<number>();
  const probeNext = async (
    host: string,
    queue: readonly number[],
    cursor: { next: number },
  ): Promise<void> => {
    for (let index = queue[cursor.next++]; index !== undefined; index = queue[cursor.next++]) {
      const url = unique[index] as string;
      const known = unresolved.get(host);
      const probe = known ? sameAnswer(known, url) : await probeUrl(url, probeDeps, options);
      if (known) answeredByHost.add(index);
      else if (isNoSuchDomain(probe)) unresolved.set(host, probe);
      if (reached.get(host) !== true) reached.set(host, !failedAtNetworkLevel(probe));
      report(index, classifyProbe(probe, { options, checkedAt: now() }));
    }
  };
  const admitted: Promise<void>[] = [];
  for (const [host, queue] of queues) {
    const cursor = { next: 0 };
    const width = Math.min(queue.length, Math.max(1, limitsFor(host).concurrency) * ADMITTED_PER_HOST_SLOT);
    for (let i = 0; i < width; i++) admitted.push(probeNext(host, queue, cursor));
  }
  await Promise.all(admitted);
  const network = judgeNetwork(reached);
  const unreachable = new Set(network.unreachable);
  const judged = network.available
    ? checked
    : checked.map((r, index) =>
        r.source === "network" &&
        (r.attempts > 0 || answeredByHost.has(index)) &&
        unreachable.has(new URL(r.url).host)
          ? uncheckedResult(r, "the network is unavailable")
          : r,
      );
  const collapsed = markCollapsedRedirects(judged, options.collapseThreshold);
  const twoRun = applyTwoRunRule(collapsed, state, startedAt, options.deadAfterMs);
  return {
    results: twoRun.results,
    cache: updateLinkCache(cache, twoRun.results, startedAt, options.cacheMaxAgeMs),
    state: twoRun.state,
    network,
    stats: { requests, ...scheduler.stats() },
  };
}
