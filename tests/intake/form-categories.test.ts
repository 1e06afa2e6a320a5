import { describe, expect, it } from "vitest";
import { categoryIdFromOption, categoryOptions, renderIssueForm } from "../../src/intake/form-categories.js";
import { parseIssueForm } from "../../src/intake/form.js";
import type { Category } from "../../src/records/schema.js";
import { committedForm, fixtureData } from "./helpers.js";

const categories: Category[] = [
  {
    id: "multimodal",
    title: "Multimodal",
    children: [
      { id: "image-to-text", title: "圖片理解(Image-to-text等等)" },
      { id: "survey-multimodal", title: "Survey, part 2" },
    ],
  },
  { id: "survey", title: "Survey Paper", children: [{ id: "survey-mm", title: "Multimodal" }] },
  { id: "spaces", title: "科学空间|Scientific Spaces議題" },
];

describe("categoryOptions", () => {
  it("offers each leaf as 'Top › Sub [id]' in display order, with ASCII commas made full-width", () => {
    expect(categoryOptions(categories).map((o) => o.text)).toEqual([
      "Multimodal › 圖片理解(Image-to-text等等) [image-to-text]",
      "Multimodal › Survey， part 2 [survey-multimodal]",
      "Survey Paper › Multimodal [survey-mm]",
      "科学空间|Scientific Spaces議題 [spaces]",
    ]);
  });
});

describe("categoryIdFromOption", () => {
  it("maps an option back by its bracketed id, even after the title was renamed", () => {
    expect(categoryIdFromOption("Survey Paper › Multimodal [survey-mm]", categories)).toEqual({
      ok: true,
      id: "survey-mm",
    });
    expect(categoryIdFromOption("Old title [survey-mm]", categories)).toEqual({ ok: true, id: "survey-mm" });
  });

  it("accepts the title path without the id, and a bare id", () => {
    expect(categoryIdFromOption("Multimodal › 圖片理解(Image-to-text等等)", categories)).toEqual({
      ok: true,
      id: "image-to-text",
    });
    expect(categoryIdFromOption("spaces", categories)).toEqual({ ok: true, id: "spaces" });
  });

  it("says what is wrong with an unknown answer", () => {
    expect(categoryIdFromOption("Cooking [food]", categories)).toMatchObject({
      ok: false,
      message: {
        zh: '"Cooking [food]" 不是清單裡的分類（沒有 id 為「food」的分類）。',
        en: '"Cooking [food]" is not a category of the list (no category has the id "food").',
      },
    });
  });

  it("offers every category, the closest to the answer first (an edited issue shows no dropdown)", () => {
    const all = categoryOptions(categories).map((o) => o.text);
    for (const [typed, first] of [
      ["surway part 2", "Multimodal › Survey， part 2 [survey-multimodal]"],
      ["image to text", "Multimodal › 圖片理解(Image-to-text等等) [image-to-text]"],
      ["spacse", "科学空间|Scientific Spaces議題 [spaces]"],
    ] as const) {
      const answer = categoryIdFromOption(typed, categories);
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.choices[0]).toBe(first);
      expect([...answer.choices].sort()).toEqual([...all].sort());
    }
  });
});

describe("renderIssueForm", () => {
  const template = committedForm();

  it("rewrites only the category options; every other byte stays", () => {
    const result = renderIssueForm(template, categories);
    if (!result.ok) throw new Error(result.errors.join());
    const before = template.split("\n");
    const after = result.text.split("\n");
    const category = before.indexOf("    id: category");
    const start = before.findIndex((l, i) => i > category && l === "      options:");
    expect(before[start]).toBe("      options:");
    const optionLines = (lines: string[]) => {
      let end = start + 1;
      while (lines[end]?.startsWith("        - ")) end++;
      return end;
    };
    expect(after.slice(0, start + 1)).toEqual(before.slice(0, start + 1));
    expect(after.slice(optionLines(after))).toEqual(before.slice(optionLines(before)));
    expect(after.slice(start + 1, optionLines(after))).toEqual(
      categoryOptions(categories).map((o) => `        - ${o.text}`),
    );
  });

  it("is idempotent and reads back as a valid form", () => {
    const once = renderIssueForm(template, categories);
    if (!once.ok) throw new Error(once.errors.join());
    expect(renderIssueForm(once.text, categories)).toEqual(once);
    const form = parseIssueForm(once.text);
    expect(form.ok && form.form.fields.find((f) => f.id === "category")?.options).toEqual(
      categoryOptions(categories).map((o) => o.text),
    );
  });

  it("quotes options YAML would misread and turns a flow list into a block list", () => {
    const flow =
      "name: x\nbody:\n  - type: dropdown\n    id: category\n    attributes:\n      label: C\n      options: []\n";
    const tricky: Category[] = [{ id: "a", title: "#1: 'quoted' - & *star" }];
    const result = renderIssueForm(flow, tricky);
    expect(result).toEqual({
      ok: true,
      text: "name: x\nbody:\n  - type: dropdown\n    id: category\n    attributes:\n      label: C\n      options:\n        - \"#1: 'quoted' - & *star [a]\"\n",
    });
  });

  it("explains what is missing instead of guessing", () => {
    expect(renderIssueForm("name: x\nbody: []\n", categories)).toEqual({
      ok: false,
      errors: ['the form has no dropdown with id "category"'],
    });
    expect(renderIssueForm(template, [{ id: "a", title: "A", children: [] }]).ok).toBe(true);
  });

  it("the committed form offers exactly the categories of data/papers.yaml's fixture when regenerated", () => {
    const result = renderIssueForm(template, fixtureData().categories);
    expect(result.ok).toBe(true);
  });
});
