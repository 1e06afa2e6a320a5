import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractFileUrls, extractRecordUrls } from "../../src/check/index.js";
import { extractMarkdownUrls } from "../../src/check/extract/markdown.js";
import fc from "fast-check";
import { isHttpUrl } from "../../src/check/extract/targets.js";
import { trimUrl } from "../../src/urls/index.js";
import { extractHtmlUrls, extractTextUrls } from "../../src/check/extract/text.js";
import { parseRecords } from "../../src/records/parse.js";

const FIXTURE = new URL("../fixtures/check/papers.yaml", import.meta.url);

describe("Markdown", () => {
  it("finds links, images, definitions, autolinks, bare URLs and HTML attributes, not code", () => {
    const md = [
      "# Title",
      "[paper](https://arxiv.org/abs/2306.15195) and ![fig](https://example.org/fig.png)",
      "<https://auto.example/x> and bare https://bare.example/y.",
      "",
      "[ref]: https://def.example/z",
      '<img src="https://html.example/a.png" width="50%">',
      "`https://code.example/no` and",
      "```",
      "https://fenced.example/no",
      "```",
      "[relative](./docs/x.md) [mail](mailto:a@b.c)",
    ].join("\n");
    expect(extractMarkdownUrls(md)).toEqual([
      { url: "https://arxiv.org/abs/2306.15195", line: 2, column: 1 },
      { url: "https://example.org/fig.png", line: 2, column: 47 },
      { url: "https://auto.example/x", line: 3, column: 1 },
      { url: "https://bare.example/y", line: 3, column: 35 },
      { url: "https://def.example/z", line: 5, column: 1 },
      { url: "https://html.example/a.png", line: 6, column: 11 },
    ]);
  });
});

describe("HTML and text", () => {
  it("reads href and src, decoding entities", () => {
    expect(
      extractHtmlUrls("<a href=\"https://a.org/?x=1&amp;y=2\">x</a>\n<img src='https://b.org/i.png'>"),
    ).toEqual([
      { url: "https://a.org/?x=1&y=2", line: 1, column: 10 },
      { url: "https://b.org/i.png", line: 2, column: 11 },
    ]);
  });

  it("trims sentence punctuation but keeps balanced brackets", () => {
    expect(
      extractTextUrls("See https://a.org/x. Also (https://en.wikipedia.org/wiki/Foo_(bar)), done").map(
        (u) => u.url,
      ),
    ).toEqual(["https://a.org/x", "https://en.wikipedia.org/wiki/Foo_(bar)"]);
  });

  it("trims trailing underscores, tildes and quotes that end a sentence, not the letters before them", () => {
    expect(
      extractTextUrls("_https://a.org/x_ and ~https://b.org/y~ and 'https://c.org/z' https://d.org/a_b").map(
        (u) => u.url,
      ),
    ).toEqual(["https://a.org/x", "https://b.org/y", "https://c.org/z", "https://d.org/a_b"]);
  });

  it("places every URL at the line and column a line-by-line reading gives, over many lines", () => {
    const lines = Array.from({ length: 400 }, (_, i) =>
      i % 7 === 0
        ? ""
        : `${"x ".repeat(i % 5)}https://h${i}.org/p/${i}${i % 3 ? "" : ` and http://g${i}.org/`}\r`,
    );
    const expected = lines.flatMap((text, i) =>
      [...text.matchAll(/https?:\/\/\S+/g)].map((m) => ({
        url: m[0].replace(/\r$/, ""),
        line: i + 1,
        column: (m.index ?? 0) + 1,
      })),
    );
    expect(extractTextUrls(lines.join("\n"))).toEqual(expected);
  });

  it("finds what a plain regex reading finds, in any text made of URL-ish pieces", () => {
    // The reading the scanner replaced: one regex, line and column by counting.
    const reference = (text: string) =>
      [...text.matchAll(/https?:\/\/[^\s<>"'`{}|\\^]+/gi)].flatMap((m) => {
        const url = trimUrl(m[0]);
        const before = text.slice(0, m.index);
        const line = before.split("\n").length;
        return isHttpUrl(url) ? [{ url, line, column: before.length - before.lastIndexOf("\n") }] : [];
      });
    const piece = fc.constantFrom(
      "http://",
      "https://",
      "HTTPS://",
      "hTtP://",
      "a.org",
      "/x",
      " ",
      "\n",
      "\r\n",
      ".",
      ")",
      "(",
      '"',
      "<",
      "`",
      "\\",
      "^",
      "x",
      "httpx://",
      "ftp://",
      "\u3000",
      "摘要",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(extractTextUrls(text)).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("chooses the extractor by extension and groups repeats", () => {
    const targets = extractFileUrls("urls.txt", "https://a.org/x\nhttps://a.org/x\nhttps://b.org/\n");
    expect(targets).toEqual([
      {
        url: "https://a.org/x",
        locations: [
          { file: "urls.txt", line: 1, column: 1 },
          { file: "urls.txt", line: 2, column: 1 },
        ],
      },
      { url: "https://b.org/", locations: [{ file: "urls.txt", line: 3, column: 1 }] },
    ]);
    expect(extractFileUrls("page.html", '<a href="https://c.org">c</a>')[0]?.url).toBe("https://c.org");
  });
});

describe("records", () => {
  const text = readFileSync(FIXTURE, "utf8");
  const parsed = parseRecords(text, "data/papers.yaml");
  if (!parsed.ok) throw new Error("fixture should be valid");
  const targets = extractRecordUrls(parsed.data, parsed.source);
  const lines = text.split("\n");

  it("points every scalar URL at its exact line and column", () => {
    for (const target of targets) {
      for (const loc of target.locations) {
        const line = lines[loc.line - 1] ?? "";
        expect(line.slice(loc.column - 1)).toContain(target.url);
      }
    }
  });

  it("covers entry urls, repositories, links, images and URLs inside 摘要", () => {
    const urls = targets.map((t) => t.url);
    expect(urls).toContain("https://paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s");
    expect(urls).toContain("https://github.com/microsoft/visual-chatgpt");
    expect(urls).toContain("https://raw.githubusercontent.com/shikras/shikra/main/assets/teaser.jpg");
    const inSummary = targets.find((t) => t.url === "https://github.com/togethercomputer/RedPajama-Data");
    expect(inSummary?.locations[0]).toMatchObject({ file: "data/papers.yaml" });
    expect(inSummary?.locations[0]?.path).toBeUndefined();
    const scalar = targets.find((t) => t.url === "https://github.com/microsoft/visual-chatgpt")?.locations[0];
    expect(scalar).toMatchObject({ entryId: "visual-chatgpt", path: ["entries", 2, "repos", 0, "url"] });
  });
});
