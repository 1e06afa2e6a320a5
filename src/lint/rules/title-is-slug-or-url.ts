import { decodeURIComponentSafe, parseUrl } from "../normalize.js";
import { quote } from "../walk.js";
import type { Finding, LintRule } from "../types.js";

/** `owner/name` as GitHub and Hugging Face spell repositories: no spaces, exactly one slash. */
const SLUG = /^[\w.-]+\/[\w.-]+$/;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+\/\S*$/i;

/**
 * A dataset or model may be titled by its hub id when that id is the one its URL names
 * (`silk-road/Luotuo-QA-A-CoQA-Chinese` at huggingface.co/datasets/silk-road/Luotuo-QA-A-CoQA-Chinese).
 */
function isOwnHubId(title: string, url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  return decodeURIComponentSafe(parsed.pathname)
    .toLowerCase()
    .replace(/(?<!\/)\/+$/, "")
    .endsWith(`/${title.toLowerCase()}`);
}

export const titleIsSlugOrUrl: LintRule = {
  id: "title-is-slug-or-url",
  description: "A title is a repository slug (`owner/name`) or a URL rather than the work's title.",
  defaultSetting: "error",
  rationale:
    "A title copied from a repository link (`alex-petrenko/sample-factory`) tells a reader nothing and, in " +
    "the seed, even names a different work than the entry's link. A dataset or model may keep its hub id " +
    "as title when its URL names that same id.",
  examples: {
    pass: `- id: luotuo-qa
  title: silk-road/Luotuo-QA-A-CoQA-Chinese
  url: https://huggingface.co/datasets/silk-road/Luotuo-QA-A-CoQA-Chinese
  kind: dataset
  category: llm
  date: 2023-05`,
    fail: `- id: counter-strike-deathmatch
  title: alex-petrenko/sample-factory
  url: https://arxiv.org/abs/2104.04258
  kind: paper
  category: llm
  date: 2021-04-09`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    data.entries.forEach((entry, i) => {
      const title = entry.title.trim();
      const path = ["entries", i, "title"];
      if (URL_LIKE.test(title)) {
        findings.push({
          path,
          message: `title ${quote(title)} is a URL; expected the work's title as published`,
        });
      } else if (SLUG.test(title) && !(entry.kind !== "paper" && isOwnHubId(title, entry.url))) {
        findings.push({
          path,
          message: `title ${quote(title)} looks like a repository slug (owner/name); expected the work's title as published`,
        });
      }
    });
    return findings;
  },
};
