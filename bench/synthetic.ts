/**
 * Synthetic lists for benchmarks: realistic lengths (titles ~80 chars, a 摘要 of ~400 mixed Chinese and
 * English characters, one or two repos, an image), 12 top categories with 3 subcategories each.
 * Deterministic: the same n gives the same bytes, so runs are comparable.
 */
import { stringify } from "yaml";
import type { Entry, PapersFile } from "../src/records/schema.js";

const WORDS = [
  "multimodal",
  "language",
  "vision",
  "transformer",
  "diffusion",
  "retrieval",
  "alignment",
  "agents",
  "segmentation",
  "tuning",
  "efficient",
  "survey",
  "benchmark",
  "dataset",
  "reasoning",
  "memory",
];
const HANZI =
  "在人類對話中個人可以在向他人講話時指出場景中的相關區域反過來如果有必要對方也可以通過提及特定區域來做出回應我們提出了一種新的模型架構實驗結果表明性能優越";

/** A small deterministic PRNG (mulberry32): benchmarks must not depend on Math.random. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeSyntheticList(n: number, seed = 42): PapersFile {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const categories = Array.from({ length: 12 }, (_, c) => ({
    id: `cat-${c}`,
    title: `類別 ${c} (${pick(WORDS)})`,
    children: Array.from({ length: 3 }, (_, s) => ({
      id: `cat-${c}-sub-${s}`,
      title: `子類別 ${s}｜${pick(WORDS)}`,
    })),
  }));
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const title = Array.from({ length: 9 }, () => pick(WORDS)).join(" ");
    const hanzi = Array.from({ length: 300 }, () => HANZI[Math.floor(rand() * HANZI.length)]).join("");
    const year = 2015 + Math.floor(rand() * 10);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
    const owner = `${pick(WORDS)}-lab-${i % 500}`;
    entries.push({
      id: `paper-${i}`,
      title: `${title[0]?.toUpperCase()}${title.slice(1)} ${i}`,
      url: `https://arxiv.org/abs/${String(year).slice(2)}${month}.${String(10000 + i).slice(-5)}`,
      kind: i % 10 === 0 ? "dataset" : "paper",
      category: `cat-${i % 12}-sub-${(i >> 4) % 3}`,
      date: `${year}-${month}`,
      arxiv: `${String(year).slice(2)}${month}.${String(10000 + i).slice(-5)}`,
      repos: [{ url: `https://github.com/${owner}/${pick(WORDS)}-${i}` }],
      images: [{ url: `https://example.org/figures/${i}.png`, width: "50%" }],
      summary: `${hanzi.slice(0, 150)} ${title} ${hanzi.slice(150)}。\n\n* ${pick(WORDS)}：${hanzi.slice(0, 40)}\n* ${pick(WORDS)}：${hanzi.slice(40, 80)}\n`,
    });
  }
  return { categories, entries };
}

export function makeSyntheticYaml(n: number, seed = 42): string {
  return toSyntheticYaml(makeSyntheticList(n, seed));
}

/** A list as the text of data/papers.yaml. */
export function toSyntheticYaml(list: PapersFile): string {
  return `# yaml-language-server: $schema=../schemas/papers.schema.json\n${stringify(list, { lineWidth: 0 })}`;
}

/**
 * The Markdown that real 摘要 and abstracts hold, in about the share the real list has: 15 of its 58 texts
 * need more than plain paragraphs and simple lists. Among what they hold: bold (6 texts), bare URLs (2), a list
 * under a paragraph or nested (2), math (2), tables (2), a link, inline code, an arrow, a numbered list, raw
 * HTML. The site renders such a text through the full Markdown stack unless its fast path knows the construct
 * (src/site/markdown-html.ts), so a list of plain texts alone would flatter the site's build. Each text stays
 * its own (the entry's number is in it): nothing is rendered once for many entries.
 * Summaries: bold 10 %, a bare URL 5 %, a link 5 %, a nested list, inline code, an arrow, a numbered list,
 * a table inside a list (as the real ones sit) and raw HTML (the real list's `<font size=6>…</font><br>`)
 * 2.5 % each, math 1 %; abstracts (arXiv's often end with where the code is): a bare URL 12.5 %, math 2 %.
 * Raw HTML is what the README's sanitiser parses (micromark) before the site's fast path renders the text; the
 * site's fast path reads the tables too, as it reads the real list's two (one alone, one in a sublist).
 */
export function withRealMarkdown(list: PapersFile): PapersFile {
  return { ...list, entries: list.entries.map((e, i) => ({ ...e, ...markdownOf(e, i) })) };
}

function markdownOf(entry: Entry, i: number): Partial<Entry> {
  const summary = entry.summary ?? "";
  const [first = "", ...rest] = summary.split("\n\n");
  const paragraph = (text: string) => [text, ...rest].join("\n\n");
  const slot = i % 40;
  const more: Partial<Entry> = {};
  if (slot < 4) more.summary = paragraph(`${first.slice(0, 20)}**${first.slice(20, 28)}**${first.slice(28)}`);
  else if (slot < 6) more.summary = paragraph(`${first}\n程式碼：https://github.com/lab-${i}/code-${i}`);
  else if (slot < 8) more.summary = paragraph(`${first}[Github](https://github.com/lab-${i}/code)`);
  else if (slot === 8)
    // As real 摘要 write them: the list right under the paragraph, its sublist indented 4 spaces.
    more.summary = `${first}\n* 資料 ${i}\n    * ${first.slice(0, 12)}\n    * ${first.slice(12, 24)}\n* ${first.slice(24, 40)}`;
  else if (slot === 9) more.summary = paragraph(`${first.slice(0, 30)}\`lab-${i}/code\`${first.slice(30)}`);
  else if (slot === 10) more.summary = paragraph(`${first}（${i % 100}.17%->91.68%）`);
  else if (slot === 12)
    more.summary = paragraph(`${first}\n1) ${first.slice(0, 14)}\n2) ${first.slice(14, 30)}`);
  else if (slot === 13)
    more.summary = `${first}\n* 預訓練數據 ${i}\n    | Dataset | Token Count |\n    | -------- | -------- |\n    | C4 | ${i % 900} Billion |\n    | ${first.slice(0, 8)} | ${i % 70} Billion |`;
  else if (slot === 14)
    more.summary = paragraph(`<font size=5>${first.slice(0, 24)}</font><br>${first.slice(24)}`);
  else if (i % 100 === 11) more.summary = paragraph(`${first}，高於$10^${i % 9}$幀`);
  if (entry.abstract !== undefined) {
    if (i % 8 === 0)
      more.abstract = `${entry.abstract}. Code is available at https://github.com/lab-${i}/code-${i}.`;
    else if (i % 50 === 1) more.abstract = `${entry.abstract} at $O(n^2)$ cost.`;
  }
  return more;
}
