/**
 * Issue 12, finding 2: the limits are measured on the tree micromark builds, so no construct that a
 * hand-written scanner misreads (a fence line inside an HTML block, after a list, behind a lone \r) can
 * hide nesting from them.
 */
import { describe, expect, it, vi } from "vitest";
import { checkMarkdownLimits, parseMarkdown } from "../../src/markdown/index.js";
import type * as RemarkModule from "../../src/markdown/remark.js";

/**
 * How many texts micromark has parsed: the pre-counts below must refuse hostile texts before it runs, since
 * parsing them is what took seconds. (A count, not a CPU time: it cannot flake on a loaded machine.)
 */
const parsed = vi.hoisted(() => ({ texts: 0 }));
vi.mock("../../src/markdown/remark.js", async (importOriginal) => {
  const actual = await importOriginal<typeof RemarkModule>();
  return {
    loadRemark: () => {
      const remark = actual.loadRemark();
      const unified = () => {
        const processor = remark.unified();
        const parse = processor.parse.bind(processor);
        processor.parse = ((...args: Parameters<typeof parse>) => {
          parsed.texts++;
          return parse(...args);
        }) as typeof parse;
        return processor;
      };
      return { ...remark, unified: unified as unknown as typeof remark.unified };
    },
  };
});

/** Whether `run` left micromark alone. */
function withoutParsing(run: () => void): boolean {
  const before = parsed.texts;
  run();
  return parsed.texts === before;
}

/** 2,000 nested list items, one a line: `- a`, `  - a`, `    - a`… cut to `chars`. */
function nestedList(levels: number): string {
  return Array.from({ length: levels }, (_, i) => `${"  ".repeat(i % 2_000)}- a`).join("\n");
}

/**
 * The walk-around of issue 12 (28.5 KB): an HTML block, a fence line (which micromark reads as HTML, not as
 * the start of code; the block ends at the blank line), then lists nested 2,000 deep, 7 times. Accepted after 77 s of CPU before.
 */
const WALK_AROUND = `<div>\n\`\`\`\n\n${`${"- ".repeat(2_000)}a\n`.repeat(7)}`;

describe("parseMarkdown's limits", () => {
  it("rejects the 28.5 KB walk-around (HTML block, fence line, 2,000 nested lists) as too deep, quickly", () => {
    expect(WALK_AROUND.length).toBeGreaterThan(28_000);
    const result = parseMarkdown(WALK_AROUND);
    expect(result.ok).toBe(false);
    // Seven such lines pass the marker bound before any parse; one passes the depth measured on the tree.
    if (!result.ok) expect(result.problem).toMatchObject({ limit: "containers" });
    const oneLine = parseMarkdown(WALK_AROUND.split("\n").slice(0, 4).join("\n"));
    expect(oneLine).toMatchObject({ ok: false, problem: { limit: "depth", line: 4 } });
  });

  it("sees nesting inside an HTML block, behind a lone \\r line ending, and in footnote definitions", () => {
    expect(checkMarkdownLimits(`<p>\n~~~\n\n${"> ".repeat(50)}x`)).toMatchObject({
      limit: "depth",
      line: 4,
    });
    expect(checkMarkdownLimits(`a\r${"> ".repeat(20)}x`)).toMatchObject({ limit: "depth", line: 2 });
    expect(checkMarkdownLimits(`${"[^a]: ".repeat(20)}x`)).toMatchObject({ limit: "depth", found: 20 });
    expect(checkMarkdownLimits(nestedList(12))).toMatchObject({ limit: "depth", found: 12, line: 12 });
  });

  it("keeps what micromark reads as code: a real fence holds deep prefixes and many asterisks", () => {
    const code = ["```", ">".repeat(5_000), "- ".repeat(3_000), "a_b ".repeat(1_500), "```", "after"].join(
      "\n",
    );
    const result = parseMarkdown(code);
    expect(result.ok).toBe(true);
    // The tree is the original text's, not the masked copy the limits parsed.
    if (result.ok)
      expect(result.tree.children[0]).toMatchObject({
        type: "code",
        value: expect.stringContaining(">".repeat(5_000)),
      });
  });

  it("bounds list and quote markers, code included: micromark is quadratic in their number", () => {
    expect(checkMarkdownLimits("- a\n".repeat(501))).toMatchObject({
      limit: "containers",
      found: 501,
      max: 500,
    });
    expect(checkMarkdownLimits("- a\n".repeat(400))).toBeUndefined();
    // `- ` × 10 on 1,000 lines took 9.6 s of CPU to parse, at depth 10 (inside the old limits).
    expect(checkMarkdownLimits(`${"- ".repeat(10)}a\n`.repeat(999))).toMatchObject({ limit: "containers" });
  });

  it("counts delimiters outside code on the tree, and bounds them anywhere before parsing", () => {
    const fenced = `\`\`\`\n${"*a".repeat(1_900)}\n\`\`\`\n${"*a".repeat(1_900)}`;
    expect(checkMarkdownLimits(fenced)).toBeUndefined();
    expect(checkMarkdownLimits(`<div>\n\`\`\`\n${"*a".repeat(2_100)}`)).toMatchObject({
      limit: "delimiters",
    });
    expect(checkMarkdownLimits("*a".repeat(4_100))).toMatchObject({ limit: "delimiters", found: 4_100 });
  });

  it("bounds the walk back from unmatched ']' over a paragraph (GFM footnote calls are quadratic in it)", () => {
    // `<b>]` × 8,000 took 6.6 s of CPU in the intake; found by the fuzz test's `</details>…](x)` body.
    const hostile = "<b>]".repeat(8_000);
    // Decided before micromark runs: a linear pre-count, not the parse (which the count does see).
    expect(withoutParsing(() => parseMarkdown("See [the paper](https://arxiv.org/abs/2104.04258)."))).toBe(
      false,
    );
    expect(
      withoutParsing(() =>
        expect(checkMarkdownLimits(hostile)).toMatchObject({ limit: "scans", max: 2_000_000 }),
      ),
    ).toBe(true);
    // The count is per paragraph: the same brackets split by blank lines every 100 are fine.
    expect(
      checkMarkdownLimits(Array.from({ length: 80 }, () => "<b>]".repeat(100)).join("\n\n")),
    ).toBeUndefined();
    // So is ordinary prose with links and footnotes, and code is counted too (an upper bound).
    const prose = "See [the paper](https://arxiv.org/abs/2104.04258) and [^1]. ".repeat(40);
    expect(checkMarkdownLimits(prose)).toBeUndefined();
    expect(
      withoutParsing(() =>
        expect(parseMarkdown(hostile)).toMatchObject({ ok: false, problem: { limit: "scans" } }),
      ),
    ).toBe(true);
  });

  it("bounds inline HTML openings that scan to the paragraph's end ('<!--' × 16,000 took 23 s)", () => {
    // (CDATA's `[` would also count as delimiters past 2,000, so fewer of those.)
    for (const [opening, times] of [
      ["<!--", 4_000],
      ["<!a", 4_000],
      ["<?", 4_000],
      ["<![CDATA[", 1_500],
    ] as const) {
      const hostile = `x ${opening.repeat(times)}`;
      expect(checkMarkdownLimits(hostile), opening).toMatchObject({ limit: "scans" });
      expect(
        withoutParsing(() => expect(parseMarkdown(hostile)).toMatchObject({ ok: false })),
        opening,
      ).toBe(true);
    }
    // Per paragraph, and a closed comment in ordinary prose is fine.
    expect(
      checkMarkdownLimits(Array.from({ length: 80 }, () => "<!--".repeat(100)).join("\n\n")),
    ).toBeUndefined();
    expect(checkMarkdownLimits("Text <!-- a note --> more text. ".repeat(60))).toBeUndefined();
  });

  it("bounds the autolink walk back to an unclosed '[' ('*a[' then '- ' × 5,000 took 0.5 s to parse)", () => {
    // Found by the fuzz test (seed 1399365576): a 10 KB 摘要 of this shape took the intake 1.1 s of CPU
    // alone and 2 s in a loaded CI run; GFM checks every word after the `[` for an address.
    for (const hostile of ["*a[" + "- ".repeat(5_000), "[" + "a ".repeat(5_000) + "](x)"]) {
      expect(checkMarkdownLimits(hostile), hostile.slice(0, 8)).toMatchObject({ limit: "scans" });
      expect(
        withoutParsing(() =>
          expect(parseMarkdown(hostile)).toMatchObject({ ok: false, problem: { limit: "scans" } }),
        ),
        hostile.slice(0, 8),
      ).toBe(true);
    }
    // Closed brackets cost nothing after them: a long abstract with citations and links is fine, and so is
    // the same dash run without the '['.
    const abstract =
      "We propose [a method](https://example.org/m) for detection [1], evaluated on COCO [2]. ".repeat(40);
    expect(checkMarkdownLimits(abstract)).toBeUndefined();
    expect(checkMarkdownLimits("*a" + "- ".repeat(5_000))).toBeUndefined();
    // Per paragraph: an unclosed '[' ends with its paragraph.
    expect(checkMarkdownLimits(`see [1\n\n${"word ".repeat(3_000)}`)).toBeUndefined();
  });
});
