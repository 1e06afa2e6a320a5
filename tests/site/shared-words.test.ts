/** Shared terms shown as whole Chinese words (ICU's word segmenter), not as bigram fragments. */
import { describe, expect, it, vi } from "vitest";
import type { SiteEntry } from "../../src/site/entry-view.js";
import { relatedViews } from "../../src/site/pages.js";
import { asWholeWords } from "../../src/site/shared-words.js";
import { buildFixtureSite, fileText, readRealList } from "./helpers/fixture.js";

/** `inBoth` for two entries' texts. */
const inBothOf = (mine: string, theirs: string) => (term: string) =>
  mine.includes(term) && theirs.includes(term);

describe("asWholeWords", () => {
  it("widens a word cut short to the words it touches, when both entries hold them", () => {
    const mine = "本文使用擴散模型修復圖像。";
    expect(asWholeWords(["擴散模"], [mine], inBothOf(mine, "基於擴散模型的生成"))).toEqual(["擴散模型"]);
    const chameleon = "它提升了推理能力，也用於特定任務。";
    expect(
      asWholeWords(["理能", "定任"], [chameleon], inBothOf(chameleon, "推理能力與特定任務的評估")),
    ).toEqual(["推理能力", "特定任務"]);
  });

  it("drops the seam of two words, and a widening that holds grammar", () => {
    const mine = "我們提出一種基於擴散的方法。";
    // 一種|基於: widened it is 一種基於, which holds 一 and 於; 種基 is no word of its own.
    expect(asWholeWords(["種基", "擴散"], [mine], inBothOf(mine, mine))).toEqual(["擴散"]);
  });

  it("keeps a word that is whole on its own when the wider form is not shared", () => {
    const mine = "這是社會科學的研究。";
    // 社會科學 is one segment here, but the other entry says only 社會.
    expect(asWholeWords(["社會"], [mine], inBothOf(mine, "社會與網絡"))).toEqual(["社會"]);
  });

  it("keeps a term that the segmenter glued a particle to (機器|人的)", () => {
    const mine = "機器人的模擬到真實遷移";
    expect(asWholeWords(["機器人"], [mine], inBothOf(mine, "聊天機器人"))).toEqual(["機器人"]);
  });

  it("looks past a place where the dictionary cuts wrongly to one where the term is whole", () => {
    // ICU cuts 權重子集 as 權|重子|集, and 權重更新 as 權|重|更新.
    const mine = "刪除網絡權重子集的方法，不需要權重更新";
    expect(asWholeWords(["權重"], [mine], inBothOf(mine, "權重共享"))).toEqual(["權重"]);
  });

  it("leaves other scripts, and terms not in the texts, as they are, in their order", () => {
    const mine = "本文使用擴散模型。";
    expect(asWholeWords(["llm", "擴散模", "模態"], [mine], inBothOf(mine, mine))).toEqual([
      "llm",
      "擴散模型",
      "模態",
    ]);
  });

  it("drops a term inside another shown one", () => {
    const mine = "本文使用擴散模型。";
    expect(asWholeWords(["擴散模", "擴散"], [mine], inBothOf(mine, mine))).toEqual(["擴散模型"]);
  });
});

describe("relatedViews", () => {
  const entry = (id: string, summary: string) =>
    ({ id, title: id, abstract: "", summary }) as unknown as SiteEntry;
  const a = entry("a", "我們使用擴散模型修復圖像。");
  const b = entry("b", "基於擴散模型的圖像生成。");
  const related = [{ id: "b", score: 0.5, sharedTerms: ["擴散模"] }];

  it("shows whole words only when asked to (lists up to WHOLE_WORDS_UP_TO records)", () => {
    const byId = new Map([
      ["a", a],
      ["b", b],
    ]);
    expect(relatedViews(a, related, byId, true)[0]?.sharedText).toBe("擴散模型");
    expect(relatedViews(a, related, byId, false)[0]?.sharedText).toBe("擴散模");
  });
});

describe("the real list's entry pages", () => {
  it("show shared terms as words, not bigram fragments", async () => {
    const files = await buildFixtureSite(await readRealList());
    const shown = files
      .filter((f) => /^p\/[^/]+\/index\.html$/.test(f.path))
      .flatMap((f) => [...fileText(files, f.path).matchAll(/shares: ([^<]*)</g)])
      .flatMap((m) => (m[1] ?? "").split(", "));
    expect(shown.length).toBeGreaterThan(100);
    // Fragments the bigrams showed before (of 擴散模型, 推理能力, 語言處理, 數據管理, 一種基於).
    for (const fragment of ["擴散模", "理能", "言處", "據管理", "種基"])
      expect(shown).not.toContain(fragment);
    for (const word of ["擴散模型", "推理能力", "語言處理", "數據管理"]) expect(shown).toContain(word);
  });
});

describe("without a Chinese word dictionary", () => {
  it("shows the terms as they are, as whole characters (a Node with ICU's small data)", async () => {
    class CharacterSegmenter {
      *segment(text: string) {
        for (let index = 0; index < text.length; index++) yield { segment: text.charAt(index), index };
      }
    }
    vi.resetModules();
    vi.stubGlobal("Intl", { ...Intl, Segmenter: CharacterSegmenter });
    try {
      const { asWholeWords: fresh } = await import("../../src/site/shared-words.js");
      const mine = "我們提出一種基於擴散模型的方法。";
      expect(fresh(["種基", "擴散模"], [mine], () => true)).toEqual(["種基", "擴散模"]);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
