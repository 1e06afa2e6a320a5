/**
 * The record most rule examples start from (the seed's first entry), so each example shows only what it is
 * about. Its own module: rules import it, and examples.ts imports the rules.
 */
export const SHIKRA = `- id: shikra
  title: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
  url: https://arxiv.org/abs/2306.15195
  kind: paper
  category: llm`;
