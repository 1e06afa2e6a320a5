/**
 * Sites that closed but still answer their old links with a redirect. A checker that follows redirects and
 * accepts the final 200 calls every such link healthy; these rules say where a live link must land, so a
 * single link landing anywhere else is a soft 404 (the collapse rule needs several links on one page).
 */
import { ARXIV_ID } from "../../records/index.js";
import { hostMatches } from "./options.js";

export interface GoneSite {
  /** The links it applies to: host (a subdomain matches too) and path. */
  host: string;
  path: RegExp;
  /** Where such a link may land, as people read it: "huggingface.co/papers/<arXiv id>". */
  expected: string;
  /** True when the final URL is a page that lives on (the site's mapping worked). */
  landsWell(final: URL): boolean;
  /** Why, in one clause, for the message. */
  why: string;
}

export const GONE_SITES: readonly GoneSite[] = [
  {
    host: "paperswithcode.com",
    path: /^\/paper\/[^/]+\/?$/,
    expected: "huggingface.co/papers/<arXiv id>",
    landsWell(final) {
      const id = /^\/papers\/([^/]+)\/?$/.exec(final.pathname)?.[1];
      return hostMatches(final.hostname, "huggingface.co") && id !== undefined && ARXIV_ID.test(id);
    },
    // RESEARCH.md: shut down July 2025; since Dec 2025 a mapped paper redirects to its Hugging Face page,
    // an unmapped one to a generic trending page.
    why: "paperswithcode.com closed in 2025 and sends papers it cannot map to a generic page",
  },
];

/** The rule a redirected link broke, or undefined when it landed where its site's live pages are. */
export function goneSiteLanding(
  original: string,
  finalUrl: string,
  sites: readonly GoneSite[] = GONE_SITES,
): GoneSite | undefined {
  let from: URL;
  let to: URL;
  try {
    from = new URL(original);
    to = new URL(finalUrl);
  } catch {
    return undefined;
  }
  const site = sites.find((s) => hostMatches(from.hostname, s.host) && s.path.test(from.pathname));
  return site && !site.landsWell(to) ? site : undefined;
}
