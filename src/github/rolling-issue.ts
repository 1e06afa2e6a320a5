/**
 * One long-lived issue a scheduled job rewrites in place (the link health report): found again by label and a
 * hidden marker, reopened when there is something to report, closed when everything is healthy.
 */
import type { GitHubClient, RepoRef } from "./client.js";
import { isMarkedBotComment } from "./comments.js";
import { ensureLabel, type LabelSpec } from "./labels.js";

export interface RollingIssueRequest {
  marker: string;
  label: LabelSpec;
  title: string;
  body: string;
  /** false: the report found nothing; an existing issue is updated and closed, none is opened. */
  open: boolean;
}

export type RollingIssueResult =
  | { outcome: "none" }
  | { outcome: "created" | "updated" | "unchanged"; number: number; url: string; state: "open" | "closed" };

/** How many of the label's issues are looked at, newest first: the rolling issue is normally the only one. */
const ROLLING_ISSUE_SEARCH_LIMIT = 30;

export async function upsertRollingIssue(
  octokit: GitHubClient,
  repo: RepoRef,
  request: RollingIssueRequest,
): Promise<RollingIssueResult> {
  if (!request.body.startsWith(request.marker))
    throw new Error(`issue body does not start with its marker ${request.marker}`);
  const { data: candidates } = await octokit.rest.issues.listForRepo({
    ...repo,
    labels: request.label.name,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: ROLLING_ISSUE_SEARCH_LIMIT,
  });
  // The issues endpoint also lists pull requests; a PR carrying the label is not the report.
  const existing = candidates.find((i) => !i.pull_request && isMarkedBotComment(i, request.marker));
  const state = request.open ? "open" : "closed";
  if (!existing) {
    if (!request.open) return { outcome: "none" };
    await ensureLabel(octokit, repo, request.label);
    const { data } = await octokit.rest.issues.create({
      ...repo,
      title: request.title,
      body: request.body,
      labels: [request.label.name],
    });
    return { outcome: "created", number: data.number, url: data.html_url, state };
  }
  const same =
    existing.title === request.title && (existing.body ?? "") === request.body && existing.state === state;
  if (!same) {
    await octokit.rest.issues.update({
      ...repo,
      issue_number: existing.number,
      title: request.title,
      body: request.body,
      state,
      ...(state === "closed" ? { state_reason: "completed" as const } : {}),
    });
  }
  return { outcome: same ? "unchanged" : "updated", number: existing.number, url: existing.html_url, state };
}

/** GitHub refuses issue and comment bodies over 65,536 characters. */
export const GITHUB_BODY_MAX_CHARS = 65_536;

/** Cuts a body to GitHub's limit, keeping its start and ending with `note` (e.g. a link to the full report). */
export function fitBody(body: string, note: string): string {
  if (body.length <= GITHUB_BODY_MAX_CHARS) return body;
  const tail = `\n\n…\n\n${note}\n`;
  return body.slice(0, GITHUB_BODY_MAX_CHARS - tail.length) + tail;
}
