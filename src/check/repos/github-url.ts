/** Which URLs name a GitHub repository (and so go through the API rather than an HTTP request). */
import { githubRepoRoot } from "../../urls/index.js";
import type { RepoRef } from "./verdict.js";

/**
 * The repository a URL names when the URL is the repository itself: `github.com/owner/name`, with an optional
 * trailing slash, `.git`, query or fragment. Deeper paths (a file, an image, an issue) are ordinary links: the
 * file can be gone while the repository lives. The parsing is src/urls/github-repo.ts, shared with lint.
 */
export function parseRepoUrl(url: string): RepoRef | undefined {
  const repo = githubRepoRoot(url);
  return repo && { url, owner: repo.owner, name: repo.name };
}
