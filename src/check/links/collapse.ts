/**
 * The second kind of soft 404: many unrelated links redirected to one and the same page (paperswithcode.com
 * sends every paper it has no mapping for to one trending page). One link landing somewhere is a redirect;
 * `threshold` different pages landing on the same one are a site saying "gone" politely.
 */
import { evidenceOf, type LinkResult } from "./verdict.js";

function pageKey(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname.replace(/(?<!\/)\/+$/, "")}${u.search}`.toLowerCase();
}

/** Re-labels ok/redirect results that share a final URL with `threshold` or more unrelated links. */
export function markCollapsedRedirects(results: readonly LinkResult[], threshold: number): LinkResult[] {
  const groups = new Map<string, Set<string>>();
  for (const r of results) {
    if ((r.verdict !== "ok" && r.verdict !== "redirect") || r.finalUrl === undefined) continue;
    const pages = groups.get(r.finalUrl) ?? new Set<string>();
    pages.add(pageKey(r.url));
    groups.set(r.finalUrl, pages);
  }
  return results.map((r): LinkResult => {
    if ((r.verdict !== "ok" && r.verdict !== "redirect") || r.finalUrl === undefined) return r;
    const sharedBy = groups.get(r.finalUrl)?.size ?? 0;
    if (sharedBy < threshold) return r;
    return {
      ...evidenceOf(r),
      verdict: "soft404",
      reason: "collapse",
      sharedBy,
      message: `redirected to ${r.finalUrl}, where ${sharedBy} different links land: the page itself is gone`,
    };
  });
}
