/**
 * Safe fixes, planned as data before anything is written: each names one scalar (its data path), the old and
 * the new value, and why. Only three kinds exist, all of which keep the link's meaning:
 *  - paperswithcode  a paperswithcode.com paper link of an entry with an arXiv id → https://arxiv.org/abs/<id>
 *                    (no network: paperswithcode shut in 2025; the id is in the record)
 *  - renamed         a GitHub repository GitHub now answers for under another owner/name → the new name
 *  - redirect        a permanent redirect → its target (opt-in: a site can redirect for its own reasons)
 */
import type { PapersFile, PathSegment } from "../../records/index.js";
import { githubRepoKey, githubRepoOf } from "../../urls/index.js";
import { listScalarUrls } from "../extract/records.js";
import type { LinkResult } from "../links/verdict.js";
import type { RepoResult } from "../repos/verdict.js";

export type FixReason = "paperswithcode" | "renamed" | "redirect";

export interface PlannedFix {
  path: PathSegment[];
  entryId: string;
  from: string;
  to: string;
  reason: FixReason;
}

/** True for a paper page on paperswithcode.com (the links the site now redirects away from). */
export function isPapersWithCodePaper(url: string): boolean {
  try {
    const u = new URL(url);
    return /^(www\.)?paperswithcode\.com$/i.test(u.hostname) && /^\/paper\/[^/]+\/?$/.test(u.pathname);
  } catch {
    return false;
  }
}

/** paperswithcode paper links → arXiv abstract pages, for entries that carry their arXiv id. */
export function planPapersWithCodeFixes(data: PapersFile): PlannedFix[] {
  const scalars = listScalarUrls(data);
  return scalars.flatMap((s): PlannedFix[] => {
    const arxiv = data.entries[s.entryIndex]?.arxiv;
    if (!arxiv || !isPapersWithCodePaper(s.url)) return [];
    const to = `https://arxiv.org/abs/${arxiv}`;
    // A second copy of the arXiv link in one entry would be a lint finding of its own: leave that one alone.
    const duplicate = scalars.some((o) => o.entryIndex === s.entryIndex && o.url === to);
    return duplicate ? [] : [{ path: s.path, entryId: s.entryId, from: s.url, to, reason: "paperswithcode" }];
  });
}

/** Every scalar URL inside a renamed repository (the repository itself, its files, its images) → the new name. */
export function planRenameFixes(data: PapersFile, repos: readonly RepoResult[]): PlannedFix[] {
  const renames = new Map<string, string>();
  for (const r of repos) if (r.renamedTo) renames.set(r.repo.toLowerCase(), r.renamedTo);
  return listScalarUrls(data).flatMap((s): PlannedFix[] => {
    const gh = githubRepoOf(s.url);
    const renamedTo = gh && renames.get(githubRepoKey(gh));
    if (!gh || !renamedTo) return [];
    const next = new URL(gh.url.href);
    next.pathname = `/${[renamedTo, ...gh.rest].join("/")}`;
    if (next.href === s.url) return [];
    return [{ path: s.path, entryId: s.entryId, from: s.url, to: next.href, reason: "renamed" }];
  });
}

/** Permanent redirects → their targets (not soft 404s: those lead nowhere useful). */
export function planRedirectFixes(data: PapersFile, links: readonly LinkResult[]): PlannedFix[] {
  const targets = new Map<string, string>();
  for (const l of links) if (l.verdict === "redirect") targets.set(l.url, l.suggestion);
  return listScalarUrls(data).flatMap((s): PlannedFix[] => {
    const to = targets.get(s.url);
    return to && to !== s.url
      ? [{ path: s.path, entryId: s.entryId, from: s.url, to, reason: "redirect" }]
      : [];
  });
}

/** One fix per scalar: the first planned wins (offline fixes come first, so they are never overridden). */
export function dedupeFixes(fixes: readonly PlannedFix[]): PlannedFix[] {
  const seen = new Set<string>();
  return fixes.filter((f) => {
    const key = f.path.join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
