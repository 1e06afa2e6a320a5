/**
 * The GitHub GraphQL client papershelf uses: @octokit/core with the throttling and retry plugins (they
 * implement GitHub's policy: honour retry-after, wait for x-ratelimit-reset when remaining is 0, back off on
 * secondary limits, retry 5xx). It answers with the raw `{data, errors}` so that a NOT_FOUND for one alias
 * never hides the 99 other answers. The edge reads the token and the base URLs and passes them in.
 */
import type { Octokit } from "@octokit/core";

export interface GraphqlError {
  type?: string;
  path?: (string | number)[];
  message: string;
}

export type GraphqlResponse =
  | { ok: true; data: Record<string, unknown> | null; errors: GraphqlError[] }
  | { ok: false; status?: number; message: string };

/** Sends one query. Never throws: HTTP and network failures are `{ok: false}`. */
export type GraphqlClient = (query: string, variables: Record<string, unknown>) => Promise<GraphqlResponse>;

export interface GraphqlClientOptions {
  token: string;
  /** GITHUB_API_URL (default https://api.github.com). */
  apiUrl?: string;
  /** GITHUB_GRAPHQL_URL (default: the API URL + /graphql, or /api/graphql on GitHub Enterprise Server). */
  graphqlUrl?: string;
  /** Retries of 5xx answers by the retry plugin (default 2). */
  retries?: number;
  /** Rate-limit waits longer than this are not taken: the request fails instead (default 60 s). */
  maxRateLimitWaitSeconds?: number;
  /** The throttling plugin spaces GraphQL requests 1 s apart (GitHub's advice for POSTs); tests turn it off. */
  throttle?: boolean;
  /** Rate-limit notices for the edge to print. */
  onNotice?: (message: string) => void;
  fetch?: typeof globalThis.fetch;
}

/**
 * octokit and its plugins, imported at the first query: a check without repository URLs or without a token
 * (`papershelf check urls.txt`) never loads them.
 */
async function loadThrottledOctokit() {
  const [{ Octokit: Core }, { retry }, { throttling }] = await Promise.all([
    import("@octokit/core"),
    import("@octokit/plugin-retry"),
    import("@octokit/plugin-throttling"),
  ]);
  return Core.plugin(throttling, retry);
}

/** The GraphQL endpoint for an API base URL (GitHub Enterprise Server serves it at /api/graphql). */
export function graphqlUrlFor(apiUrl: string): string {
  const base = apiUrl.replace(/(?<!\/)\/+$/, "");
  return base.endsWith("/api/v3") ? `${base.slice(0, -"/v3".length)}/graphql` : `${base}/graphql`;
}

export function createGraphqlClient(options: GraphqlClientOptions): GraphqlClient {
  const apiUrl = (options.apiUrl ?? "https://api.github.com").replace(/(?<!\/)\/+$/, "");
  const graphqlUrl = options.graphqlUrl ?? graphqlUrlFor(apiUrl);
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const notice = options.onNotice ?? (() => undefined);
  const onLimit =
    (kind: string) => (retryAfter: number, _opts: unknown, _octokit: unknown, retryCount: number) => {
      const retrying = retryCount < 2 && retryAfter <= maxWait;
      notice(`GitHub ${kind} rate limit: ${retrying ? `retrying in ${retryAfter} s` : "giving up"}`);
      return retrying;
    };
  const silent = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  };
  const settings = {
    auth: options.token,
    baseUrl: apiUrl,
    userAgent: "papershelf",
    log: silent,
    throttle:
      options.throttle === false
        ? { enabled: false as const }
        : { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
    retry: { retries: options.retries ?? 2 },
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
  };
  let octokit: Promise<Octokit> | undefined;
  return async (query, variables) => {
    try {
      octokit ??= loadThrottledOctokit().then((Throttled) => new Throttled(settings));
      const client = await octokit;
      const response = await client.request({ method: "POST", url: graphqlUrl, query, variables });
      const body = response.data as { data?: Record<string, unknown> | null; errors?: GraphqlError[] };
      return { ok: true, data: body.data ?? null, errors: body.errors ?? [] };
    } catch (error) {
      const err = error as { status?: number; message?: string };
      const status = typeof err.status === "number" ? err.status : undefined;
      return {
        ok: false,
        ...(status !== undefined ? { status } : {}),
        message: err.message ?? String(error),
      };
    }
  };
}
