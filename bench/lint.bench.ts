/**
 * Lint time for synthetic lists of 1,000 and 10,000 records (`npm run bench`). Parsing (YAML + schema) is
 * timed apart from linting; the goal is lint < 1 s for 10,000. A third run plants duplicates (the same
 * arXiv id under another URL form, a full-width copy of a title) to show all are found by Map lookups,
 * not by comparing every pair: pairwise would be 50 million title comparisons. A fourth gives the records the
 * Markdown real texts hold (withRealMarkdown).
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { lintList } from "../src/lint/index.js";
import { parseRecords } from "../src/records/parse.js";
import { makeSyntheticList, makeSyntheticYaml, toSyntheticYaml, withRealMarkdown } from "./synthetic.js";

const NOW = new Date("2026-03-15T00:00:00Z");
/** Five runs; the minimum is the code's cost, the median shows what a busy shared machine adds. */
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Full-width forms of ASCII letters and digits (NFKC maps them back). */
function toFullWidth(text: string): string {
  return text.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * A 10k list plus n entries that duplicate earlier ones in ways only normalisation sees: half name the
 * same arXiv id through a Hugging Face papers URL, half copy a title in full-width letters, upper case.
 */
function listWithPlantedDuplicates(size: number, n: number): string {
  const list = makeSyntheticList(size);
  for (let i = 0; i < n; i++) {
    const target = list.entries[i * 97];
    if (!target) break;
    list.entries.push({
      id: `dup-${i}`,
      title: i % 2 === 0 ? `Duplicate ${i}` : toFullWidth(target.title.toUpperCase()),
      url: i % 2 === 0 ? `https://huggingface.co/papers/${target.arxiv}` : `https://example.org/dup/${i}`,
      kind: "paper",
      category: target.category,
      date: target.date,
    });
  }
  return stringify(list, { lineWidth: 0 });
}

function bench(label: string, yaml: string): void {
  const parseMs: number[] = [];
  const lintMs: number[] = [];
  let found = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const parsed = parseRecords(yaml, "bench.yaml");
    const t1 = performance.now();
    const diagnostics = lintList(parsed, { now: NOW });
    const t2 = performance.now();
    parseMs.push(t1 - t0);
    lintMs.push(t2 - t1);
    found = diagnostics.filter((d) => d.ruleId === "duplicate-entry").length;
    if (!parsed.ok) throw new Error(`synthetic list does not parse: ${parsed.errors[0]?.message}`);
  }
  const lint = median(lintMs);
  const best = Math.min(...lintMs);
  console.log(
    `${label.padEnd(28)} parse ${median(parseMs).toFixed(0).padStart(6)} ms   lint median ${lint.toFixed(0).padStart(5)} ms` +
      ` (min ${best.toFixed(0).padStart(4)})   duplicates found ${String(found).padStart(3)}   ${lint < 1000 ? "ok" : "OVER"} (goal < 1000 ms)`,
  );
}

console.log(
  `lint benchmark (${RUNS} runs each; Node ${process.version}; load average ${loadavg()[0]?.toFixed(1)})`,
);
bench("1,000 records", makeSyntheticYaml(1_000));
bench("10,000 records", makeSyntheticYaml(10_000));
bench("10,000 + 100 planted dups", listWithPlantedDuplicates(10_000, 100));
// The Markdown real 摘要 hold (bold, links, URLs, nested lists, math): plain synthetic texts flatter the rules
// that read Markdown.
bench("10,000 with real Markdown", toSyntheticYaml(withRealMarkdown(makeSyntheticList(10_000))));
