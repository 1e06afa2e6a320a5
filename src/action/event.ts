/**
 * The run's context from the runner's variables and the event payload file. The payload is read here, from
 * GITHUB_EVENT_PATH, so issue text never passes through a workflow's `run:` line or an input.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseRepoRef, type RepoRef } from "../github/index.js";

export interface IssueSnapshot {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: string[];
  url: string;
  isPullRequest: boolean;
}

export interface RunContext {
  eventName: string;
  /** Payload fields papershelf uses; the rest of the payload is ignored. */
  issue?: IssueSnapshot;
  /** The `action` of the event (opened, edited…), when it has one. */
  action?: string;
  /** For pull_request events: the base commit. */
  pullBaseSha?: string;
  repo: RepoRef;
  defaultBranch: string;
  /** The commit the workspace holds (GITHUB_SHA). */
  sha: string;
  /** refs/heads/main… */
  ref: string;
  workspace: string;
  apiUrl: string;
  graphqlUrl: string;
  /** Link to this run, for reports. */
  runUrl?: string;
  /** https://github.com (GITHUB_SERVER_URL), for links to the repository's files in comments and reports. */
  serverUrl?: string;
}

export type ContextResult = { ok: true; context: RunContext } | { ok: false; message: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Reads the fields of an issue as the REST API and webhook payloads both spell them. */
export function toIssueSnapshot(value: unknown): IssueSnapshot | undefined {
  if (!isObject(value) || typeof value.number !== "number") return undefined;
  const labels = Array.isArray(value.labels)
    ? value.labels
        .map((l) => (isObject(l) ? str(l.name) : str(l)))
        .filter((l): l is string => l !== undefined)
    : [];
  return {
    number: value.number,
    title: str(value.title) ?? "",
    // An issue submitted with an empty body has `body: null`.
    body: str(value.body) ?? "",
    state: str(value.state) ?? "open",
    labels,
    url: str(value.html_url) ?? "",
    isPullRequest: isObject(value.pull_request),
  };
}

/** Builds the run context from the runner's environment. */
export async function readRunContext(
  env: Readonly<Record<string, string | undefined>>,
): Promise<ContextResult> {
  const repo = parseRepoRef(env.GITHUB_REPOSITORY ?? "");
  if (!repo)
    return { ok: false, message: "GITHUB_REPOSITORY is not set: run this inside a GitHub Actions job" };
  let payload: Json = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      const parsed: unknown = JSON.parse(await readFile(eventPath, "utf8"));
      if (isObject(parsed)) payload = parsed;
    } catch (cause) {
      return {
        ok: false,
        message: `cannot read the event payload ${eventPath}: ${(cause as Error).message}`,
      };
    }
  }
  const repository = isObject(payload.repository) ? payload.repository : {};
  const pullRequest = isObject(payload.pull_request) ? payload.pull_request : undefined;
  const pullBase = pullRequest && isObject(pullRequest.base) ? str(pullRequest.base.sha) : undefined;
  const apiUrl = (env.GITHUB_API_URL ?? "https://api.github.com").replace(/(?<!\/)\/+$/, "");
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  return {
    ok: true,
    context: {
      eventName: env.GITHUB_EVENT_NAME ?? "",
      issue: toIssueSnapshot(payload.issue),
      action: str(payload.action),
      pullBaseSha: pullBase,
      repo,
      defaultBranch: str(repository.default_branch) ?? "main",
      sha: env.GITHUB_SHA ?? "",
      ref: env.GITHUB_REF ?? "",
      workspace: path.resolve(env.GITHUB_WORKSPACE ?? process.cwd()),
      apiUrl,
      graphqlUrl: env.GITHUB_GRAPHQL_URL ?? `${apiUrl}/graphql`,
      serverUrl: serverUrl.endsWith("/") ? serverUrl.slice(0, -1) : serverUrl,
      runUrl: env.GITHUB_RUN_ID
        ? `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    },
  };
}
