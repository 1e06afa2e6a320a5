/** GitHub repository names as GitHub itself allows them. */
import { bareHost, parseUrl } from "./normalize.js";

/** Usernames and organisations: letters, digits and single inner hyphens, at most 39 characters. */
export const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** Repository names: letters, digits, `.`, `-`, `_`, at most 100 characters, never `.` or `..`. */
export const GITHUB_REPO = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

/** Paths under github.com that are site pages, not owners. */
const RESERVED_OWNERS = new Set([
  "orgs",
  "users",
  "settings",
  "marketplace",
  "topics",
  "collections",
  "sponsors",
  "features",
  "explore",
  "search",
  "login",
]);

export type GithubRepoRef =
  { ok: true; owner: string; name: string } | { ok: false; reason: string } | { ok: "not-github" };

/** The owner/name a github.com URL names, or why it names none. */
export function parseGithubRepoUrl(raw: string): GithubRepoRef {
  const url = parseUrl(raw);
  if (!url || bareHost(url) !== "github.com") return { ok: "not-github" };
  const [owner, rawName] = url.pathname.split("/").filter(Boolean);
  if (owner === undefined || rawName === undefined)
    return { ok: false, reason: "names no repository; expected https://github.com/<owner>/<name>" };
  const name = rawName.replace(/\.git$/, "");
  if (RESERVED_OWNERS.has(owner.toLowerCase()))
    return { ok: false, reason: `points at GitHub's /${owner} pages, not a repository` };
  if (!GITHUB_OWNER.test(owner))
    return {
      ok: false,
      reason: `has owner "${owner}", which GitHub does not allow (letters, digits, single hyphens, ≤39)`,
    };
  if (!GITHUB_REPO.test(name))
    return {
      ok: false,
      reason: `has repository name "${name}", which GitHub does not allow (letters, digits, . - _, ≤100)`,
    };
  return { ok: true, owner, name };
}
