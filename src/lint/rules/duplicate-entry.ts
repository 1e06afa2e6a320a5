import type { Entry } from "../../records/index.js";
import {
  comparableTextHash,
  normalizeArxivId,
  normalizeDoi,
  normalizeTitle,
  normalizeUrl,
} from "../normalize.js";
import type { Finding, LintRule } from "../types.js";
import { KOSMOS, SHIKRA } from "./example-record.js";

/** The field an identity key comes from; the finding points at it. */
type KeyField = "url" | "arxiv" | "doi" | "title" | "previous-urls";

/** How a key reads in a message: `arXiv 2306.15195`, `DOI …`, `the URL …`, `the same title`. */
function describeKey(key: string, field: KeyField): string {
  if (field === "title") return "the same title";
  if (key.startsWith("arxiv:")) return `arXiv ${key.slice(6)}`;
  if (key.startsWith("doi:")) return `DOI ${key.slice(4)}`;
  return `the URL ${key.replace(/^pwc:/, "paperswithcode.com/paper/")}`;
}

const MIN_TITLE_KEY_CHARS = 8;

/**
 * Which earlier entry has the same comparable title (`normalizeTitle`). Titles meet by a hash of their
 * comparable characters, made without the key string; the strings are made only for an entry whose hash
 * was seen before (a duplicate, or the rare collision, which the strings then tell apart), so a list of
 * unique titles makes none. A title of a few letters ("GPT-4") is too short to say two entries are one work.
 */
export class TitleIndex {
  private readonly firstByHash = new Map<number, number>();
  private readonly firstByKey = new Map<string, number>();

  constructor(
    private readonly titleOf: (index: number) => string,
    private readonly hash: (title: string, minChars: number) => number | undefined = comparableTextHash,
  ) {}

  /** Takes entry `index`'s title in; returns the first earlier entry with the same one, if any. */
  add(index: number): number | undefined {
    const title = this.titleOf(index);
    const hash = this.hash(title, MIN_TITLE_KEY_CHARS);
    if (hash === undefined) return undefined;
    const first = this.firstByHash.get(hash);
    if (first === undefined) {
      this.firstByHash.set(hash, index);
      return undefined;
    }
    const firstKey = normalizeTitle(this.titleOf(first));
    if (!this.firstByKey.has(firstKey)) this.firstByKey.set(firstKey, first);
    const key = normalizeTitle(title);
    const same = this.firstByKey.get(key);
    if (same === undefined) this.firstByKey.set(key, index);
    return same;
  }
}

/**
 * One Map from identity key to the first entry that has it: each entry costs one lookup per key, so 10,000
 * entries take ~40,000 Map operations instead of 50 million pairwise comparisons. Link keys (URL, arXiv,
 * DOI: `arxiv:` keys of a URL and of the arxiv field must meet) share the Map; titles never match them and
 * have an index of their own. Written as a loop over the entries with no closure or key object per entry:
 * almost none is a duplicate, so the message parts are only made for a key that repeats.
 */
class DuplicateFinder {
  readonly findings: Finding[] = [];
  private readonly firstByLink = new Map<string, number>();
  private readonly titles: TitleIndex;
  /** Earlier entries already reported for the entry being checked: one finding per pair. */
  private reported: Set<number> | undefined;

  constructor(private readonly entries: readonly Entry[]) {
    this.titles = new TitleIndex((index) => (entries[index] as Entry).title);
  }

  check(index: number): void {
    const entry = this.entries[index] as Entry;
    this.reported = undefined;
    this.linkKey(index, normalizeUrl(entry.url), "url");
    // An address a listed entry had before `fix` moved it (a paperswithcode page, a renamed repository's
    // paper link) still names that work: a submission of the old address is the same entry.
    for (const old of entry["previous-urls"] ?? []) this.linkKey(index, normalizeUrl(old), "previous-urls");
    const arxiv = entry.arxiv === undefined ? undefined : normalizeArxivId(entry.arxiv);
    if (arxiv) this.linkKey(index, `arxiv:${arxiv}`, "arxiv");
    const doi = entry.doi === undefined ? undefined : normalizeDoi(entry.doi);
    if (doi) this.linkKey(index, `doi:${doi}`, "doi");
    const sameTitle = this.titles.add(index);
    if (sameTitle !== undefined) this.report(index, sameTitle, "", "title");
  }

  private linkKey(index: number, key: string | undefined, field: KeyField): void {
    if (!key) return;
    const first = this.firstByLink.get(key);
    if (first === undefined) this.firstByLink.set(key, index);
    else this.report(index, first, key, field);
  }

  private report(index: number, first: number, key: string, field: KeyField): void {
    if (first === index || this.reported?.has(first)) return;
    (this.reported ??= new Set()).add(first);
    const entry = this.entries[index] as Entry;
    const other = this.entries[first];
    this.findings.push({
      path: ["entries", index, field],
      relatedEntries: [first],
      message: `entry "${entry.id}" looks like a duplicate of entry "${other?.id ?? first}": both have ${describeKey(key, field)}; expected each work listed once`,
    });
  }
}

function checkDuplicates(entries: readonly Entry[]): Finding[] {
  const finder = new DuplicateFinder(entries);
  for (let index = 0; index < entries.length; index++) finder.check(index);
  return finder.findings;
}

export const duplicateEntry: LintRule = {
  id: "duplicate-entry",
  description: "Two entries are the same work under different URLs, ids or title spellings.",
  defaultSetting: "error",
  rationale:
    "Entries are compared by keys rather than pairwise: the main URL normalized (scheme, host case, `www.`, " +
    "trailing slash, fragment and tracking parameters such as `utm_*` removed), arXiv links in any form " +
    "(`abs`, `pdf`, `html`, `vN`, `huggingface.co/papers/<id>`) reduced to the arXiv id, `doi.org` links " +
    "to the DOI, paperswithcode links to their slug, the addresses an entry had before (`previous-urls`), " +
    "the `arxiv` and `doi` fields, and the title after " +
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
