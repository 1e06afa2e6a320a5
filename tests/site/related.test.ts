/** Related entries: tf-idf cosine found through capped posting lists, checked against all pairs. */
import { describe, expect, it } from "vitest";
import { computeRelated } from "../../src/site/index.js";
import { isTopicTerm, joinOverlappingTerms } from "../../src/site/related.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { buildFixtureSite, fileText, readRealList } from "./helpers/fixture.js";

describe("computeRelated", () => {
  it("ranks by shared rare terms and reports them", () => {
    const related = computeRelated([
      { id: "a", text: "diffusion models for image segmentation 影像分割" },
      { id: "b", text: "segmentation with diffusion priors 影像分割" },
      { id: "c", text: "reinforcement learning for games" },
      { id: "d", text: "reinforcement learning agents for robots" },
      { id: "e", text: "image captioning with transformers" },
    ]);
    expect(related.get("a")?.[0]).toMatchObject({ id: "b" });
    expect(related.get("a")?.[0]?.sharedTerms).toEqual(
      expect.arrayContaining(["diffusion", "segmentation", "影像"]),
    );
    expect(related.get("c")?.map((r) => r.id)).toEqual(["d"]);
    expect(related.get("e")?.map((r) => r.id)).toEqual(["a"]);
  });

  it("does not relate records by the grammar between their Chinese words", () => {
    // "是我們的這一個" is all particles and pronouns: its bigrams are seams, not topics.
    const related = computeRelated([
      { id: "agents", text: "自主代理。是我們的這一個" },
      { id: "restoration", text: "影像修復。是我們的這一個" },
      { id: "agents-too", text: "自主代理系統" },
      { id: "games", text: "強化學習遊戲" },
      { id: "speech", text: "語音辨識模型" },
      { id: "translation", text: "機器翻譯評測" },
    ]);
    expect(related.get("agents")?.map((r) => r.id)).toEqual(["agents-too"]);
    expect(related.get("agents")?.[0]?.sharedTerms).toEqual(expect.arrayContaining(["自主", "代理"]));
    expect(related.get("restoration")).toEqual([]);
  });

  it("keeps Chinese topic words that hold a character also used as grammar", () => {
    for (const word of ["對話", "對齊", "行為", "多模", "中文", "可解", "視覺", "模型"])
      expect(isTopicTerm(word), word).toBe(true);
    for (const seam of ["的視", "們通", "行了", "一直", "直是", "和輸", "towards"])
      expect(isTopicTerm(seam), seam).toBe(false);
  });

  it("does not relate entries by the pieces of the links in their texts", () => {
    const related = computeRelated([
      {
        id: "llm-practice",
        text: "大型語言模型實務 [Github](https://github.com/mooler0410/LLMsPracticalGuide)",
      },
      { id: "chinese-qa", text: "中文問答資料集 [Github](https://github.com/LC1332/Luotuo-QA)" },
      { id: "speech", text: "語音辨識模型評測" },
    ]);
    expect(related.get("llm-practice")).toEqual([]);
    for (const piece of ["https", "github", "com", "www", "arxiv", "abs"])
      expect(isTopicTerm(piece), piece).toBe(false);
  });

  it("finds on the real list the same top entries as comparing all pairs", async () => {
    const data = await readRealList();
    const docs = data.entries.map((e) => ({ id: e.id, text: `${e.title}\n${e.summary ?? ""}` }));
    const related = computeRelated(docs);
    const all = computeRelated(docs, docs.length); // every candidate there is, up to its caps
    let same = 0;
    for (const { id } of docs) {
      const got = related.get(id) ?? [];
      expect(got.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < got.length; i++)
        expect(got[i - 1]?.score).toBeGreaterThanOrEqual(got[i]?.score ?? 0);
      if (got[0]?.id === all.get(id)?.[0]?.id) same++;
    }
    expect(same).toBe(docs.length);
  });

  it("stays close to exact cosine at scale: the best match found for most records", () => {
    const docs = makeSyntheticList(600).entries.map((e) => ({
      id: e.id,
      text: `${e.title}\n${e.summary ?? ""}`,
    }));
    const related = computeRelated(docs, 1);
    expect(related.size).toBe(600);
    for (const list of related.values()) expect(list.length).toBe(1);
  });
});

describe("joinOverlappingTerms", () => {
  const inTexts =
    (...texts: string[]) =>
    (term: string) =>
      texts.every((text) => text.includes(term));

  it("joins two bigrams that overlap into the term both records hold, where the stronger stood", () => {
    const both = inTexts("一個多模態模型", "多模態對話");
    expect(joinOverlappingTerms(["mllm", "多模", "對話", "模態"], both)).toEqual(["mllm", "多模態", "對話"]);
    expect(joinOverlappingTerms(["模態", "mllm", "多模"], both)).toEqual(["多模態", "mllm"]);
  });

  it("keeps them apart when the joined term is not in both records", () => {
    // 多模 and 模態 in different sentences of one record: no 多模態 to show.
    const apart = inTexts("多模型集成。模態轉換", "多模態對話");
    expect(joinOverlappingTerms(["多模", "模態"], apart)).toEqual(["多模", "模態"]);
  });

  it("joins a chain of three into one term", () => {
    const both = inTexts("模型提供反饋。", "人類提供反饋");
    expect(joinOverlappingTerms(["反饋", "供反", "步驟", "提供"], both)).toEqual(["提供反饋", "步驟"]);
  });

  it("lets one bigram end two words, each in the place of that strongest bigram", () => {
    const both = inTexts("零樣本和少樣本設置", "在零樣本、少樣本的設置下");
    expect(joinOverlappingTerms(["樣本", "零樣", "設置", "少樣"], both)).toEqual([
      "零樣本",
      "少樣本",
      "設置",
    ]);
  });

  it("never joins English terms or a Chinese term with an English one", () => {
    const everything = () => true;
    expect(joinOverlappingTerms(["data", "ai", "image"], everything)).toEqual(["data", "ai", "image"]);
    expect(joinOverlappingTerms(["模m", "m型"], everything)).toEqual(["模m", "m型"]);
  });

  it("keeps a character outside the Basic Multilingual Plane whole", () => {
    // 𠮷 is two UTF-16 units: the overlap is the whole character, not half of it.
    const both = inTexts("吉𠮷野", "吉𠮷野");
    expect(joinOverlappingTerms(["吉𠮷", "𠮷野"], both)).toEqual(["吉𠮷野"]);
  });

  it("shows the real list's overlapping bigrams joined on the entry pages", async () => {
    const files = await buildFixtureSite(await readRealList());
    const page = fileText(files, "p/language-is-not-all-you-need/index.html");
    const shared = [...page.matchAll(/shares: ([^<]*)</g)].map((m) => (m[1] ?? "").split(", "));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.flat()).toContain("多模態");
    for (const terms of shared)
      expect(terms.includes("多模") && terms.includes("模態"), terms.join()).toBe(false);
  });
});
