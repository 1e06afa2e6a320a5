import { type Category, flattenCategories } from "../../records/index.js";
import type { Finding, LintRule } from "../types.js";

export const emptyCategory: LintRule = {
  id: "empty-category",
  description: "A category has no entries, no subcategory with entries and no intro text.",
  defaultSetting: "warning",
  rationale:
    "An empty heading in the README reads like something went missing. A category counts as used when it " +
    "or any descendant holds an entry, or when it has an `intro` (a prose section such as the seed's " +
    "科学空间 notes).",
  examples: {
    pass: `categories:
  - id: llm
    title: LLM
entries:
  - id: shikra
    title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
    url: https://arxiv.org/abs/2306.15195
    kind: paper
    category: llm
    date: 2023-06-27`,
    fail: `categories:
  - id: llm
    title: LLM
  - id: rl
    title: RL (Reinforcement Learning)
entries:
  - id: shikra
    title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
    url: https://arxiv.org/abs/2306.15195
    kind: paper
    category: llm
    date: 2023-06-27`,
  },
  check({ data }) {
    const counts = new Map<string, number>();
    for (const entry of data.entries) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
    const used = (category: Category): boolean =>
      (counts.get(category.id) ?? 0) > 0 ||
      category.intro !== undefined ||
      (category.children ?? []).some(used);
    const findings: Finding[] = [];
    const unused = new Set<string>();
    for (const { category, path, parentId } of flattenCategories(data.categories)) {
      if (used(category)) continue;
      unused.add(category.id);
      // Report the topmost empty category only: its empty subcategories go with it.
      if (parentId !== undefined && unused.has(parentId)) continue;
      findings.push({
        path: [...path, "id"],
        message: `category "${category.id}" (${JSON.stringify(category.title)}) has no entries; expected at least one entry, an intro, or the category removed`,
      });
    }
    return findings;
  },
};
