import {
  arxivIdFromUrl,
  canonicalArxivPageId,
  compareCodePoints,
  type Entry,
  normalizeArxivId,
} from "../records/index.js";

export { normalizeArxivId };

/**
 * Keys that identify a work however it is linked or spelled. The duplicate rule puts every entry's keys in
 * one Map, so finding duplicates costs one lookup per key instead of comparing every pair of entries.
 */

/** Query parameters that track a click and never change what a page shows. */
const TRACKING_PARAMS =
  /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|ref_url|source|s|si)$/i;

/** DOIs are case-insensitive (DOI Handbook 2.4): compare them lowercased, without a resolver prefix. */
export function normalizeDoi(raw: string): string | undefined {
  const doi = decodeURIComponentSafe(raw.trim())
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "");
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi.toLowerCase() : undefined;
}

/** decodeURIComponent that returns malformed escapes unchanged instead of throwing. */
export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses an absolute URL; undefined instead of a throw for text that is not one. */
export function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

/** Host without `www.` and a trailing dot, lowercased (URL already lowercases it). */
export function bareHost(url: URL): string {
  return url.hostname.replace(/\.$/, "").replace(/^www\./, "");
}

/** The arXiv id a URL names, without its version (src/records/arxiv.ts says which URLs do). */
function arxivKeyOfUrl(url: URL): string | undefined {
  const id = arxivIdFromUrl(url);
  return id === undefined ? undefined : normalizeArxivId(id);
}

/** The DOI a URL points at (doi.org, dx.doi.org), if any. */
export function doiFromUrl(url: URL): string | undefined {
  const host = bareHost(url);
  if (host !== "doi.org" && host !== "dx.doi.org") return undefined;
  return normalizeDoi(url.pathname.slice(1));
}

/**
 * One comparable string per work a URL names: `arxiv:<id>`, `doi:<doi>`, `pwc:<slug>` or the URL with
 * scheme, `www.`, default port, fragment, trailing slash and tracking parameters removed.
 */
export function normalizeUrl(raw: string): string | undefined {
  const canonical = canonicalArxivPageId(raw);
  if (canonical !== undefined) return `arxiv:${normalizeArxivId(canonical) ?? canonical}`;
  const url = parseUrl(raw);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return undefined;
  const arxiv = arxivKeyOfUrl(url);
  if (arxiv) return `arxiv:${arxiv}`;
  const doi = doiFromUrl(url);
  if (doi) return `doi:${doi}`;
  const host = bareHost(url);
  if (host === "paperswithcode.com") {
    // Since the 2025 shutdown /paper/<slug> only redirects; the slug is the identity.
    const match = /^\/paper\/([^/]+)/.exec(url.pathname);
    if (match?.[1]) return `pwc:${match[1].toLowerCase()}`;
  }
  // Most links have no query: no URLSearchParams is made for them (10,000 entries' worth of garbage).
  const params =
    url.search === ""
      ? []
      : [...url.searchParams.entries()]
          .filter(([key]) => !TRACKING_PARAMS.test(key))
          .sort(([a], [b]) => compareCodePoints(a, b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const path = url.pathname.replace(/(?<!\/)\/+$/, "");
  // GitHub owner and repository names are case-insensitive; most other paths are not.
  const comparablePath = host === "github.com" ? path.toLowerCase() : path;
  return `${host}${url.port ? `:${url.port}` : ""}${comparablePath}${query}`;
}

/**
 * Titles compared after NFKC (full-width letters and punctuation become ASCII), case folding and
 * removal of everything but letters and digits: "ＬＬＭ: A  Survey!" and "llm a survey" are one key.
 */
export function normalizeTitle(title: string): string {
  return comparableText(title);
}

/**
 * Whitespace and punctuation after NFKC: ASCII, Latin-1, general punctuation, CJK symbols and the
 * full-width and small forms. An explicit class rather than `[^\p{L}\p{N}]` because the Unicode property
 * class is ten times slower, which 10,000 摘要 feel (measured: 180 ms against 18 ms).
 */
const NON_WORD =
  /[\s!-/:-@[-`{-~\u00A0-\u00BF\u2000-\u206F\u3000-\u303F\uFE10-\uFE6F\uFF00-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]+/g;

/** Text compared without case, width, spacing or punctuation: "ＬＬＭ: A  Survey!" → "llmasurvey". */
export function comparableText(text: string): string {
  // NFKC leaves ASCII as it is: most titles are ASCII, and skipping it saves a copy of each.
  const normalized = NON_ASCII.test(text) ? text.normalize("NFKC") : text;
  return normalized.toLowerCase().replace(NON_WORD, "");
}

const NON_ASCII = /[\u0080-\uFFFF]/;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over a text's UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** ASCII characters `NON_WORD` removes: whitespace and punctuation. */
function isAsciiNonWord(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x20 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/**
 * `fnv1a(comparableText(text))`, or undefined when that key is shorter than `minChars`; for ASCII text it is
 * computed character by character without making the key (the duplicate finder hashes 10,000 titles, and
 * their key strings were over half its garbage).
 */
export function comparableTextHash(text: string, minChars: number): number | undefined {
  if (NON_ASCII.test(text)) {
    const key = comparableText(text);
    return key.length >= minChars ? fnv1a(key) : undefined;
  }
  let hash = FNV_OFFSET;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    else if (isAsciiNonWord(code)) continue;
    hash = Math.imul(hash ^ code, FNV_PRIME);
    kept++;
  }
  return kept >= minChars ? hash >>> 0 : undefined;
}

/** The arXiv id an entry names, in its `arxiv` field or else in its main URL. */
export function entryArxivId(entry: Entry): string | undefined {
  if (entry.arxiv !== undefined) return normalizeArxivId(entry.arxiv);
  const url = parseUrl(entry.url);
  return url ? arxivKeyOfUrl(url) : undefined;
}
