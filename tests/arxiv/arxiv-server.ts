/**
 * A loopback stand-in for export.arxiv.org/api/query that answers as the real API does: Atom 1.0 with
 * `<id>http://arxiv.org/abs/ID vN</id>`, titles wrapped over lines with two spaces of indentation, the summary
 * wrapped with whitespace around it, entities escaped, LaTeX kept, `arxiv:` elements, and no entry at all for
 * an id it does not know. It records every request (query, User-Agent) and can answer 429/503 first.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakePaper {
  id: string;
  version?: number;
  title: string;
  authors: string[];
  published: string;
  summary: string;
  primaryCategory?: string;
  doi?: string;
  journalRef?: string;
}

export interface ArxivServer {
  /** The query endpoint: what PAPERSHELF_ARXIV_API_URL is set to. */
  url: string;
  requests: { idList: string[]; userAgent: string | undefined; maxResults: string | null }[];
  /** Answers to give before the feed, e.g. [{status: 429, retryAfter: "5"}]. */
  failFirst: { status: number; retryAfter?: string }[];
  close(): Promise<void>;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Wraps text as arXiv does: about 80 columns, continuation lines indented by two spaces. */
function wrap(text: string, width = 80): string {
  const words = text.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join("\n  ");
}

function entryXml(p: FakePaper): string {
  const v = p.version ?? 1;
  return `  <entry>
    <id>http://arxiv.org/abs/${p.id}v${v}</id>
    <updated>${p.published}T17:59:59Z</updated>
    <published>${p.published}T17:59:59Z</published>
    <title>${escapeXml(wrap(p.title))}</title>
    <summary>  ${escapeXml(wrap(p.summary))}
</summary>
${p.authors.map((a) => `    <author>\n      <name>${escapeXml(a)}</name>\n    </author>`).join("\n")}
${p.doi ? `    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">${escapeXml(p.doi)}</arxiv:doi>\n` : ""}${
    p.journalRef
      ? `    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">${escapeXml(p.journalRef)}</arxiv:journal_ref>\n`
      : ""
  }    <link href="http://arxiv.org/abs/${p.id}v${v}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${p.id}v${v}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${p.primaryCategory ?? "cs.CV"}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="${p.primaryCategory ?? "cs.CV"}" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`;
}

export function feedXml(papers: readonly FakePaper[], query: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?${escapeXml(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: ${escapeXml(query)}</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <updated>2026-12-01T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${papers.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${papers.length}</opensearch:itemsPerPage>
${papers.map(entryXml).join("\n")}
</feed>
`;
}

export async function startArxivServer(papers: readonly FakePaper[]): Promise<ArxivServer> {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const state: ArxivServer = { url: "", requests: [], failFirst: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const idList = (url.searchParams.get("id_list") ?? "").split(",").filter(Boolean);
    state.requests.push({
      idList,
      userAgent: req.headers["user-agent"],
      maxResults: url.searchParams.get("max_results"),
    });
    const failure = state.failFirst.shift();
    if (failure) {
      res.writeHead(failure.status, failure.retryAfter ? { "retry-after": failure.retryAfter } : {});
      res.end("slow down");
      return;
    }
    const found = idList.map((id) => byId.get(id.replace(/v\d+$/, ""))).filter((p): p is FakePaper => !!p);
    res.writeHead(200, { "content-type": "application/atom+xml; charset=utf-8" });
    res.end(feedXml(found, url.search.slice(1)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/api/query`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
