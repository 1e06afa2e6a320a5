import { trimUrl } from "../../urls/index.js";
import { allUrls } from "../walk.js";
import type { Finding, LintRule } from "../types.js";

export const urlTrailingPunctuation: LintRule = {
  id: "url-trailing-punctuation",
  description: "A URL field ends in punctuation from the sentence it was copied out of.",
  defaultSetting: "warning",
  rationale:
    'A link copied from a sentence ("see https://arxiv.org/abs/2306.15195).") keeps the sentence\'s closing ' +
    "punctuation: the address then fails or opens another page, and the arXiv id is not read from it. A " +
    "closing bracket the URL opened itself stays (Wikipedia's `(disambiguation)`). A warning, not an error: " +
    "a rare address does end in a full stop.",
  examples: {
    pass: `- id: shikra
  title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
  url: https://arxiv.org/abs/2306.15195
  kind: paper
  category: llm
  date: 2023-06-27
  links:
    - label: Background
      url: https://en.wikipedia.org/wiki/Referring_expression_(linguistics)`,
    fail: `- id: shikra
  title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
  url: https://arxiv.org/abs/2306.15195).
  kind: paper
  category: llm
  date: 2023-06-27`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    for (const ref of allUrls(data)) {
      // Links inside Markdown end where Markdown ends them; this is about URL fields.
      if (ref.range) continue;
      const trimmed = trimUrl(ref.url);
      if (trimmed === ref.url || trimmed === "") continue;
      const tail = ref.url.slice(trimmed.length);
      findings.push({
        path: ref.path,
        message: `${ref.name} ends in "${tail}" (punctuation of the sentence it was copied from, not part of the address): the address is ${trimmed} without it`,
      });
    }
    return findings;
  },
};
