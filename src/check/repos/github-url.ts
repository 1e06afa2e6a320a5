/** Which URLs name a GitHub repository (and so go through the API rather than an HTTP request). */
import type { RepoRef } from "./verdict.js";

/** First path segments of github.com that are pages, not owners. */
const RESERVED_OWNERS = new Set([
  "about",
  "apps",
  "collections",
  "contact",
  "customer-stories",
  "enterprise",
  "events",
  "explore",
  "features",
  "login",
  "marketplace",
  "new",
  "notifications",
  "orgs",
  "organizations",
  "pricing",
  "pulls",
  "issues",
  "search",
  "security",
  "settings",
  "site",
  "sponsors",
  "topics",
  "trending",
  "users",
]);

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The repository a URL names when the URL is the repository itself: `github.com/owner/name`, with an optional
 * trailing slash, `.git`, query or fragment. Deeper paths (a file, an image, an issue) are ordinary links: the
 * file can be gone while the repository lives.
 */
export function parseRepoUrl(url: string): RepoRef | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return undefined;
  if (u.hostname !== "github.com" && u.hostname !== "www.github.com") return undefined;
  const segments = u.pathname.split("/").filter(Boolean);
  if (segments.length !== 2) return undefined;
  const [owner = "", rawName = ""] = segments;
  const name = rawName.replace(/\.git$/, "");
  if (!OWNER.test(owner) || !NAME.test(name) || RESERVED_OWNERS.has(owner.toLowerCase())) return undefined;
  if (name === "." || name === "..") return undefined;
  return { url, owner, name };
}
