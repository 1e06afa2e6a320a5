import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARXIV_MIN_INTERVAL_MS,
  createArxivClient,
  parseArxivFeed,
  retryAfterMs,
} from "../../src/arxiv/index.js";
import { feedXml, startArxivServer, type ArxivServer, type FakePaper } from "./arxiv-server.js";

const SHIKRA: FakePaper = {
  id: "2306.15195",
  version: 2,
  title:
    "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic & the $\\alpha$-Trick of Long Titles That Wrap",
  authors: ["Keqin Chen", "Zhao Zhang", "Weili Zeng", "Richong Zhang", "Feng Zhu", "Rui Zhao"],
  published: "2023-06-27",
  summary:
    "In human conversations, individuals can indicate relevant regions within a scene while addressing others. In turn, the other person can then respond by referring to specific regions if necessary. <b>This</b> natural referential ability in dialogue remains absent in current Multimodal Large Language Models (MLLMs).",
  primaryCategory: "cs.CV",
  doi: "10.1000/xyz-123",
  journalRef: "CVPR 2024 & friends",
};

/** A clock that only moves when the client sleeps: every wait is recorded, none is real. */
function fakeTime() {
  let t = Date.parse("2026-12-01T00:00:00Z");
  const sleeps: number[] = [];
  const sentAt: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
    sentAt,
  };
}

describe("parseArxivFeed", () => {
  it("unwraps titles and abstracts, drops the version, decodes entities and keeps LaTeX", async () => {
    const xml = feedXml([SHIKRA], "id_list=2306.15195");
    expect(xml).toContain("\n  "); // the fixture really wraps
    const result = await parseArxivFeed(xml);
    expect(result).toEqual({
      ok: true,
      papers: [
        {
          id: "2306.15195",
          version: 2,
          title: SHIKRA.title,
          authors: SHIKRA.authors,
          published: "2023-06-27",
          abstract: SHIKRA.summary,
          primaryCategory: "cs.CV",
          doi: "10.1000/xyz-123",
          journalRef: "CVPR 2024 & friends",
        },
      ],
    });
  });

  it("reads an empty feed (an unknown id) as no paper, and refuses what is not a feed", async () => {
    expect(await parseArxivFeed(feedXml([], "id_list=2401.99999"))).toEqual({ ok: true, papers: [] });
    expect((await parseArxivFeed("<html><body>Service unavailable</body></html>")).ok).toBe(false);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-12-01T00:00:00Z");
    expect(retryAfterMs("7", now)).toBe(7000);
    expect(retryAfterMs("Tue, 01 Dec 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe("the arXiv client against a loopback arXiv", () => {
  let server: ArxivServer;
  const many: FakePaper[] = Array.from({ length: 230 }, (_, i) => ({
    ...SHIKRA,
    id: `2401.${String(10000 + i)}`,
    title: `Paper ${i}`,
  }));
  beforeAll(async () => {
    server = await startArxivServer([SHIKRA, ...many]);
  });
  afterAll(() => server.close());

  it("asks for up to 100 ids a request, at least 3 s apart, with a User-Agent that has a contact URL", async () => {
    server.requests.length = 0;
    const time = fakeTime();
    const client = createArxivClient({ apiUrl: server.url, now: time.now, sleep: time.sleep });
    const result = await client.lookup(many.map((p) => `arXiv:${p.id}v3`));
    expect(result.ok && result.papers.size).toBe(230);
    expect(server.requests.map((r) => r.idList.length)).toEqual([100, 100, 30]);
    expect(server.requests[0]?.maxResults).toBe("100");
    expect(server.requests[0]?.userAgent).toMatch(/^papershelf \(\+https:\/\/\S+\)$/);
    // The first request goes at once; each next one waits out the rest of the 3 s.
    expect(time.sleeps).toEqual([ARXIV_MIN_INTERVAL_MS, ARXIV_MIN_INTERVAL_MS]);
  });

  it("answers from its cache the second time, and names the ids arXiv does not know", async () => {
    server.requests.length = 0;
    const time = fakeTime();
    const client = createArxivClient({ apiUrl: server.url, now: time.now, sleep: time.sleep });
    const first = await client.lookup(["2306.15195", "2401.99999"]);
    expect(first.ok && [first.papers.get("2306.15195")?.title, first.missing]).toEqual([
      SHIKRA.title,
      ["2401.99999"],
    ]);
    const again = createArxivClient({
      apiUrl: server.url,
      now: time.now,
      sleep: time.sleep,
      cache: client.cache(),
    });
    const second = await again.lookup(["2306.15195"]);
    expect(second.ok && second.requests).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("retries on 429 and 503 after Retry-After, and gives up on a wait too long", async () => {
    server.requests.length = 0;
    server.failFirst.push({ status: 429, retryAfter: "5" }, { status: 503 });
    const time = fakeTime();
    const client = createArxivClient({ apiUrl: server.url, now: time.now, sleep: time.sleep });
    const result = await client.lookup(["2306.15195"]);
    expect(result.ok && result.requests).toBe(3);
    // 5 s asked by Retry-After; then 6 s of backoff for the 503 without one (both at least the 3 s gap).
    expect(time.sleeps).toEqual([5000, 6000]);

    server.failFirst.push({ status: 503, retryAfter: "3600" });
    const late = await createArxivClient({ apiUrl: server.url, now: time.now, sleep: time.sleep }).lookup([
      "2306.15195",
    ]);
    expect(late).toMatchObject({
      ok: false,
      message: "arXiv asked to wait 3600 s (HTTP 503); try again later",
    });
  });

  it("says arXiv could not be reached when nothing answers", async () => {
    const client = createArxivClient({ apiUrl: "http://127.0.0.1:9/api/query" });
    const result = await client.lookup(["2306.15195"]);
    expect(result).toMatchObject({ ok: false, message: "arXiv could not be reached (ECONNREFUSED)" });
  });
});
