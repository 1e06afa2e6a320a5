/** State labels on issues: exactly one of a set is on the issue at a time, created in the repository if missing. */
import type { GitHubClient, RepoRef } from "./client.js";
import { isHttpStatus } from "./http-status.js";

export interface LabelSpec {
  name: string;
  /** Six hex digits, no "#". */
  color: string;
  description: string;
}

/** Creates the label unless the repository has it already (422 already_exists is not a failure). */
export async function ensureLabel(octokit: GitHubClient, repo: RepoRef, label: LabelSpec): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ ...repo, name: label.name });
    return;
  } catch (error) {
    if (!isHttpStatus(error, 404)) throw error;
  }
  try {
    await octokit.rest.issues.createLabel({ ...repo, ...label });
  } catch (error) {
    // Another run created it between our read and our write.
    if (!isHttpStatus(error, 422)) throw error;
  }
}

/**
 * Puts `current` on the issue and takes the other labels of its set off. Labels the issue does not carry are not
 * touched, so the call is cheap when nothing changes.
 */
export async function setStateLabel(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  current: LabelSpec,
  others: readonly LabelSpec[],
  carried: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const added: string[] = [];
  const removed: string[] = [];
  if (!carried.includes(current.name)) {
    await ensureLabel(octokit, repo, current);
    await octokit.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: [current.name] });
    added.push(current.name);
  }
  for (const other of others) {
    if (other.name === current.name || !carried.includes(other.name)) continue;
    try {
      await octokit.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name: other.name });
      removed.push(other.name);
    } catch (error) {
      // Someone took it off since the event was sent.
      if (!isHttpStatus(error, 404)) throw error;
    }
  }
  return { added, removed };
}
