/**
 * The benchmark farm, run in its own process (so the tools under test never share its event loop): many HTTP
 * hosts on 127.0.0.x, each answering after a fixed latency and counting the most requests it had in flight,
 * a set of fault routes with known truth, and a GraphQL endpoint that answers aliased repository lookups.
 * Controlled over IPC: "stats" (and reset) after each tool.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FarmConfig {
  hosts: number;
  latencyMs: number;
  /** First address is 127.0.0.<firstOctet>. */
  firstOctet: number;
}

export interface FarmInfo {
  origins: string[];
  faultOrigin: string;
  busyOrigin: string;
  graphqlUrl: string;
}

export type FarmStats = {
  maxInFlightPerHost: Record<string, number>;
  requests: number;
  graphqlRequests: number;
};

interface HostCounter {
  inFlight: number;
  max: number;
}

const counters = new Map<string, HostCounter>();
let requests = 0;
let graphqlRequests = 0;
const servers: http.Server[] = [];
const onceSeen = new Set<string>();

function track(name: string, res: http.ServerResponse): HostCounter {
  const c = counters.get(name) ?? { inFlight: 0, max: 0 };
  counters.set(name, c);
  requests++;
  c.inFlight++;
  c.max = Math.max(c.max, c.inFlight);
  let open = true;
  const done = () => {
    if (open) {
      open = false;
      c.inFlight--;
    }
  };
  res.on("finish", done);
  res.on("close", done);
  return c;
}

function answer(res: http.ServerResponse, status: number, headers: Record<string, string> = {}, body = "") {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
  res.end(body);
}

const PAGE = `<!doctype html><title>page</title><p>${"lorem ipsum ".repeat(40)}</p>`;

/** Fault routes: the truth for each is in links.bench.ts (FAULT_TRUTH). */
function fault(req: http.IncomingMessage, res: http.ServerResponse, host: HostCounter, latencyMs: number) {
  const url = req.url ?? "/";
  const later = (fn: () => void) => setTimeout(fn, latencyMs);
  if (url === "/" || url === "/trending" || url.startsWith("/target/"))
    return later(() => answer(res, 200, {}, PAGE));
  if (url.startsWith("/busy/")) {
    // Rate limited under load: more than 2 requests at once on this host earn a 429.
    if (host.inFlight > 2) return answer(res, 429, { "retry-after": "1" });
    return later(() => answer(res, 200, {}, PAGE));
  }
  if (url.startsWith("/flaky/")) {
    if (!onceSeen.has(url)) {
      onceSeen.add(url);
      return later(() => answer(res, 503));
    }
    return later(() => answer(res, 200, {}, PAGE));
  }
  if (url.startsWith("/moved/"))
    return later(() => answer(res, 301, { location: url.replace("/moved/", "/target/") }));
  if (url.startsWith("/gone-home/")) return later(() => answer(res, 302, { location: "/" }));
  if (url.startsWith("/pwc/")) return later(() => answer(res, 301, { location: "/trending" }));
  if (url.startsWith("/missing/")) return later(() => answer(res, 404, {}, "not found"));
  if (url.startsWith("/removed/")) return later(() => answer(res, 410, {}, "gone"));
  if (url.startsWith("/nohead/")) {
    if (req.method === "HEAD") return later(() => answer(res, 405));
    return later(() => answer(res, 200, { "content-type": "application/pdf" }, "%PDF-1.4"));
  }
  if (url.startsWith("/hang/")) return; // never answers
  later(() => answer(res, 404));
}

function graphql(req: http.IncomingMessage, res: http.ServerResponse) {
  graphqlRequests++;
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { variables: Record<string, string> };
    const data: Record<string, unknown> = {
      rateLimit: { cost: 1, remaining: 4999, resetAt: "2030-01-01T00:00:00Z" },
    };
    const errors: unknown[] = [];
    for (const [key, owner] of Object.entries(body.variables)) {
      if (!key.startsWith("o")) continue;
      const i = key.slice(1);
      const name = body.variables[`n${i}`] ?? "";
      if (name.includes("missing")) {
        data[`r${i}`] = null;
        errors.push({
          type: "NOT_FOUND",
          path: [`r${i}`],
          message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        });
      } else {
        // "renamed" in the name: GitHub follows the rename and answers with the new name.
        const current = name.includes("renamed") ? `${owner}/${name}-new` : `${owner}/${name}`;
        data[`r${i}`] = {
          nameWithOwner: current,
          url: `https://github.com/${current}`,
          isArchived: name.includes("archived"),
          isDisabled: false,
          isFork: false,
          isPrivate: false,
          pushedAt: "2026-01-01T00:00:00Z",
          stargazerCount: 42,
        };
      }
    }
    answer(
      res,
      200,
      { "content-type": "application/json" },
      JSON.stringify({ data, ...(errors.length ? { errors } : {}) }),
    );
  });
}

async function listen(host: string, handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  server.maxHeadersCount = 0;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

export async function startFarm(config: FarmConfig, list: () => string): Promise<FarmInfo> {
  const origins: string[] = [];
  for (let i = 0; i < config.hosts; i++) {
    const host = `127.0.0.${config.firstOctet + i}`;
    const origin = await listen(host, (req, res) => {
      track(host, res);
      if (req.url === "/list.html") return answer(res, 200, {}, list());
      setTimeout(() => answer(res, 200, {}, PAGE), config.latencyMs);
    });
    origins.push(origin);
  }
  const faultHost = `127.0.0.${config.firstOctet + config.hosts}`;
  const busyHost = `127.0.0.${config.firstOctet + config.hosts + 1}`;
  const faultOrigin = await listen(faultHost, (req, res) =>
    fault(req, res, track(faultHost, res), config.latencyMs),
  );
  const busyOrigin = await listen(busyHost, (req, res) =>
    fault(req, res, track(busyHost, res), config.latencyMs),
  );
  const graphqlOrigin = await listen("127.0.0.2", (req, res) => graphql(req, res));
  return { origins, faultOrigin, busyOrigin, graphqlUrl: `${graphqlOrigin}/graphql` };
}

export function takeStats(): FarmStats {
  const maxInFlightPerHost = Object.fromEntries([...counters].map(([host, c]) => [host, c.max]));
  const stats = { maxInFlightPerHost, requests, graphqlRequests };
  counters.clear();
  requests = 0;
  graphqlRequests = 0;
  onceSeen.clear();
  return stats;
}

export function stopFarm(): void {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
}
