/** feed.xml, papers.bib and papers.json read back with real parsers, not string matching. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { PapersFile } from "../../src/records/index.js";
import { bundleSiteAssets } from "../../scripts/site-assets.js";
import { buildSite, readSiteTemplates, type SiteFile } from "../../src/site/index.js";
import {
  HOSTILE_ID,
  REPO,
  SITE_OPTIONS,
  buildFixtureSite,
  fileText,
  readSiteFixture,
} from "./helpers/fixture.js";

type Entry = PapersFile["entries"][number];

let data: PapersFile;
let files: SiteFile[];

beforeAll(async () => {
  data = await readSiteFixture();
  files = await buildFixtureSite(data);
});

describe("feed.xml", () => {
  it("is Atom with the added entries, newest first, linking to their permalinks", () => {
    const feed = parseFeed(fileText(files, "feed.xml"));
    const added = data.entries
      .filter((e) => e.added)
      .sort((a, b) => (b.added ?? "").localeCompare(a.added ?? ""));
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("papershelf 論文書架");
    expect(feed.items.map((i) => i.title)).toEqual(added.map((e) => e.title));
    expect(feed.items[0]?.url).toBe(`p/${HOSTILE_ID}/`);
    expect(feed.items.map((i) => i.updated?.toISOString().slice(0, 10))).toEqual(added.map((e) => e.added));
    const withAuthors = feed.items.find((i) => i.id === `urn:papershelf:entry:${data.entries[0]?.id}`);
    expect(withAuthors?.authors.map((a) => a.name)).toEqual(["Ada Lovelace", "Grace {Hopper} & Co 0"]);
  });
});

/** The fixture site built with `site.url` set, as the CLI passes it from .papershelf.yml. */
async function buildSiteAt(url: string, list: PapersFile): Promise<SiteFile[]> {
  const templates = await readSiteTemplates(path.join(REPO, "templates"), async (p) =>
    readFile(p, "utf8").catch(() => undefined),
  );
  if (!templates.ok) throw new Error(templates.errors.map((e) => e.message).join("\n"));
  const result = buildSite(list, templates.templates, await bundleSiteAssets(), { ...SITE_OPTIONS, url });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.files;
}

/** The feed's own <id> (the parser reads the entries' ids, not the feed's). */
function feedId(xml: string): string | undefined {
  return /^ {2}<id>([^<]*)<\/id>$/m.exec(xml)?.[1];
}

describe("feed.xml ids", () => {
  it("are the site's URLs when it has one: unique to the list, and the same in every build", async () => {
    const url = "https://owner.github.io/list/";
    const xml = fileText(await buildSiteAt(url, data), "feed.xml");
    const ids = parseFeed(xml).items.map((i) => i.id);
    expect(feedId(xml)).toBe(`${url}feed.xml`);
    expect(ids[0]).toBe(`${url}p/${HOSTILE_ID}/`);
    expect(ids.every((id) => id?.startsWith(`${url}p/`))).toBe(true);
    // A fork published elsewhere shares no id with it.
    const fork = fileText(await buildSiteAt("https://fork.example/list/", data), "feed.xml");
    expect(parseFeed(fork).items.some((i) => ids.includes(i.id))).toBe(false);
    // An entry keeps its id when the list changes around it.
    const fewer = { ...data, entries: data.entries.slice(2) };
    const later = parseFeed(fileText(await buildSiteAt(url, fewer), "feed.xml")).items.map((i) => i.id);
    expect(later).toEqual(ids.filter((id) => later.includes(id)));
    expect(later).toContain(`${url}p/${HOSTILE_ID}/`);
  });

  it("stay URNs of the record ids without the site's URL", () => {
    const xml = fileText(files, "feed.xml");
    expect(feedId(xml)).toBe("urn:papershelf:feed");
    expect(parseFeed(xml).items[0]?.id).toBe(`urn:papershelf:entry:${HOSTILE_ID}`);
  });
});

describe("feed.xml content", () => {
  it("is the abstract rendered as on the entry page, Markdown and all, and sanitised", async () => {
    const [first, ...rest] = data.entries as [Entry, ...Entry[]];
    const { summary: _summary, ...noSummary } = first;
    const abstract =
      "We use **LoRA** & co <script>alert(1)</script>; code on [GitHub](https://github.com/o/r).";
    const odd = { ...data, entries: [{ ...noSummary, abstract }, ...rest] };
    const site = await buildFixtureSite(odd);
    const item = parseFeed(fileText(site, "feed.xml")).items.find((i) => i.id?.endsWith(first.id));
    const content = item?.content ?? "";
    expect(content).toContain("<strong>LoRA</strong>");
    expect(content).toContain('<a href="https://github.com/o/r"');
    expect(content).not.toContain("**");
    expect(content).not.toContain("<script");
    // The same HTML as the entry page's abstract section.
    expect(fileText(site, `p/${first.id}/index.html`)).toContain(content);
  });
});

describe("feed.xml with characters XML forbids", () => {
  it("drops U+FFFE and U+FFFF, which no XML 1.0 document may hold", async () => {
    const [first, ...rest] = data.entries as [Entry, ...Entry[]];
    const title = "Noncharacters \uFFFEin\uFFFF a title";
    const odd = { ...data, entries: [{ ...first, title, authors: ["Ada\uFFFF Lovelace"] }, ...rest] };
    const xml = fileText(await buildFixtureSite(odd), "feed.xml");
    // XML 1.0's Char production. The feed parser reads these characters without complaint; expat and
    // libxml2 reject the whole file as not well-formed.
    const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
    expect(xml.match(notXmlChar)).toBeNull();
    const item = parseFeed(xml).items.find((i) => i.id?.endsWith(first.id));
    expect(item?.title).toBe("Noncharacters in a title");
    expect(item?.authors.map((a) => a.name)).toEqual(["Ada Lovelace"]);
  });
});

describe("papers.bib", () => {
  it("has one entry per record, keyed by id, with title, arXiv id, DOI and venue", () => {
    // Titles as written: BibTeX styles may re-case them, the parser need not.
    const bib = parseBibtex(fileText(files, "papers.bib"), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.key)).toEqual(data.entries.map((e) => e.id));
    for (const [i, record] of data.entries.entries()) {
      const entry = bib.entries[i];
      expect(entry?.fields.title).toBe(record.title.replace(/\s+/g, " ").trim());
      expect(entry?.fields.eprint).toBe(record.arxiv);
      expect(entry?.fields.doi).toBe(record.doi);
      expect(entry?.fields.booktitle ?? entry?.fields.howpublished).toBe(record.venue);
      if (record.date) expect(entry?.fields.year).toBe(record.date.slice(0, 4));
    }
    // Authors survive as names (LaTeX specials in them included), in order.
    const names = bib.entries[0]?.fields.author?.map((a) => `${a.firstName} ${a.lastName}`);
    expect(names).toEqual(["Ada Lovelace", "Grace {Hopper} & Co 0"]);
  });

  it('keeps a name with the word "and" in it one author', async () => {
    const [first, ...rest] = data.entries as [Entry, ...Entry[]];
    const authors = [
      "Research and Development Team",
      "Ada Lovelace",
      "Q&A AND Co",
      "and Sons",
      "Band Anderson",
    ];
    const odd = { ...data, entries: [{ ...first, authors }, ...rest] };
    const bib = parseBibtex(fileText(await buildFixtureSite(odd), "papers.bib"), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    const names = bib.entries[0]?.fields.author?.map(
      (a) => a.name ?? [a.firstName, a.lastName].filter(Boolean).join(" "),
    );
    // A name without "and" as a word is still a person's, read as first and last name.
    expect(names).toEqual(authors);
    expect(bib.entries[0]?.fields.author?.[4]).toMatchObject({ firstName: "Band", lastName: "Anderson" });
  });

  it("reads a name with Jr., Sr. or III as its family name, suffix and given names, however it is written", async () => {
    const [first, ...rest] = data.entries as [Entry, ...Entry[]];
    const authors = [
      "Martin Luther King, Jr.",
      "Martin Luther King Jr.",
      "King, Martin Luther, Jr.",
      "Ludwig van Beethoven III",
      "Grace Hopper",
      "Sr.",
    ];
    const odd = { ...data, entries: [{ ...first, authors }, ...rest] };
    const bib = parseBibtex(fileText(await buildFixtureSite(odd), "papers.bib"), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    const read = bib.entries[0]?.fields.author?.map((a) => [a.prefix, a.lastName, a.suffix, a.firstName]);
    const king = [undefined, "King", "Jr.", "Martin Luther"];
    expect(read).toEqual([
      king,
      king,
      king,
      ["van", "Beethoven", "III", "Ludwig"],
      [undefined, "Hopper", undefined, "Grace"],
      // A suffix alone is not a name with one: it stays as written.
      [undefined, "Sr.", undefined, undefined],
    ]);
  });

  it("writes URLs and DOIs as they are, LaTeX specials and all, so the link still works", async () => {
    // Each character below is one escapeBibtex turns into LaTeX, which a verbatim field would keep as text.
    const url = "https://example.org/a_b/x--y?q=1&r=50%25~z#top^";
    const doi = "10.1002/(sici)1097-4636_a&b%~c--d";
    const [first, second, ...rest] = data.entries;
    if (!first || !second) throw new Error("the fixture has entries");
    const odd = {
      ...data,
      entries: [
        { ...first, url, doi, title: "Fine_tuning & co -- 100%" },
        // Braces and backslashes are what a braced value cannot hold as written: they come percent-encoded.
        { ...second, url: "https://example.org/{a}/b\\c}", doi: "10.1000/x{y" },
        ...rest,
      ],
    };
    const bibText = fileText(await buildFixtureSite(odd), "papers.bib");
    const bib = parseBibtex(bibText, { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.key)).toEqual(odd.entries.map((e) => e.id));
    expect(bib.entries[0]?.fields.url).toBe(url);
    expect(bib.entries[0]?.fields.doi).toBe(doi);
    // Other fields are still LaTeX-escaped, and read back as written.
    expect(bib.entries[0]?.fields.title).toBe("Fine_tuning & co -- 100%");
    expect(bibText).toContain("title = {{Fine\\_tuning \\& co -{}- 100\\%}}");
    expect(bib.entries[1]?.fields.url).toBe("https://example.org/%7Ba%7D/b%5Cc%7D");
    expect(bib.entries[1]?.fields.doi).toBe("10.1000/x%7By");
    // Every record's URL reaches papers.bib as written (the hostile record's `&` and `<x>` included).
    const plain = parseBibtex(fileText(files, "papers.bib"), { sentenceCase: false });
    expect(plain.entries.map((e) => e.fields.url)).toEqual(data.entries.map((e) => e.url));
  });

  it("keeps an unmatched brace in a title inside its entry, and the entries after it whole", async () => {
    const [first, second, ...rest] = data.entries as [Entry, Entry, ...Entry[]];
    const odd = { ...data, entries: [{ ...first, title: "Sets a, b}} of {x" }, second, ...rest] };
    const bibText = fileText(await buildFixtureSite(odd), "papers.bib");
    // BibTeX itself ends a braced value by counting braces, an escaped \{ included (this parser does not),
    // so every line of the file must balance when counted that way.
    for (const line of bibText.split("\n").filter((l) => /^ {2}\w+ = \{/.test(l))) {
      let depth = 0;
      for (const c of line) {
        depth += c === "{" ? 1 : c === "}" ? -1 : 0;
        expect(depth, line).toBeGreaterThanOrEqual(0);
      }
      expect(depth, line).toBe(0);
    }
    const bib = parseBibtex(bibText, { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.key)).toEqual(odd.entries.map((e) => e.id));
    expect(bib.entries[0]?.fields.title).toBe("Sets a, b}} of {x");
    expect(bib.entries[1]?.fields.title).toBe(second.title);
  });

  it("gives a record without a date the year its venue names, else its arXiv id's; a journal paper is an @article, a preprint @misc", async () => {
    const [first, ...rest] = data.entries as [Entry, ...Entry[]];
    const { date: _date, doi: _doi, ...undated } = first;
    const cases = [
      { ...undated, id: "arcface", kind: "paper" as const, venue: "CVPR 2019", arxiv: "1801.07698" },
      { ...undated, id: "sample-factory", kind: "paper" as const, venue: "ICML2020", arxiv: "2006.11751" },
      { ...undated, id: "llama", kind: "paper" as const, venue: "arXiv 2023", arxiv: "2302.13971" },
      { ...undated, id: "verify", kind: "paper" as const, venue: "Preprint", arxiv: "2305.20050" },
      { ...first, id: "dated", kind: "paper" as const, venue: "ACL", date: "2021-06" },
      { ...undated, id: "in-tpami", kind: "paper" as const, venue: "TPAMI 2022", arxiv: "2101.00001" },
      {
        ...undated,
        id: "in-jmlr",
        kind: "paper" as const,
        venue: "Journal of Machine Learning Research",
        arxiv: "1906.00002",
      },
      {
        ...undated,
        id: "in-trans",
        kind: "paper" as const,
        venue: "IEEE Transactions on Image Processing 2021",
      },
      { ...undated, id: "in-findings", kind: "paper" as const, venue: "Findings of ACL 2023" },
      { ...undated, id: "a-dataset", kind: "dataset" as const, venue: "Nature 2020" },
    ];
    const odd = { ...data, entries: [...cases, ...rest] };
    const bib = parseBibtex(fileText(await buildFixtureSite(odd), "papers.bib"), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    const shown = bib.entries.slice(0, cases.length).map((e) => ({
      key: e.key,
      type: e.type,
      year: e.fields.year,
      month: e.fields.month,
      booktitle: e.fields.booktitle,
      journal: e.fields.journal,
    }));
    const none = { month: undefined, booktitle: undefined, journal: undefined };
    expect(shown).toEqual([
      { ...none, key: "arcface", type: "inproceedings", year: "2019", booktitle: "CVPR 2019" },
      { ...none, key: "sample-factory", type: "inproceedings", year: "2020", booktitle: "ICML2020" },
      { ...none, key: "llama", type: "misc", year: "2023" },
      { ...none, key: "verify", type: "misc", year: "2023" },
      // The month as BibTeX's macro, which the parser reads as the month's number.
      { ...none, key: "dated", type: "inproceedings", year: "2021", month: "6", booktitle: "ACL" },
      // A journal's paper is an @article, its venue the journal; a conference's "Findings" stay proceedings.
      { ...none, key: "in-tpami", type: "article", year: "2022", journal: "TPAMI 2022" },
      {
        ...none,
        key: "in-jmlr",
        type: "article",
        year: "2019",
        journal: "Journal of Machine Learning Research",
      },
      {
        ...none,
        key: "in-trans",
        type: "article",
        year: "2021",
        journal: "IEEE Transactions on Image Processing 2021",
      },
      { ...none, key: "in-findings", type: "inproceedings", year: "2023", booktitle: "Findings of ACL 2023" },
      // Only a paper is cited as published at its venue.
      { ...none, key: "a-dataset", type: "misc", year: "2020" },
    ]);
    const text = fileText(await buildFixtureSite(odd), "papers.bib");
    expect(text).toContain("  month = jun,\n");
  });

  it("keeps its keys when the list changes around an entry", async () => {
    const fewer = { ...data, entries: data.entries.slice(3) };
    const again = parseBibtex(fileText(await buildFixtureSite(fewer), "papers.bib"));
    expect(again.entries.map((e) => e.key)).toEqual(fewer.entries.map((e) => e.id));
  });
});

describe("papers.json", () => {
  it("holds the records and validates against the schema it links", () => {
    const json = JSON.parse(fileText(files, "papers.json")) as Record<string, unknown>;
    const schema = JSON.parse(fileText(files, json.$schema as string)) as object;
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const { $schema: _link, ...records } = json;
    expect(records).toEqual(JSON.parse(JSON.stringify(data)));
    const clean = {
      ...json,
      entries: (json.entries as Record<string, unknown>[]).map(({ authors: _a, abstract: _b, ...e }) => e),
    };
    expect(validate(clean), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...clean, entries: [{ id: "x" }] })).toBe(false);
  });
});
