/**
 * Loopback servers for the check tests: one per 127.0.0.x address ("many hosts" without DNS), counting the
 * requests each path got and the most requests in flight at once. Servers are unref'd and closed by the
 * test's afterAll, so a forgotten one never holds the process open.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, server: TestServer) => void;

export interface TestServer {
  /** http://127.0.0.x:port */
  origin: string;
  hits: Map<string, number>;
  inFlight: number;
  maxInFlight: number;
  requests: number;
  close(): Promise<void>;
}

export async function startServer(handler: Handler, host = "127.0.0.1"): Promise<TestServer> {
  const state: TestServer = {
    origin: "",
    hits: new Map(),
    inFlight: 0,
    maxInFlight: 0,
    requests: 0,
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    state.requests++;
    const key = `${req.method} ${req.url}`;
    state.hits.set(key, (state.hits.get(key) ?? 0) + 1);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      state.inFlight--;
    };
    res.on("close", done);
    res.on("finish", done);
    handler(req, res, state);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  state.origin = `http://${host}:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** Reads a request body as JSON (for the GraphQL endpoint). */
export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export function send(
  res: http.ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body = "",
) {
  res.writeHead(status, { "content-type": "text/html", ...headers });
  res.end(body);
}
