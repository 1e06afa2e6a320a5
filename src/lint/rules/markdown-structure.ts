import { markdownMessages } from "../markdown.js";
import type { LintRule } from "../types.js";

export const markdownStructure: LintRule = {
  id: "markdown-structure",
  description:
    "Markdown in a 摘要, note or intro would break the README: a heading, an unclosed fence, a broken table.",
  defaultSetting: "error",
  rationale:
    "The README places each entry under its category's heading, so a heading inside a 摘要 (`## Results`, or " +
    "a line of `---` right under text, which Markdown reads as a heading) splits the list and the table of " +
    "contents. A code fence without its closing line turns the rest of the entry into code. Lines that look " +
    "like a table but lack the delimiter row show as raw pipes, and cells beyond the header's count are " +
    "dropped. Parsed with remark and remark-gfm (the Markdown GitHub renders) and checked as remark-lint rules.",
  examples: {
    pass: `- id: glm-130b
  title: "GLM-130B: An Open Bilingual Pre-trained Model"
  url: https://arxiv.org/abs/2210.02414
  kind: paper
  category: llm
  date: 2022-10-05
  extra: |
    | Hardware | GPU Memory |
    | -------- | ---------- |
    | 8 * A100 | 40 GB      |`,
    fail: `- id: glm-130b
  title: "GLM-130B: An Open Bilingual Pre-trained Model"
  url: https://arxiv.org/abs/2210.02414
  kind: paper
  category: llm
  date: 2022-10-05
  summary: |
    ## Results
    GLM-130B runs on 8 * RTX 3090.`,
  },
  check: ({ data }) =>
    markdownMessages(data)
      .filter((m) => m.kind === "structure")
      .map((m) => ({ path: m.field.path, range: m.range, message: `${m.field.name}: ${m.reason}` })),
};
