/**
 * Validate and render times for 1,000 and 10,000 synthetic records (`npm run bench`): realistic lengths,
 * mixed Chinese and English (bench/synthetic.ts). Goal: 10k in under 1 s, growing linearly (10k ÷ 1k ≤ 12).
 *
 * Each size runs in its own child process so "peak memory" (the process's maximum resident set) belongs to
 * that size alone. Inside a child: the first run is what a CLI invocation pays (cold JIT); the minimum of
 * the following runs is the code's own cost; the median shows what a busy shared machine adds.
 *
 * "validate" is parseRecords (YAML with positions + schema + cross-record checks); "render" is the README
 * zones through the repository's templates. A third line renders summaries that all contain inline HTML,
 * so every one goes through the Markdown parser (the sanitiser's slow path) instead of the fast pre-check.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseRecords } from "../src/records/parse.js";
import type { PapersFile } from "../src/records/schema.js";
import { renderReadme } from "../src/render/readme.js";
import { readTemplates } from "../src/render/templates.js";
import { makeSyntheticYaml } from "./synthetic.js";

const SIZES = [1_000, 10_000] as const;
const WARM_RUNS = 4;
const GOAL_MS = 1_000;
const GOAL_RATIO = 12;
const README =
  "# Bench\n\n<!-- papershelf:begin toc -->\n<!-- papershelf:end toc -->\n\n<!-- papershelf:begin entries -->\n<!-- papershelf:end entries -->\n";

interface Figures {
  n: number;
  bytes: number;
  readmeBytes: number;
  validate: { first: number; min: number; median: number; firstCpu: number; minCpu: number };
  render: { first: number; min: number; median: number; firstCpu: number; minCpu: number };
  renderSlowPath: { first: number; min: number };
  /** Peak resident memory after the first validate + render: what one `papershelf build` needs. */
  peakRssFirstRunMb: number;
  /** Peak over all runs (garbage from earlier runs included). */
  peakRssMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Wall and CPU milliseconds of `fn` (CPU: this process's user + system time, steadier on a shared machine). */
function time<T>(fn: () => T): { ms: number; cpu: number; value: T } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu0);
  return { ms, cpu: (user + system) / 1000, value };
}

/** Every summary gets inline HTML, so the sanitiser parses each one. */
function withHtmlSummaries(data: PapersFile): PapersFile {
  return { ...data, entries: data.entries.map((e) => ({ ...e, summary: `<b>重點</b> ${e.summary ?? ""}` })) };
}

async function measure(n: number): Promise<Figures> {
  const templatesDir = fileURLToPath(new URL("../templates", import.meta.url));
  const templates = await readTemplates(templatesDir, (p) => readFile(p, "utf8").catch(() => undefined));
  if (!templates.ok) throw new Error(templates.errors.map((e) => e.message).join("\n"));
  const yaml = makeSyntheticYaml(n);

  const validateMs: number[] = [];
  const renderMs: number[] = [];
  const validateCpu: number[] = [];
  const renderCpu: number[] = [];
  let data: PapersFile | undefined;
  let readmeBytes = 0;
  let peakRssFirstRunMb = 0;
  for (let run = 0; run <= WARM_RUNS; run++) {
    const parsed = time(() => parseRecords(yaml));
    if (!parsed.value.ok) throw new Error(`synthetic list invalid: ${parsed.value.errors[0]?.message}`);
    data = parsed.value.data;
    const records = data;
    const rendered = time(() => renderReadme(README, "README.md", records, templates.templates));
    if (!rendered.value.ok) throw new Error(rendered.value.errors[0]?.message);
    readmeBytes = Buffer.byteLength(rendered.value.text);
    validateMs.push(parsed.ms);
    renderMs.push(rendered.ms);
    validateCpu.push(parsed.cpu);
    renderCpu.push(rendered.cpu);
    // maxRSS is in kilobytes.
    if (run === 0) peakRssFirstRunMb = process.resourceUsage().maxRSS / 1024;
  }
  const slow = withHtmlSummaries(data as PapersFile);
  const slowMs = [0, 1].map(
    () => time(() => renderReadme(README, "README.md", slow, templates.templates)).ms,
  );
  const summary = (ms: number[], cpu: number[]) => ({
    first: ms[0] ?? 0,
    min: Math.min(...ms.slice(1)),
    median: median(ms.slice(1)),
    firstCpu: cpu[0] ?? 0,
    minCpu: Math.min(...cpu.slice(1)),
  });
  return {
    n,
    bytes: Buffer.byteLength(yaml),
    readmeBytes,
    validate: summary(validateMs, validateCpu),
    render: summary(renderMs, renderCpu),
    renderSlowPath: { first: slowMs[0] ?? 0, min: Math.min(...slowMs) },
    peakRssFirstRunMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function runChild(n: number): Figures {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, script, "--child", String(n)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as Figures;
}

const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;

function report(all: Figures[]): void {
  console.log(`records bench (node ${process.version}, load ${loadavg()[0]?.toFixed(2)})`);
  for (const f of all) {
    const total = f.validate.min + f.render.min;
    console.log(
      `${String(f.n).padStart(6)} records  ${(f.bytes / 1e6).toFixed(1)} MB yaml → ${(f.readmeBytes / 1e6).toFixed(1)} MB README\n` +
        `    validate  first ${ms(f.validate.first)} (cpu ${ms(f.validate.firstCpu)})   min ${ms(f.validate.min)} (cpu ${ms(f.validate.minCpu)})   median ${ms(f.validate.median)}\n` +
        `    render    first ${ms(f.render.first)} (cpu ${ms(f.render.firstCpu)})   min ${ms(f.render.min)} (cpu ${ms(f.render.minCpu)})   median ${ms(f.render.median)}\n` +
        `    render, every 摘要 with HTML (parsed)   first ${ms(f.renderSlowPath.first)}   min ${ms(f.renderSlowPath.min)}\n` +
        `    validate + render (min) ${ms(total)}   peak memory ${f.peakRssFirstRunMb.toFixed(0)} MB after one build, ${f.peakRssMb.toFixed(0)} MB over all runs`,
    );
  }
  const [small, large] = all;
  if (!small || !large) return;
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const totalLarge = large.validate.min + large.render.min;
  const totalRatio = ratio(totalLarge, small.validate.min + small.render.min);
  console.log(
    `10k ÷ 1k: validate ${ratio(large.validate.min, small.validate.min).toFixed(1)}, render ${ratio(large.render.min, small.render.min).toFixed(1)}, ` +
      `total ${totalRatio.toFixed(1)} (goal ≤ ${GOAL_RATIO}: ${totalRatio <= GOAL_RATIO ? "met" : "NOT met"})`,
  );
  const cpuLarge = large.validate.minCpu + large.render.minCpu;
  const cpuFirst = large.validate.firstCpu + large.render.firstCpu;
  console.log(
    `10k validate + render: ${totalLarge.toFixed(0)} ms wall, ${cpuLarge.toFixed(0)} ms cpu (first run: ${cpuFirst.toFixed(0)} ms cpu) ` +
      `(goal < ${GOAL_MS} ms: ${totalLarge < GOAL_MS ? "met" : "NOT met"} on wall, ${cpuLarge < GOAL_MS ? "met" : "NOT met"} on cpu)`,
  );
}

if (process.argv.includes("--child")) {
  const n = Number(process.argv[process.argv.indexOf("--child") + 1]);
  process.stdout.write(JSON.stringify(await measure(n)));
} else {
  report(SIZES.map(runChild));
}
