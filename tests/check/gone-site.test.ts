/**
 * paperswithcode.com shut down; since Dec 2025 /paper/<slug> redirects to huggingface.co/papers/<arXiv id>
 * where a mapping exists and to a generic page where not (RESEARCH.md). One such link, alone in a run, must
 * be a soft 404 when it lands anywhere else: the collapse rule needs three links on one page to notice.
 *
 * The real host names are served from loopback: the dispatcher handed to the engine connects every request
 * to 127.0.0.22, whatever the URL's host (the engine takes its HTTP client as an argument).
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "undici";
import { checkUrls } from "../../src/check/index.js";
import { fakeClock } from "./helpers/clock.js";
import { send, startServer, type TestServer } from "./helpers/servers.js";

let site: TestServer;
let port: number;
let dispatcher: Agent;

beforeAll(async () => {
  site = await startServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    const url = req.url ?? "/";
    const here = (path: string) => `http://${path}`.replace(/^http:\/\/([^/]+)/, `http://$1:${port}`);
    if (host === "paperswithcode.com" && url === "/paper/shikra-unleashing-multimodal-llm-s")
      return send(res, 301, { location: here("huggingface.co/papers/2306.15195") });
    if (host === "paperswithcode.com" && url === "/paper/some-unmapped-paper")
      return send(res, 302, { location: here("huggingface.co/papers/trending") });
    if (host === "paperswithcode.com" && url === "/paper/elsewhere")
      return send(res, 301, { location: here("example.org/a-generic-page") });
    if (host === "huggingface.co" || host === "example.org") return send(res, 200, {}, "<p>a page</p>");
    send(res, 404);
  }, "127.0.0.22");
  port = Number(new URL(site.origin).port);
  dispatcher = new Agent({
    connect: (_options, callback) => {
      const socket = net.connect({ host: "127.0.0.22", port });
      socket.once("connect", () => callback(null, socket));
      socket.once("error", (error) => callback(error, null));
    },
  });
});

afterAll(async () => {
  await dispatcher.close();
  await site.close();
});

async function checkOne(path: string) {
  const clock = fakeClock();
  const url = `http://paperswithcode.com:${port}${path}`;
  const run = await checkUrls([url], { dispatcher, now: clock.now, sleep: clock.sleep }, { retries: 0 });
  return run.results[0];
}

describe("a paperswithcode paper link, checked on its own", () => {
  it("is a soft 404 when it lands on a generic Hugging Face page", async () => {
    expect(await checkOne("/paper/some-unmapped-paper")).toMatchObject({
      verdict: "soft404",
      reason: "gone-site",
      finalUrl: `http://huggingface.co:${port}/papers/trending`,
    });
  });

  it("is a soft 404 when it lands anywhere else", async () => {
    const result = await checkOne("/paper/elsewhere");
    expect(result).toMatchObject({ verdict: "soft404", reason: "gone-site" });
    expect(result?.message).toContain("huggingface.co/papers/<arXiv id>");
  });

  it("is a redirect (fixable to its target) when it lands on the paper's Hugging Face page", async () => {
    expect(await checkOne("/paper/shikra-unleashing-multimodal-llm-s")).toMatchObject({
      verdict: "redirect",
      suggestion: `http://huggingface.co:${port}/papers/2306.15195`,
    });
  });
});
