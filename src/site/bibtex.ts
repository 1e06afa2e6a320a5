/**
 * papers.bib and the per-entry "copy BibTeX" text. Keys are the record ids: unique, kebab-case and never
 * reused (records/schema.ts), so a key cited in a paper keeps working across builds and edits.
 */
import { oneLine } from "../records/index.js";
import type { SiteEntry } from "./entry-view.js";

/** LaTeX specials in a braced value: escaped so any BibTeX or biber reads the text as written. */
const LATEX_SPECIALS: Readonly<Record<string, string>> = {
  "\\": "\\textbackslash{}",
  // Not \{ and \}: BibTeX counts those as braces too, so one unmatched brace in a title ended the value
  // early and broke every entry after it.
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  // In TeX's default (OT1) font encoding these print as ¡ and ¿.
  "<": "\\textless{}",
  ">": "\\textgreater{}",
};

/** TeX reads "--" as an en dash and "``" as a quote: an empty group between the characters keeps them as written. */
const LIGATURES = /(?<=[-`'])(?=[-`'])/g;

export function escapeBibtex(value: string): string {
  return oneLine(value)
    .replace(/[\\{}%&$#_~^<>]/g, (c) => LATEX_SPECIALS[c] ?? c)
    .replace(LIGATURES, "{}");
}

/** The characters a verbatim field cannot hold as written (see verbatimBibtex), percent-encoded. */
const VERBATIM_UNSAFE: Readonly<Record<string, string>> = { "{": "%7B", "}": "%7D", "\\": "%5C" };

/**
 * A URL or DOI as the value of a field biblatex reads verbatim (`url`, `doi`). LaTeX escapes would become part
 * of the link (`a\_b` is not `a_b`), and none is needed: `_ & % ~ # ^ $` and `--` are plain text to BibTeX and
 * biber, and biblatex hands the field to LaTeX verbatim. What a braced value cannot hold as written is a brace
 * or a backslash: BibTeX ends the value by counting braces, `\}` included, while other readers (such as
 * @retorquere/bibtex-parser) take `\}` as an escaped brace. Those are percent-encoded, which changes no link:
 * RFC 3986 allows none of the three in a URI, and the DOI Handbook recommends them encoded in a DOI's URL.
 */
function verbatimBibtex(value: string): string {
  return value.replace(/[{}\\]/g, (c) => VERBATIM_UNSAFE[c] ?? c);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A venue that names no proceedings: "arXiv 2023", "Preprint", "bioRxiv". */
const PREPRINT_VENUE = /^\W*(?:arxiv|preprint|biorxiv|medrxiv|ssrn|tech(?:nical)? report)\b/i;

/**
 * A venue that names a journal: the words journals are named with ("Journal of…", "IEEE Transactions on…",
 * "…Letters"), and the journals of this field most often written by their short name alone ("TPAMI 2022",
 * "Nature"). A conference's name matches neither ("CVPR 2023", "Findings of ACL").
 */
const JOURNAL_VENUE =
  /\b(?:journal|transactions|trans\.|letters|magazine|annual review|proceedings of the (?:ieee|national academy))|^\W*(?:nature|science|cell|pnas|jmlr|tmlr|t?pami|ijcv|tacl|tog|tip|tnnls|tkde|tvcg|plos|elife|neurocomputing|pattern recognition|neural networks|neural computation|artificial intelligence|information fusion|medical image analysis)\b/i;

type EntryType = "article" | "inproceedings" | "misc";

/**
 * The BibTeX entry type: a paper in a journal is an @article, a paper at any other venue a proceedings
 * paper; anything else is @misc, a preprint included ("arXiv 2023" is no book title).
 */
function entryType(entry: SiteEntry): EntryType {
  if (entry.kind !== "paper" || entry.venue === "" || PREPRINT_VENUE.test(entry.venue)) return "misc";
  return JOURNAL_VENUE.test(entry.venue) ? "article" : "inproceedings";
}

/** The field that holds the venue: where an @article appeared, the book an @inproceedings is in, or how a @misc was published. */
const VENUE_FIELD: Readonly<Record<EntryType, string>> = {
  article: "journal",
  inproceedings: "booktitle",
  misc: "howpublished",
};

/**
 * BibTeX and biber split the author field at every "and" between spaces, in any case, that is not inside
 * braces: "Research and Development Team" would become two authors. Such a name is braced whole, which also
 * keeps it from being split into first and last names (a team's name has neither).
 */
const SPLITS_AT_AND = /(?:^|\s)and(?:\s|$)/i;

function bibtexName(name: string): string {
  return SPLITS_AT_AND.test(name) ? `{${escapeBibtex(name)}}` : escapeBibtex(withSuffixPlaced(name));
}

/** A name's generational suffix, after a comma or a space: Jr., Sr., II, III, IV (not V, which may be an initial). */
const SUFFIX_AT_END = /[\s,]((?:Jr|Sr)\.?|II|III|IV)$/i;

/**
 * A name with a suffix in BibTeX's own form for one, "von Last, Jr, First": written as people write it,
 * "Martin Luther King, Jr." reads as the family name "Martin Luther King" and the given name "Jr.", and
 * without the comma "Jr." becomes the family name. A name already written family name first ("King, Martin
 * Luther, Jr.") keeps its order; the words before the family name that start in lower case ("van", "de la")
 * stay with it, as BibTeX's "von" part. Any other name is returned as it is.
 */
function withSuffixPlaced(name: string): string {
  const trimmed = name.trim();
  const match = SUFFIX_AT_END.exec(trimmed);
  if (!match) return name;
  const suffix = match[1] as string;
  let rest = trimmed.slice(0, match.index).trimEnd();
  if (rest.endsWith(",")) rest = rest.slice(0, -1).trimEnd();
  if (rest === "") return name;
  const comma = rest.indexOf(",");
  if (comma !== -1) return `${rest.slice(0, comma).trim()}, ${suffix}, ${rest.slice(comma + 1).trim()}`;
  const words = rest.split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1] as string)) start--;
  if (start === 0) return name;
  return `${words.slice(start).join(" ")}, ${suffix}, ${words.slice(0, start).join(" ")}`;
}

/** One BibTeX entry. Fields appear only when the record has them; the title is double-braced to keep its case. */
export function formatBibtex(entry: SiteEntry): string {
  const fields: [string, string][] = [["title", `{${escapeBibtex(entry.title)}}`]];
  if (entry.authors.length > 0) {
    // Joined as they come, not mapped then joined (docs/architecture.md: "Hot code compiled once").
    let authors = bibtexName(entry.authors[0] as string);
    for (let i = 1; i < entry.authors.length; i++)
      authors += ` and ${bibtexName(entry.authors[i] as string)}`;
    fields.push(["author", authors]);
  }
  const type = entryType(entry);
  if (entry.venue !== "") fields.push([VENUE_FIELD[type], escapeBibtex(entry.venue)]);
  if (entry.year !== "") fields.push(["year", entry.year]);
  // The date's month only: the year may come from the venue or the arXiv id, which say no month of publication.
  const month = Number(entry.date.slice(5, 7));
  if (month >= 1 && month <= 12) fields.push(["month", MONTHS[month - 1] as string]);
  if (entry.arxiv !== "") {
    fields.push(["eprint", escapeBibtex(entry.arxiv)]);
    fields.push(["archiveprefix", "arXiv"]);
  }
  if (entry.doi !== "") fields.push(["doi", verbatimBibtex(entry.doi)]);
  fields.push(["url", verbatimBibtex(entry.url)]);
  // The month as BibTeX's macro (jun, unbraced): styles print it as the month's name in the document's
  // language, and biblatex takes it as a month, where {jun} is text it warns about.
  let text = `@${type}{${entry.id},`;
  for (const [i, [k, v]] of fields.entries())
    text += `${i === 0 ? "" : ","}\n  ${k} = ${k === "month" ? v : `{${v}}`}`;
  return `${text}\n}\n`;
}

/** papers.bib: every entry, in list order. */
export function formatBibliography(entries: readonly SiteEntry[]): string {
  return joinBibliography(entries.map(formatBibtex));
}

/** papers.bib from the entries' BibTeX already made (the site build makes each once, for its page too). */
export function joinBibliography(bibtexOfEntries: readonly string[]): string {
  return bibtexOfEntries.join("\n");
}
