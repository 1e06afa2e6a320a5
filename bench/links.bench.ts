/**
 * `npm run bench:links`: papershelf, linkinator and markdown-link-check on the same loopback farm in one run.
 *  1. Speed: 50 hosts × 100 links, 20 ms latency. Wall time, ratio to papershelf, most requests in flight on
 *     one host (measured by the farm). Goals: papershelf ≤ 1/5 of linkinator, never above its per-host cap,
 *     within 1.5× the politeness bound (links per host ÷ cap × latency) plus start-up.
 *  2. Fault mix with known truth: each tool's verdicts against it.
 *  3. 1,000 repositories against a loopback GraphQL endpoint: ≤ 10 requests, 0 on a rerun within the cache age.
 */
import { createRequire } from "node:module";
import { LinkChecker } from "linkinator";
import { Agent } from "undici";
import {
  checkRepos,
  checkUrls,
  createGraphqlClient,
  createLinkDispatcher,
  type LinkCheckInput,
} from "../src/check/index.js";
import { startFarmProcess, type FarmHandle } from "./farm/control.js";
import { faultLinks, printFaultTable, type ToolVerdicts } from "./farm/faults.js";

const HOSTS = 50;
const LINKS_PER_HOST = 100;
const LATENCY_MS = 20;
const HOST_CAP = 8;
/** markdown-link-check runs 2 requests at a time (fixed): on all 5,000 links it needs over a minute. */
const MLC_SPEED_LINKS = 1_000;
const FAULT_TIMEOUT_MS = 1_500;
/** Timed runs per tool (the best is shown): the machine is shared, the first run pays for cold caches. */
const ROUNDS = 3;

const require = createRequire(import.meta.url);
type MlcResult = { link: string; status: "alive" | "dead" | "ignored" | "error"; statusCode: number };
const markdownLinkCheck = require("markdown-link-check") as (
  md: string,
  opts: Record<string, unknown>,
  cb: (err: Error | null, results: MlcResult[]) => void,
) => void;

const ms = (t: number) => `${Math.round(t)} ms`;
const maxOf = (record: Record<string, number>, keys?: string[]) =>
  Math.max(
    0,
    ...Object.entries(record)
      .filter(([k]) => !keys || keys.includes(k))
      .map(([, v]) => v),
  );

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Best of ROUNDS runs, with the farm's figures taken over all of them (max in flight is a maximum anyway). */
async function bestOf<T>(farm: FarmHandle, fn: () => Promise<T>) {
  let best: { value: T; ms: number } | undefined;
  const all: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const run = await timed(fn);
    all.push(run.ms);
    if (!best || run.ms < best.ms) best = run;
  }
  const stats = await farm.stats();
  return { ...(best as { value: T; ms: number }), all, stats };
}

async function runPapershelf(urls: string[], input: LinkCheckInput = {}) {
  const dispatcher = createLinkDispatcher(input);
  try {
    return await checkUrls(urls, { dispatcher }, input);
  } finally {
    await dispatcher.close();
  }
}

/**
 * The floor on this machine: bare undici, 8 connections per host, 8 workers per host pulling links, no
 * politeness logic, no verdicts. What is left between it and the politeness bound is the farm and the CPU.
 */
async function runBareUndici(origins: string[]) {
  const agent = new Agent({ connections: HOST_CAP });
  await Promise.all(
    origins.map(async (origin) => {
      let next = 0;
      const worker = async () => {
        while (next < LINKS_PER_HOST) {
          const response = await agent.request({ origin, path: `/p/${next++}`, method: "GET" });
          await response.body.dump();
        }
      };
      await Promise.all(Array.from({ length: HOST_CAP }, worker));
    }),
  );
  await agent.close();
}

async function runLinkinator(farm: FarmHandle, urls: string[], timeout?: number) {
  await farm.setList(`<!doctype html>${urls.map((u) => `<a href="${u}">x</a>`).join("\n")}`);
  const checker = new LinkChecker();
  const result = await checker.check({
    path: `${farm.info.origins[0]}/list.html`,
    recurse: false,
    ...(timeout ? { timeout } : {}),
  });
  return result.links.filter((l) => !l.url.endsWith("/list.html"));
}

function runMlc(urls: string[], timeoutMs: number): Promise<MlcResult[]> {
  const md = urls.map((u, i) => `- [link ${i}](${u})`).join("\n");
  return new Promise((resolve, reject) =>
    markdownLinkCheck(md, { timeout: `${timeoutMs}ms` }, (err, results) =>
      err ? reject(err) : resolve(results),
    ),
  );
}

async function speed(farm: FarmHandle) {
  const urls = farm.info.origins.flatMap((o) =>
    Array.from({ length: LINKS_PER_HOST }, (_, i) => `${o}/p/${i}`),
  );
  const hostKeys = farm.info.origins.map((o) => new URL(o).hostname);
  console.log(
    `\n## Speed: ${HOSTS} hosts × ${LINKS_PER_HOST} links, ${LATENCY_MS} ms latency (${urls.length} links)\n`,
  );
  await farm.stats();

  // Warm-up (not timed): the farm's and papershelf's code paths JIT-compiled before anything is measured.
  await runPapershelf(urls, { maxConcurrency: HOSTS * HOST_CAP });
  await farm.stats();
  const startup = await timed(() => runPapershelf([`${farm.info.origins[1]}/startup`]));
  await farm.stats();
  const capped = await bestOf(farm, () =>
    runPapershelf(urls, { hostConcurrency: HOST_CAP, maxConcurrency: HOSTS * HOST_CAP }),
  );
  const cappedStats = capped.stats;
  const defaults = await bestOf(farm, () => runPapershelf(urls));
  const defaultStats = defaults.stats;
  const floor = await bestOf(farm, () => runBareUndici(farm.info.origins));
  const lk = await bestOf(farm, () => runLinkinator(farm, urls));
  const lkStats = lk.stats;
  const mlcUrls = urls.filter((_, i) => i % (urls.length / MLC_SPEED_LINKS) === 0);
  const mlc = await timed(() => runMlc(mlcUrls, 10_000));
  const mlcStats = await farm.stats();
  const mlcEstimate = (mlc.ms * urls.length) / mlcUrls.length;

  const okCount = (n: number) => `${n}/${urls.length} ok`;
  const rows = [
    [
      "papershelf (host cap 8, global cap 400)",
      capped.ms,
      maxOf(cappedStats.maxInFlightPerHost, hostKeys),
      okCount(capped.value.results.filter((r) => r.verdict === "ok").length),
    ],
    [
      "papershelf (defaults: host cap 8, global cap 256)",
      defaults.ms,
      maxOf(defaultStats.maxInFlightPerHost, hostKeys),
      okCount(defaults.value.results.filter((r) => r.verdict === "ok").length),
    ],
    [
      "(floor: bare undici, 8 workers per host, no checking)",
      floor.ms,
      maxOf(floor.stats.maxInFlightPerHost, hostKeys),
      "-",
    ],
    [
      "linkinator 7.6.1 (defaults)",
      lk.ms,
      maxOf(lkStats.maxInFlightPerHost, hostKeys),
      okCount(lk.value.filter((l) => l.state === "OK").length),
    ],
    [
      `markdown-link-check 3.15.0 (${mlcUrls.length} links, ×${urls.length / mlcUrls.length} extrapolated)`,
      mlcEstimate,
      maxOf(mlcStats.maxInFlightPerHost, hostKeys),
      `${mlc.value.filter((r) => r.status === "alive").length}/${mlcUrls.length} alive`,
    ],
  ] as const;
  console.log("| tool | wall time | × papershelf | max in flight on one host | result |");
  console.log("|---|---:|---:|---:|---|");
  for (const [name, t, maxHost, result] of rows) {
    console.log(`| ${name} | ${ms(t)} | ${(t / capped.ms).toFixed(1)}× | ${maxHost} | ${result} |`);
  }
  const bound = (LINKS_PER_HOST / HOST_CAP) * LATENCY_MS;
  const limit = 1.5 * bound + startup.ms;
  const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const runs = (r: { all: number[] }) => r.all.map(ms).join(", ");
  console.log(
    `\nbest of ${ROUNDS} runs — papershelf: ${runs(capped)}; defaults: ${runs(defaults)}; bare undici: ${runs(floor)}; linkinator: ${runs(lk)}`,
  );
  console.log(
    `start-up (fresh client, one link): ${ms(startup.ms)}; markdown-link-check measured once, ${ms(mlc.ms)} on ${mlcUrls.length} links (it runs 2 requests at a time)`,
  );
  console.log(
    `${pass(capped.ms * 5 <= lk.ms)}  papershelf ≤ 1/5 of linkinator: ${ms(capped.ms)} vs ${ms(lk.ms)} (1/${(lk.ms / capped.ms).toFixed(1)})`,
  );
  console.log(
    `${pass(maxOf(cappedStats.maxInFlightPerHost, hostKeys) <= HOST_CAP && maxOf(defaultStats.maxInFlightPerHost, hostKeys) <= HOST_CAP)}  papershelf never above its per-host cap of ${HOST_CAP}`,
  );
  console.log(
    `${pass(capped.ms <= limit)}  within 1.5 × politeness bound (${LINKS_PER_HOST}/${HOST_CAP} × ${LATENCY_MS} ms = ${ms(bound)}) + start-up = ${ms(limit)}: ${ms(capped.ms)}`,
  );
}

async function faults(farm: FarmHandle) {
  const links = faultLinks(farm.info.faultOrigin, farm.info.busyOrigin);
  const urls = links.map((l) => l.url);
  console.log(
    `\n## Fault mix: ${urls.length} links with known truth (timeout ${FAULT_TIMEOUT_MS} ms for every tool)\n`,
  );
  await farm.stats();
  const t0 = Date.now();
  const first = await timed(() => runPapershelf(urls, { timeoutMs: FAULT_TIMEOUT_MS }));
  const psStats = await farm.stats();
  // The second run "7 hours later" (fake clock): the two-run rule turns repeated failures into dead.
  const later = t0 + 7 * 3_600_000;
  const dispatcher = createLinkDispatcher();
  const rerun = await checkUrls(
    urls,
    { dispatcher, now: () => later + (Date.now() - t0) },
    { timeoutMs: FAULT_TIMEOUT_MS, state: first.value.state },
  );
  await dispatcher.close();
  await farm.stats();
  const lk = await timed(() => runLinkinator(farm, urls, FAULT_TIMEOUT_MS));
  await farm.stats();
  const mlc = await timed(() => runMlc(urls, FAULT_TIMEOUT_MS));
  await farm.stats();

  const byUrl = <T>(list: T[], key: (t: T) => string, verdict: (t: T) => string) =>
    new Map(list.map((t) => [key(t), verdict(t)]));
  const tools: ToolVerdicts[] = [
    {
      name: `papershelf run 1 (${ms(first.ms)})`,
      verdicts: byUrl(
        first.value.results,
        (r) => r.url,
        (r) => r.verdict,
      ),
    },
    {
      name: "papershelf run 2, 7 h later",
      verdicts: byUrl(
        rerun.results,
        (r) => r.url,
        (r) => r.verdict,
      ),
    },
    {
      name: `linkinator (${ms(lk.ms)})`,
      verdicts: byUrl(
        lk.value,
        (l) => l.url,
        (l) => `${l.state.toLowerCase()} ${l.status ?? ""}`.trim(),
      ),
    },
    {
      name: `markdown-link-check (${ms(mlc.ms)})`,
      verdicts: byUrl(
        mlc.value,
        (r) => r.link,
        (r) => `${r.status} ${r.statusCode}`,
      ),
    },
  ];
  printFaultTable(links, tools);
  const hostKey = new URL(farm.info.busyOrigin).hostname;
  console.log(
    `\npapershelf max in flight on the rate-limited host: ${psStats.maxInFlightPerHost[hostKey] ?? 0} (cap ${HOST_CAP})`,
  );
  const ps1 = tools[0]?.verdicts ?? new Map<string, string>();
  const ps2 = tools[1]?.verdicts ?? new Map<string, string>();
  const falseDead = links.filter(
    (l) =>
      l.truth !== "dead" && [ps1.get(l.url), ps2.get(l.url)].some((v) => v === "dead" || v === "suspect"),
  );
  const missed = links.filter(
    (l) => (l.truth === "soft404" || l.truth === "redirect") && ps1.get(l.url) !== l.truth,
  );
  const deadLater = links.filter((l) => l.truth === "dead" && ps2.get(l.url) !== "dead");
  const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(`${pass(falseDead.length === 0)}  papershelf: no false dead or suspect (${falseDead.length})`);
  console.log(
    `${pass(missed.length === 0)}  papershelf: every soft 404 and redirect recognised (${missed.length} missed)`,
  );
  console.log(
    `${pass(deadLater.length === 0)}  papershelf: 404/410 suspect on run 1, dead on run 2 (${deadLater.length} not)`,
  );
}

async function repos(farm: FarmHandle) {
  const refs = Array.from({ length: 1_000 }, (_, i) => {
    const name = i % 97 === 0 ? `renamed-${i}` : i % 89 === 0 ? `archived-${i}` : `repo-${i}`;
    return { url: `https://github.com/org-${i % 37}/${name}`, owner: `org-${i % 37}`, name };
  });
  console.log(`\n## Repositories: ${refs.length} through the loopback GraphQL endpoint\n`);
  const graphql = createGraphqlClient({ token: "bench-token", graphqlUrl: farm.info.graphqlUrl });
  await farm.stats();
  const first = await timed(() => checkRepos(refs, { graphql }));
  const firstStats = await farm.stats();
  const second = await timed(() => checkRepos(refs, { graphql }, { cache: first.value.cache }));
  const secondStats = await farm.stats();
  const counts = (list: { verdict: string }[]) =>
    Object.entries(
      list.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.verdict]: (acc[r.verdict] ?? 0) + 1 }),
        {},
      ),
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  console.log(
    `first run: ${firstStats.graphqlRequests} requests in ${ms(first.ms)} (${counts(first.value.results)})`,
  );
  console.log(`rerun within the cache age: ${secondStats.graphqlRequests} requests in ${ms(second.ms)}`);
  const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(`${pass(firstStats.graphqlRequests <= 10)}  ≤ 10 requests for 1,000 repositories`);
  console.log(`${pass(secondStats.graphqlRequests === 0)}  0 requests on a rerun within the cache age`);
  console.log(
    "(the throttling plugin spaces GraphQL requests 1 s apart, GitHub's advice for POSTs: that is the wall time;",
  );
  console.log(
    " missing repositories are never cached, so a list with some makes 1 request per 100 of them on a rerun)",
  );
}

const farm = await startFarmProcess({ hosts: HOSTS, latencyMs: LATENCY_MS, firstOctet: 10 });
const started = performance.now();
try {
  await speed(farm);
  await faults(farm);
  await repos(farm);
} finally {
  farm.stop();
}
console.log(`\nbench finished in ${((performance.now() - started) / 1000) | 0} s`);
