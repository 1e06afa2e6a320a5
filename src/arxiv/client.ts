/**
 * The arXiv API client, polite by construction (arXiv's terms of use): at most one request every 3 s on one
 * connection, up to 100 ids in one `id_list` request (the whole list of 53 papers is one request), a
 * User-Agent that says who asks and where to reach them, retries on 429 and 503 that wait as long as
 * Retry-After says, and a cache so a paper is asked for once. The clock, the sleeper and the dispatcher are
 * passed in: tests answer from a loopback server and never wait 3 real seconds.
 */
import type { Dispatcher } from "undici";
import { PAPERSHELF_URL } from "../papershelf-repository.js";
import { normalizeArxivId } from "../records/index.js";
import { parseArxivFeed, type ArxivPaper } from "./feed.js";

export const ARXIV_API_URL = "https://export.arxiv.org/api/query";
/** arXiv asks for no more than one request every 3 seconds. */
export const ARXIV_MIN_INTERVAL_MS = 3_000;
/** Ids per `id_list` request: long enough for a whole list, short enough for a GET URL (~1.5 KB). */
export const ARXIV_IDS_PER_REQUEST = 100;
/** Retries after a 429 or 503, each after Retry-After (or 3 s, 6 s, 12 s). */
export const ARXIV_RETRIES = 3;
/** A Retry-After longer than this is not waited for: the lookup fails and says when to try again. */
export const ARXIV_MAX_RETRY_WAIT_MS = 120_000;
/** Cached answers are reused for 30 days: titles and abstracts of published versions rarely change. */
export const ARXIV_CACHE_MAX_AGE_MS = 30 * 24 * 3_600_000;
export const ARXIV_USER_AGENT = `papershelf (+${PAPERSHELF_URL})`;
const REQUEST_TIMEOUT_MS = 30_000;

/** The cache as the edge stores it (.papershelf-cache/arxiv-cache.json): papers by id, with when they came. */
export interface ArxivCache {
  version: 1;
  papers: Record<string, { fetchedAt: string; paper: ArxivPaper }>;
}

export function emptyArxivCache(): ArxivCache {
  return { version: 1, papers: {} };
}

export interface ArxivClientOptions {
  /** The query endpoint (PAPERSHELF_ARXIV_API_URL, read at the edge). */
  apiUrl?: string;
  userAgent?: string;
  dispatcher?: Dispatcher;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  cache?: ArxivCache;
}

/** Per id: the paper, or that arXiv has no such paper; or why the whole lookup failed. */
export type LookupResult =
  | { ok: true; papers: Map<string, ArxivPaper>; missing: string[]; requests: number }
  | { ok: false; message: string; requests: number };

export interface ArxivClient {
  /** Looks up ids (any written form, versions dropped), from the cache first. */
  lookup(ids: readonly string[]): Promise<LookupResult>;
  /** The cache with what this client learned, for the edge to write back. */
  cache(): ArxivCache;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, nowMs: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === "") return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function createArxivClient(options: ArxivClientOptions = {}): ArxivClient {
  const apiUrl = options.apiUrl ?? ARXIV_API_URL;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const cache: ArxivCache = structuredClone(options.cache ?? emptyArxivCache());
  let lastRequestAt = Number.NEGATIVE_INFINITY;
  // One request at a time, whoever calls: arXiv asks for one connection and a 3 s gap.
  let queue: Promise<unknown> = Promise.resolve();

  async function politely<T>(send: () => Promise<T>): Promise<T> {
    const turn = queue.then(async () => {
      const wait = lastRequestAt + ARXIV_MIN_INTERVAL_MS - now();
      if (wait > 0) await sleep(wait);
      lastRequestAt = now();
      return send();
    });
    queue = turn.catch(() => undefined);
    return turn;
  }

  async function fetchBatch(
    ids: readonly string[],
  ): Promise<{ ok: true; xml: string; requests: number } | { ok: false; message: string; requests: number }> {
    const url = new URL(apiUrl);
    url.searchParams.set("id_list", ids.join(","));
    url.searchParams.set("max_results", String(ids.length));
    let requests = 0;
    for (let attempt = 0; ; attempt++) {
      requests++;
      let answer: { status: number; retryAfter?: string | string[]; body: string };
      try {
        answer = await politely(async () => {
          // undici loads with the first request (133 modules, ~130 ms): the commands that only read this
          // room's pure parts (`build` checks the issue form through the intake) do not pay for it.
          const { request } = await import("undici");
          const res = await request(url, {
            method: "GET",
            headers: { "user-agent": options.userAgent ?? ARXIV_USER_AGENT, accept: "application/atom+xml" },
            headersTimeout: REQUEST_TIMEOUT_MS,
            bodyTimeout: REQUEST_TIMEOUT_MS,
            ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
          });
          return {
            status: res.statusCode,
            retryAfter: res.headers["retry-after"],
            body: await res.body.text(),
          };
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        return {
          ok: false,
          message: `arXiv could not be reached (${code ?? (error as Error).message})`,
          requests,
        };
      }
      if (answer.status === 200) return { ok: true, xml: answer.body, requests };
      if ((answer.status === 429 || answer.status === 503) && attempt < ARXIV_RETRIES) {
        const wait = retryAfterMs(answer.retryAfter, now()) ?? ARXIV_MIN_INTERVAL_MS * 2 ** attempt;
        if (wait > ARXIV_MAX_RETRY_WAIT_MS)
          return {
            ok: false,
            message: `arXiv asked to wait ${Math.round(wait / 1000)} s (HTTP ${answer.status}); try again later`,
            requests,
          };
        await sleep(wait);
        continue;
      }
      return { ok: false, message: `arXiv answered HTTP ${answer.status}`, requests };
    }
  }

  return {
    cache: () => cache,
    async lookup(written) {
      const ids = [
        ...new Set(written.map((w) => normalizeArxivId(w)).filter((id): id is string => id !== undefined)),
      ];
      const papers = new Map<string, ArxivPaper>();
      const toAsk: string[] = [];
      for (const id of ids) {
        const hit = cache.papers[id];
        if (hit && now() - Date.parse(hit.fetchedAt) <= ARXIV_CACHE_MAX_AGE_MS) papers.set(id, hit.paper);
        else toAsk.push(id);
      }
      let requests = 0;
      for (let i = 0; i < toAsk.length; i += ARXIV_IDS_PER_REQUEST) {
        const batch = toAsk.slice(i, i + ARXIV_IDS_PER_REQUEST);
        const answer = await fetchBatch(batch);
        requests += answer.requests;
        if (!answer.ok) return { ok: false, message: answer.message, requests };
        const feed = await parseArxivFeed(answer.xml);
        if (!feed.ok) return { ok: false, message: feed.message, requests };
        const fetchedAt = new Date(now()).toISOString();
        for (const paper of feed.papers) {
          if (!batch.includes(paper.id)) continue;
          papers.set(paper.id, paper);
          cache.papers[paper.id] = { fetchedAt, paper };
        }
      }
      return { ok: true, papers, missing: ids.filter((id) => !papers.has(id)), requests };
    },
  };
}

/** One paper at a time (the intake's question), asked once however often it is asked. */
export function createPaperLookup(
  client: ArxivClient,
): (id: string) => Promise<{ ok: true; paper: ArxivPaper | undefined } | { ok: false; message: string }> {
  const asked = new Map<string, ReturnType<ReturnType<typeof createPaperLookup>>>();
  return (written) => {
    const id = normalizeArxivId(written) ?? written;
    let answer = asked.get(id);
    if (!answer) {
      answer = client
        .lookup([id])
        .then((r) =>
          r.ok ? { ok: true as const, paper: r.papers.get(id) } : { ok: false as const, message: r.message },
        );
      asked.set(id, answer);
    }
    return answer;
  };
}
