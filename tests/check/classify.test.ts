import { describe, expect, it } from "vitest";
import { classifyProbe, landedOnRoot, permanentTarget } from "../../src/check/links/classify.js";
import { markCollapsedRedirects } from "../../src/check/links/collapse.js";
import { DEFAULT_LINK_OPTIONS } from "../../src/check/links/options.js";
import type { ProbeEnd, ProbeResult } from "../../src/check/links/probe.js";
import { classifyError } from "../../src/check/links/request.js";
import type { RedirectHop } from "../../src/check/links/verdict.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const ctx = { options: DEFAULT_LINK_OPTIONS, checkedAt: NOW };

function probe(url: string, end: ProbeEnd, redirects: RedirectHop[] = [], finalUrl = url): ProbeResult {
  return {
    url,
    end,
    redirects,
    finalUrl,
    attempts: 1 + redirects.length,
    exhaustedRetries: false,
    durationMs: 5,
  };
}
const response = (status: number, headers: Record<string, string> = {}): ProbeEnd => ({
  kind: "response",
  status,
  headers,
});

describe("classifyProbe", () => {
  it("ok for a 200 without redirects", () => {
    expect(classifyProbe(probe("https://a.org/x", response(200)), ctx).verdict).toBe("ok");
  });

  it("redirect with the target suggested for a permanent move", () => {
    const hops = [{ url: "https://a.org/x", status: 301, location: "https://b.org/y" }];
    const r = classifyProbe(probe("https://a.org/x", response(200), hops, "https://b.org/y"), ctx);
    expect(r).toMatchObject({
      verdict: "redirect",
      suggestion: "https://b.org/y",
      finalUrl: "https://b.org/y",
    });
  });

  it("ok (hops recorded) for a temporary redirect to a real page", () => {
    const hops = [{ url: "https://a.org/x", status: 302, location: "https://a.org/login-free/x" }];
    const r = classifyProbe(probe("https://a.org/x", response(200), hops, "https://a.org/login-free/x"), ctx);
    expect(r.verdict).toBe("ok");
    expect(r.redirects).toHaveLength(1);
  });

  it("soft404 when a deep link lands on the site's front page", () => {
    const hops = [{ url: "https://a.org/paper/x", status: 302, location: "https://a.org/" }];
    const r = classifyProbe(probe("https://a.org/paper/x", response(200), hops, "https://a.org/"), ctx);
    expect(r).toMatchObject({ verdict: "soft404", reason: "root" });
  });

  it("a first 404, 410 or unknown domain is suspect, never dead", () => {
    for (const end of [
      response(404),
      response(410),
      classifyError({ code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND" }),
    ]) {
      const r = classifyProbe(probe("https://gone.example/x", end), ctx);
      expect(r.verdict).toBe("suspect");
      if (r.verdict === "suspect")
        expect(r.deadAfter).toBe(new Date(NOW + DEFAULT_LINK_OPTIONS.deadAfterMs).toISOString());
    }
  });

  it("blocked for 999, 202 challenges, 403 with cf-mitigated, and refusals from listed hosts", () => {
    expect(classifyProbe(probe("https://www.linkedin.com/in/x", response(999)), ctx).verdict).toBe("blocked");
    expect(classifyProbe(probe("https://ieeexplore.ieee.org/document/1", response(202)), ctx).verdict).toBe(
      "blocked",
    );
    expect(
      classifyProbe(probe("https://a.org/x", response(403, { "cf-mitigated": "challenge" })), ctx).verdict,
    ).toBe("blocked");
    expect(classifyProbe(probe("https://www.researchgate.net/x", response(403)), ctx).verdict).toBe(
      "blocked",
    );
    const custom = { ...ctx, options: { ...ctx.options, blockedHosts: ["example.com"] } };
    expect(classifyProbe(probe("https://sub.example.com/x", response(401)), custom).verdict).toBe("blocked");
    // A plain 403 elsewhere is an error to look at, not a bot wall and not dead.
    expect(classifyProbe(probe("https://a.org/x", response(403)), ctx).verdict).toBe("error");
  });

  it("timeout, TLS and reset failures keep their kind", () => {
    expect(
      classifyProbe(probe("https://a.org", classifyError({ code: "UND_ERR_HEADERS_TIMEOUT" })), ctx).verdict,
    ).toBe("timeout");
    const tls = classifyProbe(
      probe("https://a.org", classifyError({ code: "CERT_HAS_EXPIRED", message: "certificate has expired" })),
      ctx,
    );
    expect(tls).toMatchObject({ verdict: "error" });
    expect(tls.message).toContain("TLS");
    expect(classifyError({ code: "ECONNRESET" }).failure).toBe("reset");
    expect(classifyError({ code: "EAI_AGAIN" }).failure).toBe("dns-temporary");
  });

  it("names an error's code once, whether or not Node's message already holds it (issue 9)", () => {
    const refused = classifyProbe(
      probe(
        "https://a.org",
        classifyError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:443" }),
      ),
      ctx,
    );
    expect(refused.message).toBe("refused: connect ECONNREFUSED 127.0.0.1:443");
    const tls = classifyProbe(
      probe("https://a.org", classifyError({ code: "CERT_HAS_EXPIRED", message: "certificate has expired" })),
      ctx,
    );
    expect(tls.message).toBe("TLS error: CERT_HAS_EXPIRED certificate has expired");
  });

  it("429 and 5xx left after retries are errors, not dead", () => {
    expect(classifyProbe(probe("https://a.org", response(429)), ctx).verdict).toBe("error");
    expect(classifyProbe(probe("https://a.org", response(503)), ctx).verdict).toBe("error");
  });

  it("redirect loops and overlong chains are errors", () => {
    const r = classifyProbe(
      probe("https://a.org", { kind: "redirect-loop", message: "redirect loop back to https://a.org/" }),
      ctx,
    );
    expect(r).toMatchObject({ verdict: "error", message: "redirect loop back to https://a.org/" });
  });
});

describe("redirect helpers", () => {
  it("suggests the end of the leading permanent hops only", () => {
    expect(
      permanentTarget([
        { url: "http://a.org/x", status: 301, location: "https://a.org/x" },
        { url: "https://a.org/x", status: 308, location: "https://a.org/y" },
        { url: "https://a.org/y", status: 302, location: "https://a.org/session/y" },
      ]),
    ).toBe("https://a.org/y");
    expect(
      permanentTarget([{ url: "https://a.org/x", status: 307, location: "https://a.org/y" }]),
    ).toBeUndefined();
  });

  it("knows front pages from pages", () => {
    expect(landedOnRoot("https://a.org/paper/x", "https://a.org/")).toBe(true);
    expect(landedOnRoot("https://a.org/paper/x", "https://a.org/en/")).toBe(true);
    expect(landedOnRoot("https://a.org/paper/x", "https://a.org/ok")).toBe(false);
    expect(landedOnRoot("http://a.org", "https://a.org/")).toBe(false);
    expect(landedOnRoot("https://a.org/paper/x", "https://a.org/?q=x")).toBe(false);
  });
});

describe("collapse (many links → one page)", () => {
  // Not paperswithcode.com: its links have their own rule (gone-site), which needs no second link.
  const redirected = (path: string, to: string) =>
    classifyProbe(
      probe(
        `https://closed-archive.example/paper/${path}`,
        response(200),
        [{ url: `https://closed-archive.example/paper/${path}`, status: 301, location: to }],
        to,
      ),
      ctx,
    );

  it("turns redirects to a shared final URL into soft404 once the threshold is reached", () => {
    const results = [
      redirected("a", "https://elsewhere.example/trending"),
      redirected("b", "https://elsewhere.example/trending"),
      redirected("c", "https://elsewhere.example/trending"),
      redirected("d", "https://elsewhere.example/papers/2306.15195"),
    ];
    const out = markCollapsedRedirects(results, 3);
    expect(out.map((r) => r.verdict)).toEqual(["soft404", "soft404", "soft404", "redirect"]);
    expect(out[0]).toMatchObject({ reason: "collapse", sharedBy: 3 });
  });

  it("leaves two links to one page alone (below the threshold)", () => {
    const out = markCollapsedRedirects(
      [redirected("a", "https://x.org/t"), redirected("b", "https://x.org/t")],
      3,
    );
    expect(out.map((r) => r.verdict)).toEqual(["redirect", "redirect"]);
  });
});
