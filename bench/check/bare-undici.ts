/**
 * The floor under `npm run bench:check`: undici alone in a fresh process, sending the same 5,000 GETs the
 * engine sends, as cheaply as undici can (its low-level `dispatch`, a handler that only counts the answers),
 * with the engine's politeness (8 requests in flight per host on an Agent of 8 connections per origin) and
 * nothing else: no scheduler, retries, redirects, classification or results. Bundled by the bench like
 * cold-engine.ts, run as `node bare-undici.mjs <urls file>`.
 *
 * What a fresh process pays beyond a warm one (start-up, loading undici, a cold JIT) shows here with no
 * papershelf code in it: no CLI built on undici with these limits can be faster than this row. If anything
 * the floor is low: 40 hosts × 8 lanes put 320 requests in flight, where the engine caps all hosts at 256.
 */
import { readFileSync } from "node:fs";
import { Agent, type Dispatcher } from "undici";

const HOST_CONCURRENCY = 8;

const urls = readFileSync(process.argv[2] ?? "", "utf8")
  .trim()
  .split("\n")
  .map((u) => new URL(u));
const agent = new Agent({ connections: HOST_CONCURRENCY });

/** One GET; resolves with its status once the body has ended (the body is dropped as it arrives). */
function get(url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    let status = 0;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart() {},
      onResponseStart(_controller, statusCode) {
        status = statusCode;
      },
      onResponseData() {},
      onResponseEnd() {
        resolve(status);
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    };
    agent.dispatch({ origin: url.origin, path: url.pathname, method: "GET" }, handler);
  });
}

const byHost = new Map<string, URL[]>();
for (const url of urls) {
  const list = byHost.get(url.host) ?? [];
  list.push(url);
  byHost.set(url.host, list);
}
let ok = 0;
try {
  await Promise.all(
    [...byHost.values()].map((list) =>
      Promise.all(
        Array.from({ length: HOST_CONCURRENCY }, async (_, lane) => {
          for (let i = lane; i < list.length; i += HOST_CONCURRENCY)
            if ((await get(list[i] as URL)) === 200) ok++;
        }),
      ),
    ),
  );
  if (ok !== urls.length) throw new Error(`bare undici: ${ok}/${urls.length} ok`);
} finally {
  await agent.close();
}
