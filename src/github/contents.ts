/** Reading a file of the repository at a commit, for comparisons with a base the shallow checkout lacks. */
import type { GitHubClient, RepoRef } from "./client.js";
import { isHttpStatus } from "./http-status.js";

/** The file's text at `ref`, or undefined when it did not exist there. Raw media type: files up to 100 MB. */
export async function readFileAt(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({
      ...repo,
      path,
      ref,
      mediaType: { format: "raw" },
    });
    // Octokit hands back text for text/* answers and an ArrayBuffer for other raw media types.
    if (typeof data === "string") return data;
    return data instanceof ArrayBuffer ? new TextDecoder().decode(data) : undefined;
  } catch (error) {
    if (isHttpStatus(error, 404)) return undefined;
    throw error;
  }
}
