/**
 * The link check as the intake runs it, apart from the rest of the intake's wiring: the Action builds it
 * before the intake runs, and this file needs only the check stage (intake-submission.ts loads lint, render
 * and the intake itself).
 */
import type { Dispatcher } from "undici";
import type { LinkCheckOptions } from "../check/index.js";
import type { IntakeLinkCheck } from "../intake/index.js";
import { isPublicUrl } from "../urls/index.js";

/** True for URLs the runner must not be made to request (loopback, private, link-local: cloud metadata). */
function isLocalUrl(url: string): boolean {
  try {
    return !isPublicUrl(new URL(url));
  } catch {
    return false;
  }
}

/**
 * The link check as the intake runs it: the submitted links only, fresh (no cache: the submitter just typed
 * them). Anyone can open an issue, so addresses on the runner's own network are never requested; the
 * url-local-host lint rule reports them to the submitter instead. `dispatcher` must be public-only too: it
 * tests the names the URLs resolve to, `publicOnly` here each URL and redirect hop.
 */
export function createIntakeLinkCheck(
  dispatcher: Dispatcher,
  options: Partial<LinkCheckOptions>,
): IntakeLinkCheck {
  return async (urls) => {
    // The check stage loads when a submission's links are checked, not with the project door.
    const { checkUrls } = await import("../check/index.js");
    const remote = urls.filter((url) => !isLocalUrl(url));
    const { results } = await checkUrls(remote, { dispatcher }, { ...options, publicOnly: true });
    const skipped = urls
      .filter(isLocalUrl)
      .map((url) => ({ url, verdict: "excluded", message: "a local or private address is not requested" }));
    return [...results, ...skipped];
  };
}
