/**
 * arXiv's Atom answer (export.arxiv.org/api/query) as plain records. The feed's quirks, handled here once:
 * titles and abstracts are wrapped over lines with indentation, the abstract has whitespace around it, ids
 * carry their version ("http://arxiv.org/abs/2306.15195v2"), text is entity-escaped, and an id arXiv does not
 * know simply has no entry (an error "entry" for a malformed id, titled "Error").
 */
import type { XMLParser } from "fast-xml-parser";
import { normalizeArxivId, oneLine } from "../records/index.js";

/** What arXiv knows about one paper, in the shape records use. */
export interface ArxivPaper {
  /** Without its version: 2306.15195. */
  id: string;
  /** The version the feed describes (the latest): 2. */
  version?: number;
  title: string;
  authors: string[];
  /** The first version's date, YYYY-MM-DD (`<published>`). */
  published: string;
  abstract: string;
  primaryCategory?: string;
  doi?: string;
  journalRef?: string;
}

export type FeedResult = { ok: true; papers: ArxivPaper[] } | { ok: false; message: string };

let parser: XMLParser | undefined;

/**
 * The feed's XML parser, made on first use: fast-xml-parser (35 modules, ~55 ms to load) then loads with the
 * first answer from arXiv, so a command that only reads this room's pure parts (`build` checks the issue
 * form through the intake) does not pay for it.
 */
async function feedParser(): Promise<XMLParser> {
  if (parser) return parser;
  const { XMLParser } = await import("fast-xml-parser");
  parser = new XMLParser(FEED_PARSER_OPTIONS);
  return parser;
}

// Every element that may repeat is always an array, so a one-author paper reads like a ten-author one.
const FEED_PARSER_OPTIONS: ConstructorParameters<typeof XMLParser>[0] = {
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: (name) => ["entry", "author", "link", "category"].includes(name),
  // Ids like 2306.15195 must stay strings; numbers-as-numbers would turn "2306.10000" into 2306.1.
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
};

interface RawEntry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  author?: { name?: unknown }[];
  primary_category?: { "@term"?: unknown }[] | { "@term"?: unknown };
  doi?: unknown;
  journal_ref?: unknown;
}

/** Text of an element: a string, or `#text` when it has attributes. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "#text" in value)
    return String((value as { "#text": unknown })["#text"]);
  return "";
}

/** The abstract unwrapped: lines joined, blank-line paragraphs kept, the whitespace around it dropped. */
export function unwrapAbstract(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n/)
    .map(oneLine)
    .filter((p) => p !== "")
    .join("\n\n");
}

/** "http://arxiv.org/abs/2306.15195v2" → { id: "2306.15195", version: 2 }. */
function idOf(raw: string): { id: string; version?: number } | undefined {
  const written = raw.trim().replace(/^https?:\/\/(?:export\.)?arxiv\.org\/abs\//, "");
  const id = normalizeArxivId(written);
  if (id === undefined) return undefined;
  const version = /v(\d+)$/.exec(written)?.[1];
  return { id, ...(version ? { version: Number(version) } : {}) };
}

function paperOf(entry: RawEntry): ArxivPaper | undefined {
  const ids = idOf(textOf(entry.id));
  // The feed wraps long titles and names with a newline and indentation.
  const title = oneLine(textOf(entry.title));
  // arXiv answers a malformed id with an entry titled "Error" whose id is its API URL: no paper.
  if (!ids || title === "" || title === "Error") return undefined;
  const primary = Array.isArray(entry.primary_category) ? entry.primary_category[0] : entry.primary_category;
  const category = typeof primary?.["@term"] === "string" ? primary["@term"] : undefined;
  const doi = oneLine(textOf(entry.doi));
  const journalRef = oneLine(textOf(entry.journal_ref));
  return {
    ...ids,
    title,
    authors: (entry.author ?? []).map((a) => oneLine(textOf(a.name))).filter((n) => n !== ""),
    published: textOf(entry.published).trim().slice(0, 10),
    abstract: unwrapAbstract(textOf(entry.summary)),
    ...(category ? { primaryCategory: category } : {}),
    ...(doi ? { doi } : {}),
    ...(journalRef ? { journalRef } : {}),
  };
}

/** Parses one answer of the query API. Pure; a body that is not an Atom feed is an error, never a throw. */
export async function parseArxivFeed(xml: string): Promise<FeedResult> {
  const xmlParser = await feedParser();
  let doc: { feed?: { entry?: RawEntry[] } };
  try {
    doc = xmlParser.parse(xml) as typeof doc;
  } catch (error) {
    return {
      ok: false,
      message: `arXiv answered with something that is not XML: ${(error as Error).message}`,
    };
  }
  if (!doc.feed || typeof doc.feed !== "object")
    return { ok: false, message: "arXiv answered without an Atom <feed>" };
  const papers = (doc.feed.entry ?? []).map(paperOf).filter((p): p is ArxivPaper => p !== undefined);
  return { ok: true, papers };
}
