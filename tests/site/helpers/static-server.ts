/**
 * A static file server on loopback for the built site, as GitHub Pages serves it: a folder answers with its
 * index.html, under a base path like /<repo>/ so relative links are put to the test. Stops when closed.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/atom+xml; charset=utf-8",
  ".bib": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** http://127.0.0.1:<port><base> */
  url: string;
  /** Every path asked for that the site lacks (answered 404), in order: a page should ask for none. */
  misses: string[];
  close(): Promise<void>;
}

export async function serveStatic(folder: string, base = "/papershelf/"): Promise<StaticServer> {
  const dir = path.resolve(folder);
  const misses: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      if (!pathname.startsWith(base)) {
        misses.push(pathname);
        res.writeHead(404).end("outside the base path");
        return;
      }
      let file = path.join(dir, pathname.slice(base.length));
      if (!file.startsWith(dir)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) {
          if (!pathname.endsWith("/")) {
            res.writeHead(301, { location: `${pathname}/` }).end();
            return;
          }
          file = path.join(file, "index.html");
        }
        const body = await readFile(file);
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        res.end(body);
      } catch {
        misses.push(pathname);
        res.writeHead(404).end("not found");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
