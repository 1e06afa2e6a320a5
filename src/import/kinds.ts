/**
 * What an imported entry is, read from its URL. Lists rarely say; a URL often does (a Hugging Face dataset,
 * a GitHub repository, an arXiv page). Where the URL does not, the entry is a paper, and the importer says
 * that it guessed, so nothing is classified silently.
 */
import type { EntryKind } from "../records/index.js";
import { githubRepoOf } from "../urls/index.js";

export type KindBasis =
  /** The URL names the kind: a Hugging Face dataset or model, a paper site. */
  | "url"
  /** A GitHub repository: code or a collection, not a paper. */
  | "repository"
  /** Nothing in the URL says; "paper" is the list's default. */
  | "guess";

export interface KindOfUrl {
  kind: EntryKind;
  basis: KindBasis;
}

/** Hugging Face paths that are neither models nor datasets. */
const HF_NOT_MODELS = new Set(["spaces", "papers", "docs", "blog", "learn", "tasks", "datasets"]);
/** Sites whose pages are papers (host, or host and first path segment). */
const PAPER_SITES = [
  /^(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\//,
  /^(?:www\.)?paperswithcode\.com\/paper\//,
  /^huggingface\.co\/papers\//,
  /^(?:dx\.)?doi\.org\//,
  /^openreview\.net\/(?:forum|pdf)/,
  /^aclanthology\.org\//,
  /^openaccess\.thecvf\.com\//,
  /^(?:papers|proceedings)\.(?:nips|neurips)\.cc\//,
  /^proceedings\.mlr\.press\//,
  /^dl\.acm\.org\/doi\//,
  /^ieeexplore\.ieee\.org\/document\//,
  /^link\.springer\.com\/(?:article|chapter)\//,
  /^(?:www\.)?semanticscholar\.org\/paper\//,
  /^(?:www\.)?(?:biorxiv|medrxiv)\.org\/content\//,
];

/** The kind an entry's main URL suggests, and how sure that is. */
export function kindOfUrl(url: string): KindOfUrl {
  const bare = url.replace(/^https?:\/\//i, "");
  if (/^huggingface\.co\/datasets\/[^/]+\/[^/]+/.test(bare)) return { kind: "dataset", basis: "url" };
  const hf = /^huggingface\.co\/([^/?#]+)\/[^/?#]+/.exec(bare);
  if (hf?.[1] && !HF_NOT_MODELS.has(hf[1])) return { kind: "model", basis: "url" };
  if (githubRepoOf(url) !== undefined) return { kind: "resource", basis: "repository" };
  if (PAPER_SITES.some((site) => site.test(bare))) return { kind: "paper", basis: "url" };
  return { kind: "paper", basis: "guess" };
}

/** The notice for a kind that was not read plainly from the URL, or undefined. */
export function kindNotice(
  title: string,
  url: string,
  guess: KindOfUrl,
): { code: "kind-from-url" | "kind-guessed"; message: string } | undefined {
  if (guess.basis === "repository")
    return {
      code: "kind-from-url",
      message: `"${title}" links to a GitHub repository: kind resource (set kind: paper if it is one)`,
    };
  if (guess.basis === "guess")
    return {
      code: "kind-guessed",
      message: `"${title}" read as a paper: nothing in ${url} says what it is (set kind if it is a dataset, model or resource)`,
    };
  return undefined;
}
