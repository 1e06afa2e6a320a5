/**
 * The record most rule examples start from (the seed's first entry), so each example shows only what it is
 * about. Its own module: rules import it, and examples.ts imports the rules.
 */
export const SHIKRA = `- id: shikra
  title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
  url: https://arxiv.org/abs/2306.15195
  kind: paper
  category: llm`;

/** A second record, for rules about two entries or about repositories (the seed's Kosmos-1 entry). */
export const KOSMOS = `- id: kosmos-1
  title: "Language Is Not All You Need: Aligning Perception with Language Models"
  url: https://arxiv.org/abs/2302.14045
  kind: paper
  category: llm
  date: 2023-02-27`;
