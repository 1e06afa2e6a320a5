/**
 * Reviews stay reviewed. Once a maintainer approved a submission's pull request, or labelled it
 * `papershelf: frozen`, an edit of the issue no longer rewrites `papershelf/issue-<n>`: what was reviewed is
 * what merges. papershelf comments on the pull request that the submission changed, with the diff of the
 * entry, and a maintainer takes the edit by labelling the issue `papershelf: refresh`.
 *
 * A rebuild that leaves the entry as it was (main moved, so the branch moves onto it) is not a change under
 * review and still happens: the entry is compared, not the commit.
 */
import {
  getBranchHead,
  getCommitInfo,
  type GitHubClient,
  type LabelSpec,
  readFileAt,
  type RepoRef,
} from "../github/index.js";

export const FROZEN_LABEL: LabelSpec = {
  name: "papershelf: frozen",
  color: "5319e7",
  description:
    "papershelf keeps this submission's pull request as reviewed; edits of the issue are not applied",
};
export const REFRESH_LABEL: LabelSpec = {
  name: "papershelf: refresh",
  color: "1d76db",
  description: "Apply the edited submission to its reviewed pull request once (papershelf removes the label)",
};
/** Marks the "changed after review" comment on the pull request. */
export const CHANGED_MARKER = "<!-- papershelf:changed-after-review -->";

/** Review authors whose approval counts: people with write access, as GitHub reports them. */
const MAINTAINER_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);
/** Room for the comment's own words within GitHub's 65,536 characters. */
const MAX_DIFF_CHARS = 50_000;

export type ReviewState = { reviewed: false } | { reviewed: true; why: string };

/** Whether the pull request is frozen: the frozen label, or a maintainer's approval that still stands. */
export async function readReviewState(
  octokit: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<ReviewState> {
  const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: pullNumber });
  const labels = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  if (labels.includes(FROZEN_LABEL.name)) return { reviewed: true, why: `labelled \`${FROZEN_LABEL.name}\`` };
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  // A reviewer's latest verdict stands (an approval followed by "changes requested" no longer approves);
  // comments do not change a verdict.
  const latest = new Map<string, { state: string; association: string }>();
  for (const review of reviews) {
    const login = review.user?.login;
    if (!login || review.state === "COMMENTED" || review.state === "PENDING") continue;
    latest.set(login, { state: review.state, association: review.author_association });
  }
  for (const [login, review] of latest)
    if (review.state === "APPROVED" && MAINTAINER_ASSOCIATIONS.has(review.association))
      return { reviewed: true, why: `approved by @${login}` };
  return { reviewed: false };
}

function lines(text: string | undefined): string[] {
  return (text ?? "").split("\n");
}

/** The lines `after` has where `before` differs: the common head and tail taken off (linear, no LCS). */
export function changedMiddle(
  before: string[],
  after: string[],
): { head: number; removed: string[]; added: string[] } {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  return {
    head,
    removed: before.slice(head, before.length - tail),
    added: after.slice(head, after.length - tail),
  };
}

/** The entry a submission adds: the data file's lines that differ from its base's. */
export function addedEntry(baseText: string | undefined, newText: string | undefined): string[] {
  return changedMiddle(lines(baseText), lines(newText)).added;
}

/** A unified-style diff of two entries; "" when they are the same. */
export function entryDiff(reviewed: string[], edited: string[]): string {
  const { head, removed, added } = changedMiddle(reviewed, edited);
  if (removed.length === 0 && added.length === 0) return "";
  const context = reviewed.slice(Math.max(0, head - 2), head).map((l) => `  ${l}`);
  const text = [...context, ...removed.map((l) => `- ${l}`), ...added.map((l) => `+ ${l}`)].join("\n");
  return text.length > MAX_DIFF_CHARS ? `${text.slice(0, MAX_DIFF_CHARS)}\n… (cut)` : text;
}

/** A code fence longer than any backtick run in the text, so the text can never close it. */
function fenceFor(text: string): string {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === "`" ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return "`".repeat(Math.max(3, longest + 1));
}

/** The comment on a reviewed pull request whose submission changed. The diff sits in a code block: inert. */
export function renderChangedComment(options: {
  issue: number;
  branch: string;
  diff: string;
  stillValid: boolean;
}): string {
  const fence = fenceFor(options.diff);
  return [
    CHANGED_MARKER,
    "#### The submission changed after review",
    "",
    `#${options.issue} was edited after this pull request was reviewed, so papershelf did not rewrite ` +
      `\`${options.branch}\`: what was reviewed is what merges.`,
    ...(options.stillValid
      ? []
      : [
          "",
          `The edited issue no longer passes papershelf's checks (see the comment on #${options.issue}).`,
        ]),
    "",
    "The entry the edited issue gives, against the one on this branch:",
    "",
    `${fence}diff`,
    options.diff,
    fence,
    "",
    `To take the edit, a maintainer adds the label \`${REFRESH_LABEL.name}\` to #${options.issue}: papershelf ` +
      "then rebuilds this branch from the issue (review it again) and takes the label off.",
    "",
  ].join("\n");
}

/** The entry the branch of an open pull request holds: its data file against its parent's. */
export async function entryOnBranch(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
  dataPath: string,
): Promise<string[] | undefined> {
  const head = await getBranchHead(octokit, repo, branch);
  if (head === undefined) return undefined;
  const commit = await getCommitInfo(octokit, repo, head);
  const parent = commit.parents[0];
  if (parent === undefined) return undefined;
  const [onBranch, onParent] = await Promise.all([
    readFileAt(octokit, repo, dataPath, head),
    readFileAt(octokit, repo, dataPath, parent),
  ]);
  return addedEntry(onParent, onBranch);
}
