/**
 * The one way papershelf builds a GitHub client. The edge (Action or CLI) reads the token and the API URLs from
 * its environment and passes them here; everything under src/github takes the resulting client as an argument.
 */
import { Octokit } from "octokit";

export type GitHubClient = Octokit;

export interface GitHubClientOptions {
  /** A token, or undefined for anonymous access (60 requests an hour: fine for a dry run, not for a check). */
  token: string | undefined;
  /** REST base URL: `GITHUB_API_URL` on a runner (GitHub Enterprise Server: https://host/api/v3). */
  apiUrl?: string;
  /** GraphQL endpoint: `GITHUB_GRAPHQL_URL` on a runner. Derived from apiUrl when absent. */
  graphqlUrl?: string;
  /** Where rate-limit notices go (the Action passes core.warning). */
  log?: (message: string) => void;
  /**
   * false turns the throttling queue off. The queue spaces content-creating requests one second apart, as GitHub
   * asks of integrations; loopback tests turn it off so a run with twenty writes does not take twenty seconds.
   */
  throttle?: boolean;
}

/** Retries of one request after a rate limit, and of a 5xx or network error: bounded so a run ends. */
export const RATE_LIMIT_RETRIES = 2;
export const SERVER_ERROR_RETRIES = 2;

type LimitHandler = (
  retryAfter: number,
  request: { method: string; url: string },
  octokit: unknown,
  retryCount: number,
) => boolean;

/**
 * What the throttling plugin calls on a 403/429 rate limit: retry (after `retryAfter` seconds, as GitHub's headers
 * say) at most RATE_LIMIT_RETRIES times, then give up so the run fails instead of waiting for an hour.
 */
export function createLimitHandler(
  kind: "primary" | "secondary",
  log: (message: string) => void,
): LimitHandler {
  return (retryAfter, request, _octokit, retryCount) => {
    const retry = retryCount < RATE_LIMIT_RETRIES;
    log(
      `GitHub ${kind} rate limit on ${request.method} ${request.url}: ` +
        (retry
          ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`
          : "giving up"),
    );
    return retry;
  };
}

/** A REST + GraphQL client with throttling and retries, pointed at the given API. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const log = options.log ?? (() => undefined);
  const apiUrl = (options.apiUrl ?? "https://api.github.com").replace(/(?<!\/)\/+$/, "");
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: apiUrl,
    userAgent: "papershelf",
    throttle:
      options.throttle === false
        ? { enabled: false }
        : {
            onRateLimit: createLimitHandler("primary", log),
            onSecondaryRateLimit: createLimitHandler("secondary", log),
          },
    retry: { retries: SERVER_ERROR_RETRIES },
  });
  const graphqlUrl = options.graphqlUrl;
  if (graphqlUrl && graphqlUrl !== `${apiUrl}/graphql`) {
    // @octokit/graphql derives its URL from baseUrl (…/api/v3 → …/api/graphql); a runner states it outright in
    // GITHUB_GRAPHQL_URL, which wins, so GHES setups with unusual paths and loopback tests both work.
    octokit.hook.before("request", (request) => {
      if (/\/graphql$/.test(request.url)) request.url = graphqlUrl;
    });
  }
  return octokit;
}

// Parsed where commands that never load octokit (site) can read it too.
export { parseRepoRef, type RepoRef } from "../urls/index.js";
