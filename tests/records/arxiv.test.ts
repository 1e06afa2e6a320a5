/** The one arXiv parser every stage uses (lint, import, render, intake): ids, URLs, pages. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  arxivIdFromUrl,
  arxivPageId,
  canonicalArxivPageId,
  isArxivPage,
  normalizeArxivId,
} from "../../src/records/arxiv.js";
import { normalizeUrl } from "../../src/lint/normalize.js";
import { buildEntryView } from "../../src/render/view-model.js";

describe("arxivIdFromUrl: the id as written (version kept)", () => {
  it.each([
    ["https://arxiv.org/abs/2304.13712", "2304.13712"],
    ["http://arxiv.org/abs/2306.15195v3", "2306.15195v3"],
    ["https://arxiv.org/pdf/2304.13712v2.pdf", "2304.13712v2"],
    ["https://arxiv.org/pdf/2306.15195v1", "2306.15195v1"],
    ["https://arxiv.org/html/2306.15195v2/", "2306.15195v2"],
    ["https://arxiv.org/html/2306.15195v2#S3", "2306.15195v2"],
    ["https://www.arxiv.org/abs/2306.15195?context=cs", "2306.15195"],
    ["HTTPS://ArXiv.org/abs/2306.15195", "2306.15195"],
    ["https://export.arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001v2"],
    ["https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"],
    ["https://huggingface.co/papers/2306.15195", "2306.15195"],
    ["https://hf.co/papers/2306.15195", "2306.15195"],
    ["https://doi.org/10.48550/arXiv.2306.15195", "2306.15195"],
    ["https://doi.org/10.48550/ARXIV.2306.15195", "2306.15195"],
    ["https://paperswithcode.com/paper/x", undefined],
    ["https://arxiv.org/list/cs.CV/recent", undefined],
    ["https://arxiv.org/abs/not-an-id", undefined],
    ["https://doi.org/10.1145/3490519", undefined],
    ["not a url", undefined],
  ])("%s → %s", (url, id) => {
    expect(arxivIdFromUrl(url)).toBe(id);
    expect(arxivIdFromUrl(url)).toBe(URL.canParse(url) ? arxivIdFromUrl(new URL(url)) : undefined);
  });
});

describe("the canonical arxiv.org form, read without a URL parser", () => {
  // Strings close to the canonical form: every part the fast regex looks at, varied.
  const urlLike = fc
    .record({
      scheme: fc.constantFrom("https", "http", "HTTPS", "ftp"),
      host: fc.constantFrom(
        "arxiv.org",
        "www.arxiv.org",
        "export.arxiv.org",
        "ArXiv.org",
        "arxiv.org:443",
        "arxiv.org.",
      ),
      page: fc.constantFrom("abs", "pdf", "html", "format", "list", "abs/.."),
      id: fc.constantFrom(
        "2306.15195",
        "2306.1519",
        "2306.151956",
        "hep-th/9901001",
        "2306.15195v12",
        "2306.15195v",
      ),
      tail: fc.constantFrom("", "/", ".pdf", ".pdf/", "?x=1", "#S3", " ", "%20", "/x", "\t"),
    })
    .map(({ scheme, host, page, id, tail }) => `${scheme}://${host}/${page}/${id}${tail}`);

  it("names the same id as parsing the URL does, for every string it takes", () => {
    fc.assert(
      fc.property(urlLike, (url) => {
        const quick = canonicalArxivPageId(url);
        if (quick === undefined) return;
        expect(quick).toBe(arxivIdFromUrl(new URL(url)));
        expect(quick).toBe(arxivPageId(new URL(url)));
      }),
      { numRuns: 500 },
    );
  });

  it("gives the duplicate finder the key the parser gives the same URL written with an uppercase scheme", () => {
    fc.assert(
      fc.property(urlLike, (url) => {
        // "HTTP…" never takes the fast path, and is the same URL once parsed.
        expect(normalizeUrl(url)).toBe(normalizeUrl(url.replace(/^http/, "HTTP")));
      }),
      { numRuns: 500 },
    );
  });

  it("takes the common forms", () => {
    expect(canonicalArxivPageId("https://arxiv.org/abs/2306.15195")).toBe("2306.15195");
    expect(canonicalArxivPageId("https://arxiv.org/pdf/2306.15195v2.pdf")).toBe("2306.15195v2");
    expect(canonicalArxivPageId("https://arxiv.org/abs/2306.15195?x=1")).toBeUndefined();
  });
});

describe("normalizeArxivId", () => {
  it("drops the version, an arXiv: prefix and a .pdf", () => {
    expect(normalizeArxivId("arXiv:2306.15195v2")).toBe("2306.15195");
    expect(normalizeArxivId("hep-th/9901001v1")).toBe("hep-th/9901001");
    expect(normalizeArxivId("2306")).toBeUndefined();
  });

  it("takes four digits after the dot from 2007 to 2014 and five since 2015, in a real month", () => {
    for (const id of ["0704.0001", "1412.6980", "1501.00001", "2308.00692", "2308.00692v3", "hep-th/9901001"])
      expect(normalizeArxivId(id), id).toBe(id.replace(/v\d+$/, ""));
    for (const id of ["2308.0069", "1412.69801", "0613.0001", "2313.00001", "0612.0001"])
      expect(normalizeArxivId(id), id).toBeUndefined();
    expect(arxivIdFromUrl("https://arxiv.org/abs/2308.0069")).toBeUndefined();
  });
});

describe("arXiv pages (abs, pdf, html: the paper itself)", () => {
  it("reads only arxiv.org pages, not pages that merely name an id", () => {
    expect(arxivPageId("https://arxiv.org/html/2306.15195v2")).toBe("2306.15195v2");
    expect(arxivPageId("https://huggingface.co/papers/2306.15195")).toBeUndefined();
    expect(isArxivPage("https://arxiv.org/pdf/2306.15195v2.pdf", "2306.15195")).toBe(true);
    expect(isArxivPage("https://arxiv.org/html/2306.15195v2", "2306.15195v1")).toBe(true);
    expect(isArxivPage("https://arxiv.org/abs/2306.15196", "2306.15195")).toBe(false);
  });

  it("the README adds no second arXiv link when the entry's url is its /html/ page", () => {
    const entry = {
      id: "shikra",
      title: "Shikra",
      url: "https://arxiv.org/html/2306.15195v2",
      kind: "paper" as const,
      category: "llm",
      arxiv: "2306.15195",
    };
    expect(buildEntryView(entry).arxivUrl).toBe("");
    expect(buildEntryView({ ...entry, url: "https://example.org/shikra" }).arxivUrl).toBe(
      "https://arxiv.org/abs/2306.15195",
    );
  });
});
