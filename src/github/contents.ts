/** Reading a file of the repository at a commit, for comparisons with a base the shallow checkout lacks. */
import { decodeUtf8Strict, invalidUtf8Message } from "../records/index.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { isHttpStatus } from "./http-status.js";

/**
 * The file's text at `ref`, or undefined when it did not exist there. Raw media type: files up to 100 MB.
 * Read as bytes and decoded here: Octokit decodes a text answer itself, turning each byte that is not UTF-8
 * into U+FFFD, and the intake writes the records it read back into a pull request, so such a byte would have
 * changed on lines no submission touched. A file that is not UTF-8 is an error that says where.
 */
export async function readFileAt(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<string | undefined> {
  let body: unknown;
  try {
    ({ data: body } = await octokit.rest.repos.getContent({
      ...repo,
      path,
      ref,
      mediaType: { format: "raw" },
      request: { parseSuccessResponseBody: false },
    }));
  } catch (error) {
    if (isHttpStatus(error, 404)) return undefined;
    throw error;
  }
  const bytes = new Uint8Array(
    await new Response(body as ConstructorParameters<typeof Response>[0]).arrayBuffer(),
  );
  const read = decodeUtf8Strict(bytes);
  if (!read.ok) throw new Error(`${path} at ${ref.slice(0, 12)} is ${invalidUtf8Message(read.invalid)}`);
  return read.text;
}
