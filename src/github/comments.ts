/**
 * One comment per issue, found again by a hidden marker and edited in place: contributors see a single, current
 * answer instead of a thread of bot comments, one per edit of their issue.
 */
import type { GitHubClient, RepoRef } from "./client.js";

export type UpsertOutcome = "created" | "updated" | "unchanged";

export interface UpsertedComment {
  outcome: UpsertOutcome;
  id: number;
  url: string;
}

interface CommentLike {
  body?: string | null;
  user?: { type?: string } | null;
}

/**
 * Ours: written by a bot account (GITHUB_TOKEN's github-actions[bot], or a GitHub App) and starting with the
 * marker, as every body papershelf writes does. Requiring the bot keeps a person who pastes the marker into their
 * own comment from having it overwritten; requiring the start keeps another bot's comment that quotes ours.
 */
export function isMarkedBotComment(comment: CommentLike, marker: string): boolean {
  return comment.user?.type === "Bot" && (comment.body ?? "").startsWith(marker);
}

/** Creates the marked comment on the issue or pull request, or updates the one already there. */
export async function upsertMarkedComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<UpsertedComment> {
  if (!body.startsWith(marker))
    throw new Error(`comment body does not start with its marker ${marker}; it could not be found again`);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const existing = comments.find((c) => isMarkedBotComment(c, marker));
  if (existing) {
    if (existing.body === body) return { outcome: "unchanged", id: existing.id, url: existing.html_url };
    const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { outcome: "updated", id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
  return { outcome: "created", id: data.id, url: data.html_url };
}
