/** Related entries: tf-idf cosine found through capped posting lists, checked against all pairs. */
import { describe, expect, it } from "vitest";
import { computeRelated } from "../../src/site/index.js";
import { isTopicTerm } from "../../src/site/related.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readRealList } from "./helpers/fixture.js";

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
