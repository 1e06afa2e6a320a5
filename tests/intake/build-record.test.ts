import { describe, expect, it } from "vitest";
import type { IssueAnswers } from "../../src/intake/body.js";
import { buildRecord, type BuildContext } from "../../src/intake/build-record.js";
import { fixtureData, fixtureForm, NOW, VALID_ANSWERS } from "./helpers.js";

function context(): BuildContext {
  const data = fixtureData();
  return {
    form: fixtureForm(),
    categories: data.categories,
    existingIds: new Set(data.entries.map((e) => e.id)),
    now: NOW,
  };
}

const build = (answers: IssueAnswers) => buildRecord({ ...VALID_ANSWERS, ...answers }, context());

describe("buildRecord", () => {
  it("builds a schema-shaped entry with an id from the title and added = today", () => {
    expect(build({})).toEqual({
      ok: true,
      warnings: [],
      fromArxiv: [],
      entry: {
        id: "lisa",
        title: "LISA: Reasoning Segmentation via Large Language Model",
        url: "https://arxiv.org/abs/2308.00692",
        kind: "paper",
        category: "segment-anything",
        date: "2023-08-01",
        venue: "CVPR 2024",
        arxiv: "2308.00692",
        repos: [{ url: "https://github.com/dvlab-research/LISA" }],
        summary: "推理分割：給定複雜的查詢文字，輸出分割遮罩。",
        added: "2026-03-15",
      },
    });
  });

  it("makes the id differ from existing entry ids", () => {
    const result = build({ title: "Shikra: A Second Paper With The Same Name" });
    expect(result.ok && result.entry.id).toBe("shikra-2");
  });

  it("takes the kind from the dropdown text and images with a width", () => {
    const result = build({ kind: "資料集 / dataset", image: "https://x.org/fig.png 50%" });
    expect(result).toMatchObject({
      ok: true,
      entry: { kind: "dataset", images: [{ url: "https://x.org/fig.png", width: "50%" }] },
    });
  });

  it("reports every problem at once, per field, with the form's bilingual label", () => {
    const result = build({
      title: "",
      url: "arxiv.org/abs/2308.00692",
      date: "2023年13月",
      category: "Cooking [food]",
      links: "https://no-label.example",
      arxiv: "2306.1",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.field, e.label, e.message])).toEqual([
      ["title", "標題 / Title", "This field is required but was left empty."],
      ["url", "連結 / Link", 'The link "arxiv.org/abs/2308.00692" is not an http(s) URL.'],
      ["arxiv", "arXiv ID", '"2306.1" is not an arXiv id.'],
      ["date", "日期 / Date", "There is no month 13."],
      [
        "category",
        "分類 / Category",
        '"Cooking [food]" is not a category of the list (no category has the id "food").',
      ],
      ["links", "其他連結 / Other links", "Line 1 has no label."],
    ]);
    // Each says it in Chinese first too, and how to fix it.
    for (const e of result.ok ? [] : result.errors) {
      expect(e.zh).toMatch(/[\u4E00-\u9FFF]/);
      expect(e.hintZh).toMatch(/[\u4E00-\u9FFF]/);
      expect(e.hint.length).toBeGreaterThan(0);
    }
    const date = result.ok ? undefined : result.errors.find((e) => e.field === "date");
    expect(date).toMatchObject({
      zh: "沒有 13 月。",
      hint: "Write it as 2023-06-27, 2023/6/27, 2023年6月27日, 2023-06 or 2023.",
    });
  });

  it("refuses an arXiv id that contradicts the link", () => {
    const result = build({ arxiv: "2306.15195" });
    expect(!result.ok && result.errors[0]?.message).toBe(
      "The arXiv id 2306.15195 differs from the one in the link (2308.00692).",
    );
  });

  it("leaves optional fields out when they are empty", () => {
    const result = buildRecord(
      {
        title: "Only a Title",
        url: "https://example.org/paper",
        kind: "",
        category: "segment-anything [segment-anything]",
      },
      context(),
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      fromArxiv: [],
      entry: {
        id: "only-a-title",
        title: "Only a Title",
        url: "https://example.org/paper",
        kind: "paper",
        category: "segment-anything",
        added: "2026-03-15",
      },
    });
  });
});
