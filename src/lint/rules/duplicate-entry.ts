import type { Entry } from "../../records/index.js";
import { normalizeArxivId, normalizeDoi, normalizeTitle, normalizeUrl } from "../normalize.js";
import type { Finding, LintRule } from "../types.js";
import { KOSMOS, SHIKRA } from "./example-record.js";

/** The field an identity key comes from; the finding points at it. */
type KeyField = "url" | "arxiv" | "doi" | "title";

/**
 * Calls `visit` with every key naming the work of one entry: its main URL, arXiv id, DOI and normalized
 * title. A visitor rather than a list of key objects: 10,000 entries are checked and almost none is a
 * duplicate, so the message parts are only made for a key that repeats (see `describeKey`).
 */
function visitIdentityKeys(entry: Entry, visit: (key: string, field: KeyField) => void): void {
  // Titles go into their own Map (see checkDuplicates), so their key needs no `title:` prefix string.
  const url = normalizeUrl(entry.url);
  if (url) visit(url, "url");
  const arxiv = entry.arxiv === undefined ? undefined : normalizeArxivId(entry.arxiv);
  if (arxiv) visit(`arxiv:${arxiv}`, "arxiv");
  const doi = entry.doi === undefined ? undefined : normalizeDoi(entry.doi);
  if (doi) visit(`doi:${doi}`, "doi");
  const title = normalizeTitle(entry.title);
  // A title of a few letters ("GPT-4") is too short to say two entries are one work.
  if (title.length >= MIN_TITLE_KEY_CHARS) visit(title, "title");
}

/** How a key reads in a message: `arXiv 2306.15195`, `DOI …`, `the URL …`, `the same title`. */
function describeKey(key: string, field: KeyField): string {
  if (field === "title") return "the same title";
  if (key.startsWith("arxiv:")) return `arXiv ${key.slice(6)}`;
  if (key.startsWith("doi:")) return `DOI ${key.slice(4)}`;
  return `the URL ${key.replace(/^pwc:/, "paperswithcode.com/paper/")}`;
}

const MIN_TITLE_KEY_CHARS = 8;

/**
 * One Map from identity key to the first entry that has it: each entry costs one lookup per key, so 10,000
 * entries take ~40,000 Map operations instead of 50 million pairwise comparisons.
 */
function checkDuplicates(entries: readonly Entry[]): Finding[] {
  // Link keys (URL, arXiv, DOI: `arxiv:` keys of a URL and of the arxiv field must meet) and title keys
  // never match each other, so titles have a Map of their own.
  const firstByLink = new Map<string, number>();
  const firstByTitle = new Map<string, number>();
  const findings: Finding[] = [];
  entries.forEach((entry, index) => {
    let reported: Set<number> | undefined;
    visitIdentityKeys(entry, (key, field) => {
      const firstByKey = field === "title" ? firstByTitle : firstByLink;
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, index);
        return;
      }
      if (first === index || reported?.has(first)) return;
      (reported ??= new Set()).add(first);
      const other = entries[first];
      findings.push({
        path: ["entries", index, field],
        relatedEntries: [first],
        message: `entry "${entry.id}" looks like a duplicate of entry "${other?.id ?? first}": both have ${describeKey(key, field)}; expected each work listed once`,
      });
    });
  });
  return findings;
}

export const duplicateEntry: LintRule = {
  id: "duplicate-entry",
  description: "Two entries are the same work under different URLs, ids or title spellings.",
  defaultSetting: "error",
  rationale:
    "Entries are compared by keys rather than pairwise: the main URL normalized (scheme, host case, `www.`, " +
    "trailing slash, fragment and tracking parameters such as `utm_*` removed), arXiv links in any form " +
    "(`abs`, `pdf`, `html`, `vN`, `huggingface.co/papers/<id>`) reduced to the arXiv id, `doi.org` links " +
    "to the DOI, paperswithcode links to their slug, the `arxiv` and `doi` fields, and the title after " +
    "NFKC (full-width forms), case folding and removal of punctuation and spaces. Each key goes into one " +
    "Map from key to the first entry that had it, so 10,000 entries cost about 40,000 Map lookups rather " +
    "than 50 million comparisons. The later entry is reported, pointing at the field that matched.",
  examples: {
    pass: `${SHIKRA}
  date: 2023-06-27
${KOSMOS}`,
    fail: `${SHIKRA}
  date: 2023-06-27
- id: shikra-again
  title: Shikra
  url: https://huggingface.co/papers/2306.15195
  kind: paper
  category: llm
  date: 2023-06-27`,
  },
  check: ({ data }) => checkDuplicates(data.entries),
};
