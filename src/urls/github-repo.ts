/**
 * GitHub repository URLs, parsed in one place: lint (repo-malformed, repo-label-mismatch), check (which links
 * go through the GraphQL API, the rename fixes), import (repositories among an entry's links), intake and
 * render (the default `owner/name` label) all ask this module. Before it, six hand-written parsers disagreed:
 * lint knew 11 reserved first segments and check 26, so `github.com/pricing/x` was a repository to one of them.
 */

/** Usernames and organisations: letters, digits and single inner hyphens, at most 39 characters. */
export const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** Repository names: letters, digits, `.`, `-`, `_`, at most 100 characters, never `.` or `..`. */
export const GITHUB_REPO_NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

/**
 * First path segments of github.com that are GitHub's own pages, never an owner (GitHub refuses them as user
 * and organisation names): `github.com/topics/llm` is a topic page, not the repository "llm" of "topics".
 */
export const RESERVED_OWNERS: ReadonlySet<string> = new Set([
  "about",
  "apps",
  "codespaces",
  "collections",
  "contact",
  "customer-stories",
  "dashboard",
  "enterprise",
  "events",
  "explore",
  "features",
  "issues",
  "join",
  "login",
  "logout",
  "marketplace",
  "new",
  "notifications",
  "organizations",
  "orgs",
  "pricing",
  "pulls",
  "search",
  "security",
  "settings",
  "signup",
  "site",
  "sponsors",
  "stars",
  "topics",
  "trending",
  "users",
]);

/** A URL on github.com that names a repository, maybe a page or file inside it. */
export interface GithubRepoUrl {
  owner: string;
  /** Without a trailing `.git`. */
  name: string;
  /** Path segments after owner/name: [] for the repository itself, ["blob", "main", "x.png"] for a file. */
  rest: string[];
  url: URL;
}

export type GithubUrlParse =
  | ({ ok: true } & GithubRepoUrl)
  | { ok: false; reason: string }
  /** Not an http(s) URL on github.com at all. */
  | { ok: "not-github" };

function toUrl(raw: string | URL): URL | undefined {
  if (raw instanceof URL) return raw;
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

/**
 * What a string needs to name github.com once parsed: "github" in any case, or something the URL parser
 * turns into letters of a host (a percent escape, a tab or newline it drops, a non-ASCII character IDNA
 * maps). Without any of them no URL is parsed: a 5,000-link check asks this of every link.
 */
// eslint-disable-next-line no-control-regex
const MAY_BE_GITHUB = /github|[%\t\n\r]|[^\u0000-\u007f]/i;

/** True for github.com and www.github.com (a trailing dot allowed), over http or https. */
export function isGithubUrl(url: URL): boolean {
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  const host = url.hostname.replace(/\.$/, "");
  return host === "github.com" || host === "www.github.com";
}

/** The repository a github.com URL names, or why it names none (for lint messages). */
export function parseGithubUrl(raw: string | URL): GithubUrlParse {
  if (typeof raw === "string" && !MAY_BE_GITHUB.test(raw)) return { ok: "not-github" };
  const url = toUrl(raw);
  if (!url || !isGithubUrl(url)) return { ok: "not-github" };
  const [owner, rawName, ...rest] = url.pathname.split("/").filter(Boolean);
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
  if (!GITHUB_REPO_NAME.test(name))
    return {
      ok: false,
      reason: `has repository name "${name}", which GitHub does not allow (letters, digits, . - _, ≤100)`,
    };
  return { ok: true, owner, name, rest, url };
}

/** The repository a URL is on (the repository itself or a page or file inside it), or undefined. */
export function githubRepoOf(raw: string | URL): GithubRepoUrl | undefined {
  const parsed = parseGithubUrl(raw);
  if (parsed.ok !== true) return undefined;
  const { owner, name, rest, url } = parsed;
  return { owner, name, rest, url };
}

/**
 * The repository when the URL is the repository itself (`github.com/owner/name`, with an optional trailing
 * slash, `.git`, query or fragment), or undefined. A deeper path (a file, an image, an issue) is a page of it.
 */
export function githubRepoRoot(raw: string | URL): GithubRepoUrl | undefined {
  const repo = githubRepoOf(raw);
  return repo && repo.rest.length === 0 ? repo : undefined;
}

/** `https://github.com/owner/name`: the one spelling of a repository's address. */
export function normalizeGithubRepoUrl(repo: Pick<GithubRepoUrl, "owner" | "name">): string {
  return `https://github.com/${repo.owner}/${repo.name}`;
}

/** `owner/name` in lower case: GitHub compares both case-insensitively, so this is the key for maps and sets. */
export function githubRepoKey(repo: Pick<GithubRepoUrl, "owner" | "name">): string {
  return `${repo.owner}/${repo.name}`.toLowerCase();
}

/** owner/name of the repository a run acts on. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** Parses "owner/name" (GITHUB_REPOSITORY). */
export function parseRepoRef(fullName: string): RepoRef | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName.trim());
  return match ? { owner: match[1] as string, repo: match[2] as string } : undefined;
}
