/**
 * `npm run bench:intake`: the intake's time bound (issue 12), printed. Any issue body of at most 65,536
 * characters finishes the intake (parse, validate, lint, render the preview and the comment; no network) in
 * under 2 s of CPU. The bodies are the fuzz test's (tests/intake/fuzz-bodies.ts), drawn with a fixed seed so
 * two runs time the same bodies; BENCH_RUNS (default 200) and BENCH_SEED change that.
 *
 * Printed: the CPU seconds per body (median, 95th percentile, worst), the bodies issue 12 found by hand, the worst bodies' shapes, and where
 * they are saved so one can be replayed. CPU time (not wall time) is what the intake's own budget counts; it
 * still carries the garbage collector's and the compiler's threads, so on a loaded machine the worst figure
 * moves by a tenth of a second or so between runs.
 */
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { renderIntakeComment } from "../src/intake/comment.js";
import { createIntakeHarness } from "../tests/intake/helpers.js";
import { WALK_AROUND, cpuSeconds, cubicHeading, fuzzBody } from "../tests/intake/fuzz-bodies.js";
import { machineLine } from "./machine.js";

const GOAL_SECONDS = 2;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SEED = Number(process.env.BENCH_SEED ?? 20_261_202);
const SHOWN = 5;

const harness = await createIntakeHarness();
const bodies = fc.sample(fuzzBody(harness), { numRuns: RUNS, seed: SEED });

console.log(machineLine());
console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log(
  `${bodies.length} bodies (seed ${SEED}), ${Math.max(...bodies.map((b) => b.length))} characters at most`,
);

// One warm-up so the first body does not pay for compiling the parsers.
await harness.run(harness.body());

const timed: { seconds: number; body: string; ok: boolean }[] = [];
for (const body of bodies) {
  let ok = false;
  const seconds = await cpuSeconds(async () => {
    const result = await harness.run(body);
    ok = result.ok;
    renderIntakeComment(result);
  });
  timed.push({ seconds, body, ok });
}

const sorted = [...timed].sort((a, b) => a.seconds - b.seconds);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.seconds;
const worst = sorted[sorted.length - 1]!.seconds;
console.log(
  `CPU per body: median ${at(0.5).toFixed(3)} s, p95 ${at(0.95).toFixed(3)} s, worst ${worst.toFixed(3)} s ` +
    `(goal < ${GOAL_SECONDS} s: ${worst < GOAL_SECONDS ? "ok" : "OVER BUDGET"})`,
);
console.log(
  `accepted ${timed.filter((t) => t.ok).length}, answered with errors ${timed.filter((t) => !t.ok).length}`,
);

// The bodies issue 12 found by hand, each once minutes of CPU.
const named: [string, Record<string, string>][] = [
  ["cubic heading, N = 8,000, in the 摘要", { summary: cubicHeading(8_000) }],
  ["nesting walk-around in the 摘要", { summary: WALK_AROUND }],
  ["nesting walk-around in the note", { note: WALK_AROUND }],
];
for (const [name, answers] of named) {
  const body = harness.body(answers);
  const seconds = await cpuSeconds(async () => renderIntakeComment(await harness.run(body)));
  console.log(
    `${name}: ${seconds.toFixed(3)} s (goal < ${GOAL_SECONDS} s: ${seconds < GOAL_SECONDS ? "ok" : "OVER BUDGET"})`,
  );
}

const folder = mkdtempSync(path.join(tmpdir(), "papershelf-bench-intake-"));
console.log(`the ${SHOWN} slowest bodies (saved in ${folder}):`);
sorted
  .slice(-SHOWN)
  .reverse()
  .forEach((t, i) => {
    const file = path.join(folder, `slow-${i + 1}.md`);
    writeFileSync(file, t.body);
    console.log(
      `  ${t.seconds.toFixed(3)} s  ${t.body.length} chars  ${shape(t.body)}  ${path.basename(file)}`,
    );
  });
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);

/** The body's most repeated two-character piece, as a hint at what made it slow. */
function shape(body: string): string {
  const counts = new Map<string, number>();
  for (let i = 0; i + 2 <= body.length; i += 2) {
    const pair = body.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  const [pair, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  return `most repeated: ${JSON.stringify(pair)} ×${count}`;
}
