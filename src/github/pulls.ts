/** Pull requests from papershelf's own branches: one open PR per branch, found by its head, edited in place. */
import type { GitHubClient, RepoRef } from "./client.js";
import type { UpsertOutcome } from "./comments.js";

export interface PullRef {
  number: number;
  url: string;
  /** The branch, without "refs/heads/". */
  head: string;
}

export interface PullContent {
  title: string;
  body: string;
}

/** The open pull request from `branch` of this repository (forks never qualify), if any. */
export async function findOpenPull(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<PullRef | undefined> {
  const { data } = await octokit.rest.pulls.list({
    ...repo,
    state: "open",
    head: `${repo.owner}:${branch}`,
    per_page: 10,
  });
  const pull = data.find((p) => p.head.ref === branch);
  return pull ? { number: pull.number, url: pull.html_url, head: pull.head.ref } : undefined;
}

/** Open pull requests whose branch in this repository starts with `prefix` (e.g. "papershelf/issue-"). */
export async function listOpenPullsByBranchPrefix(
  octokit: GitHubClient,
  repo: RepoRef,
  prefix: string,
): Promise<PullRef[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
  const fullName = `${repo.owner}/${repo.repo}`.toLowerCase();
  return pulls
    .filter((p) => p.head.ref.startsWith(prefix) && p.head.repo?.full_name.toLowerCase() === fullName)
    .map((p) => ({ number: p.number, url: p.html_url, head: p.head.ref }));
}

/** Opens a pull request from `head` into `base`, or retitles and rewrites the one already open. */
export async function upsertPull(
  octokit: GitHubClient,
  repo: RepoRef,
  head: string,
  base: string,
  content: PullContent,
): Promise<PullRef & { outcome: UpsertOutcome }> {
  const open = await findOpenPull(octokit, repo, head);
  if (open) {
    const { data: current } = await octokit.rest.pulls.get({ ...repo, pull_number: open.number });
    if (current.title === content.title && (current.body ?? "") === content.body)
      return { ...open, outcome: "unchanged" };
    await octokit.rest.pulls.update({ ...repo, pull_number: open.number, ...content });
    return { ...open, outcome: "updated" };
  }
  const { data } = await octokit.rest.pulls.create({
    ...repo,
    head,
    base,
    ...content,
    maintainer_can_modify: true,
  });
  return { number: data.number, url: data.html_url, head, outcome: "created" };
}

/** Closes the pull request with a short explanation, when what it proposed no longer holds. */
export async function closePull(
  octokit: GitHubClient,
  repo: RepoRef,
  pull: PullRef,
  reason: string,
): Promise<void> {
  await octokit.rest.issues.createComment({ ...repo, issue_number: pull.number, body: reason });
  await octokit.rest.pulls.update({ ...repo, pull_number: pull.number, state: "closed" });
}
