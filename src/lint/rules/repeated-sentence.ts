import { splitSentences, type Sentence } from "../sentences.js";
import { entryMarkdown, listTexts, quote, type FieldRef } from "../walk.js";
import type { Finding, LintRule } from "../types.js";

/** Shorter "sentences" (a list label, "Demo", a number) repeat legitimately. */
export const MIN_SENTENCE_CHARS = 12;

function checkField(field: FieldRef): Finding[] {
  const byKey = new Map<string, Sentence[]>();
  for (const sentence of splitSentences(field.value)) {
    if (sentence.key.length < MIN_SENTENCE_CHARS) continue;
    const list = byKey.get(sentence.key);
    if (list) list.push(sentence);
    else byKey.set(sentence.key, [sentence]);
  }
  const findings: Finding[] = [];
  for (const occurrences of byKey.values()) {
    const [first, second] = occurrences;
    if (!first || !second) continue;
    const times = occurrences.length === 2 ? "twice" : `${occurrences.length} times`;
    findings.push({
      path: field.path,
      range: second.range,
      message: `${field.name} repeats a sentence ${times} (${quote(first.text, 40)}); expected each sentence once`,
    });
  }
  return findings;
}

export const repeatedSentence: LintRule = {
  id: "repeated-sentence",
  description: "A 摘要, note or intro says the same sentence more than once.",
  defaultSetting: "error",
  rationale:
    "Machine-translated or pasted 摘要 sometimes repeat their last sentences (the seed's SEJE and EMP-SSL " +
    "entries repeat them three times). Sentences end at 。！？ and at . ! ? before a space; they are " +
    "compared after NFKC, case folding and removal of punctuation and spaces, and only when at least " +
    `${MIN_SENTENCE_CHARS} letters long. The finding points at the first repetition.`,
  examples: {
    pass: `- id: seje
  title: Learning Text-Image Joint Embedding for Efficient Cross-Modal Retrieval with Deep Feature Engineering
  url: https://arxiv.org/abs/2110.11592
  kind: paper
  category: llm
  date: 2021-10-22
  summary: |
    大量實驗表明，我們採用深度特徵工程的 SEJE 方法明顯優於最先進的方法。`,
    fail: `- id: seje
  title: Learning Text-Image Joint Embedding for Efficient Cross-Modal Retrieval with Deep Feature Engineering
  url: https://arxiv.org/abs/2110.11592
  kind: paper
  category: llm
  date: 2021-10-22
  summary: |
    大量實驗表明，我們採用深度特徵工程的 SEJE 方法明顯優於最先進的方法。大量實驗表明，我們採用深度特徵工程的 SEJE 方法明顯優於最先進的方法。`,
  },
  check({ data }) {
    const fields = [...listTexts(data).markdown, ...data.entries.flatMap((e, i) => entryMarkdown(e, i))];
    return fields.flatMap(checkField);
  },
};
