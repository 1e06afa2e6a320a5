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

const ARXIV_VERSIONED = /^(.+?)(?:v\d+)?$/;
const ARXIV_HOSTS = new Set(["arxiv.org", "www.arxiv.org", "export.arxiv.org"]);
/** The paper's own pages: abstract, PDF (with or without ".pdf"), HTML, the format chooser. */
const ARXIV_PAGE_PATH = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?\/?$/;
const HF_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co"]);
const HF_PAPER_PATH = /^\/papers\/([^/]+)\/?$/;
const DOI_HOSTS = new Set(["doi.org", "dx.doi.org", "www.doi.org"]);
/** arXiv's DataCite DOIs (since 2022): 10.48550/arXiv.<id>. DOIs are case-insensitive. */
const ARXIV_DOI_PATH = /^\/10\.48550\/arxiv\.(.+)$/i;
/** Cheap test before parsing a URL: the view model asks this of every entry (10,000 in the bench). */
const MAY_NAME_ARXIV = /arxiv|huggingface\.co|hf\.co/i;

/** The id of a written arXiv id ("arXiv:2306.15195v2", "2306.15195.pdf"), version kept; else undefined. */
export function parseArxivId(raw: string): string | undefined {
  const id = raw
    .trim()
    .replace(/^arxiv\s*:\s*/i, "")
    .replace(/\.pdf$/i, "");
  return ARXIV_ID.test(id) ? id : undefined;
}

/** The id without its version, for comparing ("2306.15195v2" → "2306.15195"); undefined when not an id. */
export function normalizeArxivId(raw: string): string | undefined {
  const id = parseArxivId(raw);
  return id === undefined ? undefined : ARXIV_VERSIONED.exec(id)?.[1];
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
