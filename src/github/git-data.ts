/**
 * Commits through the git data API (trees and commits), not a local `git push`: the Action then needs no
 * credentials in the checkout (`persist-credentials: false` everywhere), and GitHub signs the commits it makes.
 */
import type { GitHubClient, RepoRef } from "./client.js";
import { isHttpStatus } from "./http-status.js";

/** A file's full new content, at a path relative to the repository root (forward slashes). */
export interface FileChange {
  path: string;
  content: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
}

/** Reads a commit's tree and parents. */
export async function getCommitInfo(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<CommitInfo> {
  const { data } = await octokit.rest.git.getCommit({ ...repo, commit_sha: sha });
  return { sha: data.sha, tree: data.tree.sha, parents: data.parents.map((p) => p.sha) };
}

/** The tree of `base` with these files replaced. Equal trees have equal shas, which is how "no change" shows. */
export async function createTreeWith(
  octokit: GitHubClient,
  repo: RepoRef,
  baseTree: string,
  files: readonly FileChange[],
): Promise<string> {
  const { data } = await octokit.rest.git.createTree({
    ...repo,
    base_tree: baseTree,
    tree: files.map((f) => ({
      path: f.path,
      mode: "100644" as const,
      type: "blob" as const,
      content: f.content,
    })),
  });
  return data.sha;
}

export async function createCommit(
  octokit: GitHubClient,
  repo: RepoRef,
  message: string,
  tree: string,
  parents: string[],
): Promise<string> {
  const { data } = await octokit.rest.git.createCommit({ ...repo, message, tree, parents });
  return data.sha;
}

/** The commit a branch points at, or undefined when there is no such branch. */
export async function getBranchHead(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (isHttpStatus(error, 404)) return undefined;
    throw error;
  }
}

export type MoveBranchResult =
  { ok: true; outcome: "created" | "updated" } | { ok: false; reason: "not-fast-forward" };

/**
 * Points the branch at `sha`, creating it if needed. Without `force` GitHub refuses anything but a fast-forward
 * with 422, which is reported, not thrown: on main it means someone pushed meanwhile and the next run will redo
 * it. GitHub also answers 422 for other refusals (a protected branch, a missing object), so the head is read
 * again and the refusal counts as "moved on" only when the branch no longer points at `from`.
 */
export async function moveBranch(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
  sha: string,
  options: { force: true; exists: boolean } | { force: false; exists: boolean; from: string },
): Promise<MoveBranchResult> {
  if (!options.exists) {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha });
    return { ok: true, outcome: "created" };
  }
  try {
    await octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: options.force });
    return { ok: true, outcome: "updated" };
  } catch (error) {
    if (options.force || !isHttpStatus(error, 422)) throw error;
    const head = await getBranchHead(octokit, repo, branch);
    if (head !== undefined && head !== options.from) return { ok: false, reason: "not-fast-forward" };
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `GitHub refused to move ${branch} to ${sha} though it still points at ${head ?? "nothing"}: ${message}`,
      {
        cause: error,
      },
    );
  }
}
