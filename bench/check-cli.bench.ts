/**
 * `npm run bench:check`: `papershelf check urls.txt` as a user runs it (lib/cli.js, the CLI as the npm package
 * ships it, in a fresh process:
 * start-up, reading the file, the report, the cache and state writes included) against the engine in process
 * and against linkinator's CLI, on the same loopback farm in one run.
 *   5,000 links on 40 hosts, 30 ms latency. Goals: CLI ≤ 1.5 × engine, CLI ≤ 0.2 × linkinator CLI.
 * Two more rows tell what the goals measure: the engine alone in a fresh process (the CLI minus its own
 * work) and undici alone in a fresh process (the floor: start-up, loading undici and a cold JIT, no checks).
 * lib/ is compiled from the current source first (npm run build:lib), so a stale lib/ never skews the figure.
 * Each run's CPU time (user + system, all threads) is printed beside its wall time, and the load average at
 * the start and the end: on a shared machine the wall times say little without them.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { checkUrls, createLinkDispatcher } from "../src/check/index.js";
import { startFarmProcess } from "./farm/control.js";
import { machineLine } from "./machine.js";

const HOSTS = 40;
const LINKS_PER_HOST = 125;
const LATENCY_MS = 30;
/** Timed runs per tool (the best is shown): the machine is shared, the first run pays for cold caches. */
const ROUNDS = 3;
const LINKINATOR_CLI = path.resolve("node_modules/linkinator/build/src/cli.js");

const ms = (t: number) => `${Math.round(t)} ms`;

/** One timed run: wall time and CPU time (user + system) in milliseconds. */
interface Timing {
  ms: number;
  cpuMs: number;
}

/**
 * The CPU time of a child, from POSIX `times` in the shell that waited for it: the second line is the
 * children's user and system time (10 ms resolution in dash).
 */
const TIMES_WRAPPER = 'node "$@"; status=$?; times >&2; exit $status';
function childCpuMs(stderrTail: string): number {
  const fields = [...stderrTail.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return fields.length >= 4 ? ((fields.at(-2) ?? 0) + (fields.at(-1) ?? 0)) * 1000 : Number.NaN;
}

/**
 * Wall time of a child process, from spawn to exit, and its CPU time; its output is drained (a pipe, as in CI
 * logs). The child runs under a POSIX shell that reports its CPU time (a few ms of the wall time).
 */
function timeProcess(args: string[], cwd: string): Promise<Timing & { code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn("/bin/sh", ["-c", TIMES_WRAPPER, "sh", ...args], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`,
      },
    });
    let out = "";
    let stderrTail = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (out.length < 4_000) out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (out.length < 4_000) out += chunk.toString();
      stderrTail = (stderrTail + chunk.toString()).slice(-200);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ ms: performance.now() - start, cpuMs: childCpuMs(stderrTail), code, out }),
    );
  });
}

async function bestOf(fn: () => Promise<Timing>): Promise<{ best: number; all: Timing[] }> {
  const all: Timing[] = [];
  for (let i = 0; i < ROUNDS; i++) all.push(await fn());
  return { best: Math.min(...all.map((t) => t.ms)), all };
}

const cpuNowMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

const loadStart = loadAverage();
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
  const engineRun = async (): Promise<Timing> => {
    const dispatcher = createLinkDispatcher();
    const start = performance.now();
    const cpuStart = cpuNowMs();
    try {
      const { results } = await checkUrls(urls, { dispatcher });
      const ok = results.filter((r) => r.verdict === "ok").length;
      if (ok !== urls.length) throw new Error(`engine: ${ok}/${urls.length} ok`);
      return { ms: performance.now() - start, cpuMs: cpuNowMs() - cpuStart };
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
    return run;
  };
  // The engine alone in a fresh process (bench/check/cold-engine.ts, bundled here): the CLI's cost beyond it is
  // what the CLI adds; the rest of the gap to the warm engine above is start-up and a cold JIT. And undici alone
  // in a fresh process (bench/check/bare-undici.ts): the floor for any undici-based CLI with these limits.
  // Inside the project, so that their imports (undici…) resolve to node_modules as lib/'s do.
  const bundled = async (name: string) => {
    const outfile = path.resolve(`node_modules/.cache/papershelf-bench/${name}.mjs`);
    await build({
      entryPoints: [path.resolve(`bench/check/${name}.ts`)],
      bundle: true,
      outfile,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      logLevel: "silent",
    });
    return outfile;
  };
  const coldEngine = await bundled("cold-engine");
  const bareUndici = await bundled("bare-undici");
  const coldEngineRun = async () => {
    const run = await timeProcess([coldEngine, urlsFile], process.cwd());
    if (run.code !== 0) throw new Error(`cold engine exited ${run.code}:\n${run.out}`);
    return run;
  };
  const bareUndiciRun = async () => {
    const run = await timeProcess([bareUndici, urlsFile], process.cwd());
    if (run.code !== 0) throw new Error(`bare undici exited ${run.code}:\n${run.out}`);
    return run;
  };
  const linkinatorRun = async () => {
    const run = await timeProcess([LINKINATOR_CLI, `${farm.info.origins[0]}/list.html`], work);
    if (run.code !== 0) throw new Error(`linkinator exited ${run.code}:\n${run.out}`);
    return run;
  };
  const engine = await bestOf(engineRun);
  const cliTimes = await bestOf(cliRun);
  const engineCold = await bestOf(coldEngineRun);
  const bare = await bestOf(bareUndiciRun);
  const linkinator = await bestOf(linkinatorRun);
  const startup = await bestOf(() => timeProcess([cli, "--version"], work));

  console.log(`load average at the start: ${loadStart}; at the end: ${loadAverage()}`);
  console.log(`${machineLine()}\n`);
  console.log("| run | best wall time | all runs: wall / CPU (user + system) |");
  console.log("|---|---:|---|");
  const row = (name: string, r: { best: number; all: Timing[] }) =>
    console.log(
      `| ${name} | ${ms(r.best)} | ${r.all.map((t) => `${ms(t.ms)} / ${ms(t.cpuMs)}`).join(", ")} |`,
    );
  row("engine in process (checkUrls, defaults)", engine);
  row("papershelf check urls.txt (lib/cli.js, fresh process)", cliTimes);
  row("engine alone in a fresh process (checkUrls, defaults)", engineCold);
  row("undici alone in a fresh process (5,000 GETs, 8 per host, nothing checked)", bare);
  row("linkinator 7.6.1 CLI (defaults)", linkinator);
  row("(papershelf --version: node start-up + loading the CLI)", startup);
  const vsEngine = cliTimes.best / engine.best;
  const vsLinkinator = cliTimes.best / linkinator.best;
  const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(`\n${pass(vsEngine <= 1.5)}  CLI / engine = ${vsEngine.toFixed(2)} (goal ≤ 1.5)`);
  console.log(`${pass(vsLinkinator <= 0.2)}  CLI / linkinator CLI = ${vsLinkinator.toFixed(2)} (goal ≤ 0.2)`);
  console.log(
    `(CLI / engine alone in a fresh process = ${(cliTimes.best / engineCold.best).toFixed(2)}: what the CLI adds around a cold engine)`,
  );
  // The floor: what a fresh process with undici and nothing else takes, against both goals' limits.
  console.log(
    `(undici alone in a fresh process / engine in process = ${(bare.best / engine.best).toFixed(2)}, / linkinator CLI = ${(bare.best / linkinator.best).toFixed(2)}: ` +
      `a CLI built on undici cannot go below these ratios on this machine)`,
  );
} finally {
  farm.stop();
  await rm(work, { recursive: true, force: true });
}
