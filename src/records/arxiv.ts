/**
 * arXiv ids and the URLs that name them, in one place: lint (duplicates), the importer, the README and the
 * intake all read them here, so an arXiv link form is recognised everywhere or nowhere.
 *
 *   arxivIdFromUrl("https://arxiv.org/pdf/2306.15195v2.pdf")   // "2306.15195v2" (as written)
 *   normalizeArxivId("arXiv:2306.15195v2")                     // "2306.15195" (for comparing)
 *   isArxivPage("https://arxiv.org/html/2306.15195v2", "2306.15195")  // true
 */
import { ARXIV_PATTERN } from "./schema.js";

/** A valid id, version allowed: new-style 2306.15195(v2), old-style hep-th/9901001(v1). */
export const ARXIV_ID = new RegExp(ARXIV_PATTERN);

const ARXIV_HOSTS = new Set(["arxiv.org", "www.arxiv.org", "export.arxiv.org"]);
/** The paper's own pages: abstract, PDF (with or without ".pdf"), HTML, the format chooser. */
const ARXIV_PAGE_PATH = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?\/?$/;
const HF_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co"]);
const HF_PAPER_PATH = /^\/papers\/([^/]+)\/?$/;
const DOI_HOSTS = new Set(["doi.org", "dx.doi.org", "www.doi.org"]);
/** arXiv's DataCite DOIs (since 2022): 10.48550/arXiv.<id>. DOIs are case-insensitive. */
const ARXIV_DOI_PATH = /^\/10\.48550\/arxiv\.(.+)$/i;
/**
 * The form most main links of a paper list have, already canonical: an arxiv.org page of a new-style id with
 * nothing the URL parser would change (lowercase scheme and host, no escapes, port, query or fragment, no
 * space or tab). One regex answers for it what parsing the URL and six more regexes would (the 10,000-entry
 * duplicate finder spent most of its time and garbage there); anything else takes the parser.
 */
const CANONICAL_ARXIV_PAGE =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|format)\/(\d{4}\.\d{4,5}(?:v\d+)?)(?:\.pdf)?\/?$/;

/**
 * The id (version kept) of a URL written in the canonical arxiv.org form above, else undefined: then it
 * may still name a paper, and `arxivIdFromUrl` parses it to find out.
 */
export function canonicalArxivPageId(url: string): string | undefined {
  const id = CANONICAL_ARXIV_PAGE.exec(url)?.[1];
  // The digits' count depends on the year (ARXIV_PATTERN): "2306.1519" is no id.
  return id !== undefined && ARXIV_ID.test(id) ? id : undefined;
}

/** Cheap test before parsing a URL: the view model asks this of every entry (10,000 in the bench). */
const MAY_NAME_ARXIV = /arxiv|huggingface\.co|hf\.co/i;

/** The id of a written arXiv id ("arXiv:2306.15195v2", "2306.15195.pdf"), version kept; else undefined. */
export function parseArxivId(raw: string): string | undefined {
  // Tested before replaced: a replace that finds nothing still costs a string of garbage, and the
  // duplicate finder asks this twice for each of 10,000 entries, almost all plain ids.
  let id = raw.trim();
  if (ARXIV_PREFIX.test(id)) id = id.replace(ARXIV_PREFIX, "");
  if (PDF_SUFFIX.test(id)) id = id.slice(0, -4);
  return ARXIV_ID.test(id) ? id : undefined;
}

const ARXIV_PREFIX = /^arxiv\s*:\s*/i;
const PDF_SUFFIX = /\.pdf$/i;
/** The version at the end of a valid id: neither kind of id otherwise ends in `v` and digits. */
const VERSION_SUFFIX = /v\d+$/;

/** The id without its version, for comparing ("2306.15195v2" → "2306.15195"); undefined when not an id. */
export function normalizeArxivId(raw: string): string | undefined {
  const id = parseArxivId(raw);
  if (id === undefined) return undefined;
  const version = id.search(VERSION_SUFFIX);
  return version === -1 ? id : id.slice(0, version);
}

function toUrl(input: string | URL): URL | undefined {
  if (typeof input !== "string") return input;
  if (!MAY_NAME_ARXIV.test(input)) return undefined;
  try {
    return new URL(input.trim());
  } catch {
    return undefined;
  }
}

function hostOf(url: URL): string {
  return url.hostname.replace(/\.$/, "");
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The id (as written, version kept) of an arxiv.org page of the paper: /abs/, /pdf/, /html/, /format/. */
export function arxivPageId(input: string | URL): string | undefined {
  const canonical = typeof input === "string" ? canonicalArxivPageId(input) : undefined;
  if (canonical !== undefined) return canonical;
  const url = toUrl(input);
  if (!url || !/^https?:$/.test(url.protocol) || !ARXIV_HOSTS.has(hostOf(url))) return undefined;
  const id = ARXIV_PAGE_PATH.exec(decodePath(url.pathname))?.[1];
  return id !== undefined && ARXIV_ID.test(id) ? id : undefined;
}

/**
 * The arXiv id a URL names (as written, version kept): an arxiv.org page, a Hugging Face paper page
 * (huggingface.co or hf.co /papers/<id>), or arXiv's DOI (doi.org/10.48550/arXiv.<id>).
 */
export function arxivIdFromUrl(input: string | URL): string | undefined {
  const canonical = typeof input === "string" ? canonicalArxivPageId(input) : undefined;
  if (canonical !== undefined) return canonical;
  const url = toUrl(input);
  if (!url || !/^https?:$/.test(url.protocol)) return undefined;
  const host = hostOf(url);
  let id: string | undefined;
  if (ARXIV_HOSTS.has(host)) return arxivPageId(url);
  if (HF_HOSTS.has(host)) id = HF_PAPER_PATH.exec(url.pathname)?.[1];
  else if (DOI_HOSTS.has(host)) id = ARXIV_DOI_PATH.exec(decodePath(url.pathname))?.[1];
  return id !== undefined && ARXIV_ID.test(id) ? id : undefined;
}

/** True when `url` is an arxiv.org page of `id`, any version: a second link to it would repeat the first. */
export function isArxivPage(url: string, id: string): boolean {
  const page = arxivPageId(url);
  return page !== undefined && normalizeArxivId(page) === normalizeArxivId(id);
}
