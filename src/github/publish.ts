/**
 * The two ways papershelf writes to a repository: a branch + pull request rebuilt from a base commit (intake
 * submissions, link fixes), and a fast-forward commit on the default branch (the regenerated README).
 */
import type { GitHubClient, RepoRef } from "./client.js";
import type { UpsertOutcome } from "./comments.js";
import {
  createCommit,
  createTreeWith,
  getBranchHead,
  getCommitInfo,
  moveBranch,
  type FileChange,
} from "./git-data.js";
import { upsertPull, type PullContent, type PullRef } from "./pulls.js";

export interface ProposalRequest {
  /** papershelf's branch, e.g. papershelf/issue-12. */
  branch: string;
  /** The branch the pull request merges into (the default branch). */
  base: string;
  /** The commit the files were computed from: the checkout the run works in. */
  parentSha: string;
  files: readonly FileChange[];
  commitMessage: string;
  pull: PullContent;
}

export type ProposalResult =
  | { outcome: "no-change" }
  | {
      outcome: "proposed";
      branch: "created" | "updated" | "unchanged";
      commitSha: string;
      pull: PullRef & { outcome: UpsertOutcome };
    };

/**
 * Makes `branch` hold exactly one commit on top of `parentSha` with these files, and opens or updates its pull
 * request. The branch is rebuilt from the base each time (force-moved), never merged into: a proposal recomputed
 * after main moved cannot conflict. A branch that already holds the same change on the same parent is left alone.
 */
export async function proposeChange(
  octokit: GitHubClient,
  repo: RepoRef,
  request: ProposalRequest,
): Promise<ProposalResult> {
  const parent = await getCommitInfo(octokit, repo, request.parentSha);
  const tree = await createTreeWith(octokit, repo, parent.tree, request.files);
  if (tree === parent.tree) return { outcome: "no-change" };

  const head = await getBranchHead(octokit, repo, request.branch);
  let commitSha: string;
  let branch: "created" | "updated" | "unchanged";
  const current = head === undefined ? undefined : await getCommitInfo(octokit, repo, head);
  if (current && current.tree === tree && current.parents.length === 1 && current.parents[0] === parent.sha) {
    commitSha = current.sha;
    branch = "unchanged";
  } else {
    commitSha = await createCommit(octokit, repo, request.commitMessage, tree, [parent.sha]);
    const moved = await moveBranch(octokit, repo, request.branch, commitSha, {
      force: true,
      exists: head !== undefined,
    });
    branch = moved.ok ? moved.outcome : "updated";
  }
  const pull = await upsertPull(octokit, repo, request.branch, request.base, request.pull);
  return { outcome: "proposed", branch, commitSha, pull };
}

export interface DirectCommitRequest {
  branch: string;
  parentSha: string;
  files: readonly FileChange[];
  message: string;
}

export type DirectCommitResult =
  | { outcome: "no-change" }
  | { outcome: "committed"; commitSha: string }
  | { outcome: "branch-moved"; commitSha: string };

/**
 * Commits the files on top of `parentSha` and fast-forwards `branch` to it. When the branch has moved on since
 * (someone pushed while we built), nothing is forced: the result says so, and the push that moved it starts
 * its own rebuild.
 */
export async function commitToBranch(
  octokit: GitHubClient,
  repo: RepoRef,
  request: DirectCommitRequest,
): Promise<DirectCommitResult> {
  const parent = await getCommitInfo(octokit, repo, request.parentSha);
  const tree = await createTreeWith(octokit, repo, parent.tree, request.files);
  if (tree === parent.tree) return { outcome: "no-change" };
  const commitSha = await createCommit(octokit, repo, request.message, tree, [parent.sha]);
  const moved = await moveBranch(octokit, repo, request.branch, commitSha, {
    force: false,
    exists: true,
    from: parent.sha,
  });
  return moved.ok ? { outcome: "committed", commitSha } : { outcome: "branch-moved", commitSha };
}
