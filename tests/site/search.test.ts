/** The search index and query options, as the browser uses them (MiniSearch over the CJK-aware tokenizer). */
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import type { PapersFile } from "../../src/records/index.js";
import {
  buildSearchIndex,
  entrySearchText,
  expandSearchIndex,
  indexOptions,
  searchFields,
  type CompactSearchIndex,
  type SearchDocument,
} from "../../src/site/index.js";
import { chineseVariants } from "../../src/site/search/chinese-forms.js";
import { loadSearchIndex } from "../../src/site/search/load.js";
import { RankedSearch } from "../../src/site/search/ranked.js";
import { queryForms } from "../../src/site/search/variants.js";
import { tokenize, tokenizeQuery } from "../../src/site/search/tokenize.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readRealList } from "./helpers/fixture.js";

let data: PapersFile;
let search: RankedSearch<SearchDocument>;
/** The same index with each term looked up alone, as MiniSearch's own `search` does (no script forms). */
let searchAsWritten: RankedSearch<SearchDocument>;

/** Every searched field of a record, as one lowercase text: what a hit must contain. */
const textOf = (e: PapersFile["entries"][number]) =>
  searchFields()
    .map((key) => {
      const value = (e as unknown as Record<string, unknown>)[key];
      return Array.isArray(value) ? value.join(" ") : typeof value === "string" ? value : "";
    })
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();

beforeAll(async () => {
  data = await readRealList();
  const docs = data.entries.map((e) => ({ ...entrySearchText(e), id: e.id }));
  search = loadRanked(docs);
  searchAsWritten = loadRanked(docs, true);
});

/**
 * The index over `docs` as the page loads it (search/load.ts), or, `asWritten`, without the other script's
 * forms: each term looked up alone, as MiniSearch's own `search` does.
 */
function loadRanked(docs: readonly SearchDocument[], asWritten = false): RankedSearch<SearchDocument> {
  const compact = JSON.parse(buildSearchIndex(docs, searchFields())) as CompactSearchIndex;
  return asWritten
    ? RankedSearch.loadJS<SearchDocument>(expandSearchIndex(compact), indexOptions(searchFields()))
    : loadSearchIndex(compact);
}

/** What the page finds for `query`, as a sorted list of ids. */
const ids = (query: string) => search.rankedIds(query).map(String).sort();
const containing = (needle: string) =>
  data.entries
    .filter((e) => textOf(e).includes(needle))
    .map((e) => e.id)
    .sort();

/** The index as MiniSearch itself writes it, terms in code-unit order (ours are; its own follow its tree). */
function miniSearchOwnIndex(docs: readonly SearchDocument[]): unknown {
  const own = new MiniSearch<SearchDocument>(indexOptions(searchFields()));
  own.addAll(docs);
  // Through JSON, as the browser reads it (a missing field's length is an array hole, written as null).
  const json = JSON.parse(JSON.stringify(own)) as ReturnType<typeof own.toJSON>;
  return { ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

describe("buildSearchIndex", () => {
  it("writes, once expanded, what MiniSearch's own addAll serialises, on the real list and on generated records", () => {
    const real = data.entries.map((e) => ({ ...entrySearchText(e), id: e.id }));
    const generated = makeSyntheticList(300).entries.map((e) => ({
      ...entrySearchText(e),
      id: e.id,
    }));
    // A record without a field at all: MiniSearch leaves it out of the lengths and the average.
    const { note: _note, ...withoutNote } = generated[1] as SearchDocument;
    generated[1] = withoutNote as SearchDocument;
    for (const docs of [real, generated]) {
      const compact = JSON.parse(buildSearchIndex(docs, searchFields())) as CompactSearchIndex;
      // Through JSON, as MiniSearch's own is compared.
      const ours: unknown = JSON.parse(JSON.stringify(expandSearchIndex(compact)));
      expect(ours).toEqual(miniSearchOwnIndex(docs));
    }
  });
});

describe("searchFields", () => {
  it("are the anatomy's shown text fields (one-line, Markdown and names) and the arXiv id and DOI", () => {
    expect(searchFields()).toEqual(
      expect.arrayContaining(["title", "authors", "venue", "summary", "abstract", "note", "arxiv", "doi"]),
    );
    expect(searchFields()).not.toContain("url");
    expect(searchFields()).not.toContain("lint-ignore");
  });
});

describe("tokenize", () => {
  it("cuts CJK runs into bigrams (plus the run's last character) and Latin text into lowercase words", () => {
    expect(tokenize("我們微調 GPT-4 模型")).toEqual(["我們", "們微", "微調", "調", "gpt", "4", "模型", "型"]);
    expect(tokenize("ＬＬＭ")).toEqual(["llm"]);
    expect(tokenizeQuery("微調模型")).toEqual(["微調", "調模", "模型"]);
  });
});

describe("search over the real list", () => {
  it('"微調" finds exactly the entries whose 摘要 contains 微調', () => {
    const withSummary = data.entries
      .filter((e) => e.summary?.includes("微調"))
      .map((e) => e.id)
      .sort();
    expect(withSummary.length).toBeGreaterThan(5);
    expect(ids("微調")).toEqual(withSummary);
    expect(ids("微調")).toEqual(containing("微調"));
  });

  it("a longer Chinese phrase finds the texts that contain it", () => {
    for (const phrase of ["語言模型", "多模態", "資料集"])
      expect(ids(phrase), phrase).toEqual(containing(phrase));
  });

  it("a single Chinese character finds every text that contains it", () => {
    expect(ids("貓")).toEqual(containing("貓"));
    expect(ids("圖")).toEqual(containing("圖"));
  });

  it("English words match as prefixes, case-insensitively, all words required", () => {
    const prefix = (p: string) =>
      data.entries.filter((e) => new RegExp(`(?<![\\p{L}\\p{N}])${p}`, "u").test(textOf(e))).map((e) => e.id);
    expect(ids("Segment")).toEqual(prefix("segment").sort());
    expect(ids("diffu")).toEqual(prefix("diffu").sort());
    const both = prefix("language")
      .filter((id) => prefix("model").includes(id))
      .sort();
    expect(ids("language model")).toEqual(both);
    expect(ids("zzzzqx")).toEqual([]);
  });

  it("an arXiv id as a citation gives it finds its entry, and only it", () => {
    const withArxiv = data.entries.filter((e) => e.arxiv);
    expect(withArxiv.length).toBeGreaterThan(10);
    for (const entry of withArxiv) {
      const id = entry.arxiv as string;
      const sameId = withArxiv.filter((e) => e.arxiv === id).map((e) => e.id);
      expect(ids(id), id).toEqual(sameId.sort());
    }
  });
});

describe("a query in either script (Simplified ↔ Traditional Chinese)", () => {
  /** The entries whose text holds any of `forms`. */
  const holdingAny = (...forms: string[]) => [...new Set(forms.flatMap(containing))].sort();

  it("finds in the Traditional list what its Traditional form finds: 微调 finds what 微調 finds", () => {
    for (const [typed, written] of [
      ["微调", "微調"],
      ["语言模型", "語言模型"],
      ["学习", "學習"],
      ["图", "圖"],
    ] as const) {
      expect(containing(written).length, written).toBeGreaterThan(0);
      expect(ids(typed), typed).toEqual(containing(written));
      expect(ids(written), written).toEqual(containing(written));
    }
  });

  it("finds the entries that wrote a word in either script, as the real list has a few Simplified words", () => {
    // The list's 摘要 mostly write 學 and 空間, and a few 学 (科学) and 空间: each form finds both.
    for (const [simplified, traditional] of [
      ["学", "學"],
      ["空间", "空間"],
    ] as const) {
      expect(containing(simplified).length, simplified).toBeGreaterThan(0);
      expect(containing(traditional).length, traditional).toBeGreaterThan(containing(simplified).length);
      const both = holdingAny(simplified, traditional);
      expect(ids(simplified), simplified).toEqual(both);
      expect(ids(traditional), traditional).toEqual(both);
    }
  });

  it("finds both scripts' entries in a mixed list, a document holding both forms once", () => {
    const mixed = loadRanked([
      { id: "trad", title: "微調語言模型" },
      { id: "simp", title: "微调语言模型" },
      { id: "other", title: "強化學習" },
      { id: "both", title: "微調 微调" },
    ]);
    const sorted = (query: string) => mixed.rankedIds(query).map(String).sort();
    expect(sorted("微調")).toEqual(["both", "simp", "trad"]);
    expect(sorted("微调")).toEqual(["both", "simp", "trad"]);
    expect(sorted("语言模型")).toEqual(["simp", "trad"]);
    expect(mixed.rankedIds("强化学习")).toEqual(["other"]);
    // Looked up as written (MiniSearch's own way), a script finds only its own.
    expect(loadRanked([{ id: "t", title: "微調" }], true).rankedIds("微调")).toEqual([]);
    expect(loadRanked([{ id: "t", title: "微調" }]).rankedIds("微调")).toEqual(["t"]);
  });

  it("ships, with the index, only the forms of the characters it holds; none for a list without Chinese", () => {
    expect(chineseVariants(["微調", "模型", "model"])).toEqual({ 调: "調" });
    // 发 stands for both 發 and 髮 (OpenCC's tables, read both ways), in code-unit order.
    expect(chineseVariants(["頭髮", "發現"])).toEqual({ 头: "頭", 发: "發髮", 现: "現" });
    const english = JSON.parse(
      buildSearchIndex([{ id: "a", title: "Diffusion models" }], searchFields()),
    ) as CompactSearchIndex;
    expect(english.variants).toBeUndefined();
    const chinese = JSON.parse(
      buildSearchIndex([{ id: "a", title: "微調" }], searchFields()),
    ) as CompactSearchIndex;
    expect(chinese.variants).toEqual({ 调: "調" });
  });

  it("gives the forms the index holds, the typed one first, and asks the index nothing for a Latin term", () => {
    const asked: string[] = [];
    const holds = (term: string) => {
      asked.push(term);
      return ["微調", "微调", "調"].includes(term);
    };
    expect(queryForms("diffusion", { 调: "調" }, holds)).toEqual(["diffusion"]);
    expect(asked).toEqual([]);
    expect(queryForms("微调", { 调: "調" }, holds)).toEqual(["微调", "微調"]);
    expect(queryForms("调", { 调: "調" }, holds)).toEqual(["調"]);
    // None held: the term as typed, which then finds nothing.
    expect(queryForms("调整", { 调: "調" }, holds)).toEqual(["调整"]);
  });
});

describe("RankedSearch.rankedIds", () => {
  /**
   * Queries made from the records themselves: words and their prefixes, Chinese characters, bigrams and
   * phrases, words from two records at once, and a mix of scripts. A query matching nothing is in too.
   */
  function queriesFrom(entries: readonly PapersFile["entries"][number][]): string[] {
    const queries = new Set(["zzzzqx", "模型", "微調", "a", "language model", "the 模型"]);
    entries.forEach((e, i) => {
      if (i % 3 !== 0) return;
      const words = e.title.toLowerCase().match(/[a-z]{3,}/g) ?? [];
      const han = (e.summary ?? "").match(/\p{Script=Han}{4,}/u)?.[0] ?? "";
      if (words[0]) queries.add(words[0]).add(words[0].slice(0, 3));
      if (words[1]) queries.add(`${words[0]} ${words[1]}`);
      if (han)
        queries
          .add(han.slice(0, 1))
          .add(han.slice(0, 2))
          .add(han.slice(0, 4))
          .add(`${words[0] ?? ""} ${han.slice(1, 3)}`);
      const other = entries[(i * 7 + 3) % entries.length]?.title.toLowerCase().match(/[a-z]{4,}/)?.[0];
      if (other && words[0]) queries.add(`${words[0]} ${other}`);
    });
    return [...queries];
  }

  /**
   * Holds rankedIds to MiniSearch's own search on `ranked`: the same hits, and in MiniSearch's score order,
   * equal scores in record order. Returns how many queries had hits, and how many hits had a tie.
   */
  function expectSameAsSearch(
    ranked: RankedSearch<SearchDocument>,
    order: readonly string[],
    queries: readonly string[],
  ) {
    const position = new Map(order.map((id, i) => [id, i]));
    let withHits = 0;
    let tied = 0;
    for (const query of queries) {
      const own = ranked.search(query);
      const score = new Map(own.map((r) => [String(r.id), r.score]));
      const ours = ranked.rankedIds(query).map(String);
      expect([...ours].sort(), query).toEqual([...score.keys()].sort());
      for (let i = 1; i < ours.length; i++) {
        const [a, b] = [ours[i - 1] as string, ours[i] as string];
        const [sa, sb] = [score.get(a) as number, score.get(b) as number];
        expect(sa >= sb, `${query}: ${a} (${sa}) before ${b} (${sb})`).toBe(true);
        if (sa === sb) {
          tied++;
          expect((position.get(a) as number) < (position.get(b) as number), `${query}: tie order`).toBe(true);
        }
      }
      if (ours.length > 0) withHits++;
    }
    return { withHits, tied };
  }

  it("finds what MiniSearch's search finds, in its order, on the real list", () => {
    const queries = queriesFrom(data.entries);
    const { withHits } = expectSameAsSearch(
      searchAsWritten,
      data.entries.map((e) => e.id),
      queries,
    );
    expect(queries.length).toBeGreaterThan(60);
    expect(withHits).toBeGreaterThan(40);
  });

  it("does the same on generated records where whole words match hundreds, with many equal scores", () => {
    const list = makeSyntheticList(600);
    const docs = list.entries.map((e) => ({ ...entrySearchText(e), id: e.id }));
    const { withHits, tied } = expectSameAsSearch(
      loadRanked(docs, true),
      list.entries.map((e) => e.id),
      queriesFrom(list.entries),
    );
    expect(withHits).toBeGreaterThan(100);
    expect(tied).toBeGreaterThan(0);
  });

  it("answers the same query the same way twice (its scratch arrays are reset), and nothing for no terms", () => {
    const first = search.rankedIds("model");
    search.rankedIds("語言 data");
    expect(search.rankedIds("model")).toEqual(first);
    expect(search.rankedIds("  ,. ")).toEqual([]);
  });

  it("follows documents added and removed after a search", () => {
    const docs = makeSyntheticList(40).entries.map((e) => ({
      ...entrySearchText(e),
      id: e.id,
    }));
    const ranked = loadRanked(docs.slice(0, 30), true);
    const order = docs.map((d) => d.id);
    const same = (queries: string[]) => expectSameAsSearch(ranked, order, queries);
    same(["dataset", "模型"]);
    ranked.addAll(docs.slice(30));
    same(["dataset", "模型", "diffu"]);
    expect(ranked.rankedIds("dataset").some((id) => docs.slice(30).some((d) => d.id === id))).toBe(true);
    ranked.remove(docs[31] as SearchDocument);
    same(["dataset", "模型"]);
    expect(ranked.rankedIds("dataset")).not.toContain(docs[31]?.id);
  });

  it("refuses options it does not implement rather than answering differently", () => {
    const docs = data.entries.map((e) => ({ ...entrySearchText(e), id: e.id }));
    const compact = JSON.parse(buildSearchIndex(docs, searchFields())) as CompactSearchIndex;
    const options = indexOptions(searchFields());
    const fuzzy = RankedSearch.loadJS<SearchDocument>(expandSearchIndex(compact), {
      ...options,
      searchOptions: { ...options.searchOptions, fuzzy: 0.2 },
    });
    expect(() => fuzzy.rankedIds("model")).toThrow(/fuzzy/);
    const or = RankedSearch.loadJS<SearchDocument>(expandSearchIndex(compact), {
      ...options,
      searchOptions: { ...options.searchOptions, combineWith: "OR" },
    });
    expect(() => or.rankedIds("model")).toThrow(/AND/);
  });
});
