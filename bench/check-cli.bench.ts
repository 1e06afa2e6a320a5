/**
 * `npm run bench:check`: `papershelf check urls.txt` as a user runs it (lib/cli.js, the CLI as the npm package
 * ships it, in a fresh process:
 * start-up, reading the file, the report, the cache and state writes included) against the engine in process
 * and against linkinator's CLI, on the same loopback farm in one run.
 *   5,000 links on 40 hosts, 30 ms latency. Goals: CLI ≤ 1.5 × engine, CLI ≤ 0.2 × linkinator CLI.
 * lib/ is compiled from the current source first (npm run build:lib), so a stale lib/ never skews the figure.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checkUrls, createLinkDispatcher } from "../src/check/index.js";
import { startFarmProcess } from "./farm/control.js";

const HOSTS = 40;
const LINKS_PER_HOST = 125;
const LATENCY_MS = 30;
/** Timed runs per tool (the best is shown): the machine is shared, the first run pays for cold caches. */
const ROUNDS = 3;
const LINKINATOR_CLI = path.resolve("node_modules/linkinator/build/src/cli.js");

const ms = (t: number) => `${Math.round(t)} ms`;

/** Wall time of a child process, from spawn to exit; its output is drained (a pipe, as in CI logs). */
function timeProcess(args: string[], cwd: string): Promise<{ ms: number; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (out.length < 4_000) out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (out.length < 4_000) out += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - start, code, out }));
  });
}

async function bestOf(fn: () => Promise<number>): Promise<{ best: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < ROUNDS; i++) all.push(await fn());
  return { best: Math.min(...all), all };
}

const farm = await startFarmProcess({ hosts: HOSTS, latencyMs: LATENCY_MS, firstOctet: 60 });
const work = await mkdtemp(path.join(os.tmpdir(), "papershelf-bench-check-"));
try {
  const urls = farm.info.origins.flatMap((o) =>
    Array.from({ length: LINKS_PER_HOST }, (_, i) => `${o}/p/${i}`),
  );
  console.log(`\n## papershelf check: ${HOSTS} hosts × ${LINKS_PER_HOST} links, ${LATENCY_MS} ms latency\n`);
  const urlsFile = path.join(work, "urls.txt");
  await writeFile(urlsFile, `${urls.join("\n")}\n`);
  await farm.setList(`<!doctype html>${urls.map((u) => `<a href="${u}">x</a>`).join("\n")}`);
  execFileSync("npm", ["run", "--silent", "build:lib"], { stdio: "ignore" });
  const cli = path.resolve("lib/cli.js");

  // Engine: the HTTP check in this process, defaults (host cap 8, global cap 256), a fresh dispatcher.
  const engineRun = async () => {
    const dispatcher = createLinkDispatcher();
    const start = performance.now();
    try {
      const { results } = await checkUrls(urls, { dispatcher });
      const ok = results.filter((r) => r.verdict === "ok").length;
      if (ok !== urls.length) throw new Error(`engine: ${ok}/${urls.length} ok`);
      return performance.now() - start;
    } finally {
      await dispatcher.close();
    }
  };
  await engineRun(); // warm-up: JIT and the farm's sockets, not timed
  // CLI: a cold process each round, with a fresh cache and state file (so every link is requested and both
  // files are written, as on a first run).
  let round = 0;
  const cliRun = async () => {
    const dir = path.join(work, `run-${round++}`);
    const run = await timeProcess(
      [cli, "check", urlsFile, "--cache", `${dir}/cache.json`, "--state", `${dir}/state.json`],
      work,
    );
    if (run.code !== 0) throw new Error(`papershelf check exited ${run.code}:\n${run.out}`);
    return run.ms;
  };
  const linkinatorRun = async () => {
    const run = await timeProcess([LINKINATOR_CLI, `${farm.info.origins[0]}/list.html`], work);
    if (run.code !== 0) throw new Error(`linkinator exited ${run.code}:\n${run.out}`);
    return run.ms;
  };
  const engine = await bestOf(engineRun);
  const cliTimes = await bestOf(cliRun);
  const linkinator = await bestOf(linkinatorRun);
  const startup = await bestOf(async () => (await timeProcess([cli, "--version"], work)).ms);

  console.log("| run | best wall time | all runs |");
  console.log("|---|---:|---|");
  const row = (name: string, r: { best: number; all: number[] }) =>
    console.log(`| ${name} | ${ms(r.best)} | ${r.all.map(ms).join(", ")} |`);
  row("engine in process (checkUrls, defaults)", engine);
  row("papershelf check urls.txt (lib/cli.js, fresh process)", cliTimes);
  row("linkinator 7.6.1 CLI (defaults)", linkinator);
  row("(papershelf --version: node start-up + loading the CLI)", startup);
  const vsEngine = cliTimes.best / engine.best;
  const vsLinkinator = cliTimes.best / linkinator.best;
  const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(`\n${pass(vsEngine <= 1.5)}  CLI / engine = ${vsEngine.toFixed(2)} (goal ≤ 1.5)`);
  console.log(`${pass(vsLinkinator <= 0.2)}  CLI / linkinator CLI = ${vsLinkinator.toFixed(2)} (goal ≤ 0.2)`);
} finally {
  farm.stop();
  await rm(work, { recursive: true, force: true });
}
