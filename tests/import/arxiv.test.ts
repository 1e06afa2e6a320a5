import { describe, expect, it } from "vitest";
import { assignArxivIds, parseArxivIds, type ArxivCandidate } from "../../src/import/arxiv.js";

describe("parseArxivIds", () => {
  it("reads rows with their lines; an unquoted id is read as written, not as a number", () => {
    const result = parseArxivIds(
      "- title: A\n  arxiv: '2306.15195'\n- title: B\n  arxiv: 2306.10960\n- title: C\n  arxiv: null\n",
      "ids.yaml",
    );
    expect(result).toEqual({
      ok: true,
      list: {
        file: "ids.yaml",
        rows: [
          { title: "A", arxiv: "2306.15195", line: 1 },
          { title: "B", arxiv: "2306.10960", line: 3 },
          { title: "C", arxiv: null, line: 5 },
        ],
      },
    });
  });

  it("says what is wrong and where", () => {
    const result = parseArxivIds(
      "- title: A\n  arxiv: 'abc'\n- title: B\n- arxiv: '2306.15195'\n",
      "ids.yaml",
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.message])).toEqual([
      [2, `arxiv: "abc" is not an arXiv id; expected e.g. '2306.15195' (or null for no paper)`],
      [3, "arxiv: missing; write arxiv: null for an entry that is not a paper"],
      [4, "title: expected the entry's title as text"],
    ]);
    expect(parseArxivIds("title: x\n", "ids.yaml").ok).toBe(false);
  });
});

describe("assignArxivIds", () => {
  const candidate = (id: string, title: string, extra: Partial<ArxivCandidate> = {}): ArxivCandidate => ({
    id,
    title,
    kind: "paper",
    line: 10,
    fromHeading: true,
    ...extra,
  });

  it("matches by normalised title (case, punctuation and spacing ignored)", () => {
    const cs = [
      candidate("a", "Baize: An Open-Source Chat Model "),
      candidate("d", "some/dataset", { kind: "dataset" }),
    ];
    const notices = assignArxivIds(
      cs,
      {
        file: "ids.yaml",
        rows: [
          { title: "some/dataset", arxiv: null, line: 3 },
          { title: "baize an open source chat model", arxiv: "2304.01196", line: 1 },
        ],
      },
      "list.md",
    );
    expect(cs.map((c) => c.arxiv)).toEqual(["2304.01196", undefined]);
    expect(notices).toEqual([]);
  });

  it("falls back to position only for an unmatched entry whose row is unmatched too, with a warning", () => {
    const cs = [candidate("a", "Title One"), candidate("b", "Title Twoo")];
    const notices = assignArxivIds(
      cs,
      {
        file: "ids.yaml",
        rows: [
          { title: "Title One", arxiv: "2301.00001", line: 1 },
          { title: "Title Two", arxiv: "2301.00002", line: 3 },
        ],
      },
      "list.md",
    );
    expect(cs.map((c) => c.arxiv)).toEqual(["2301.00001", "2301.00002"]);
    expect(notices.map((n) => [n.code, n.entryId])).toEqual([["arxiv-by-position", "b"]]);
  });

  it("reports papers left without an id, unused rows, and rows that contradict an arxiv.org link", () => {
    const cs = [candidate("a", "Alpha", { arxiv: "2301.00001" }), candidate("b", "Beta")];
    const notices = assignArxivIds(
      cs,
      { file: "ids.yaml", rows: [{ title: "Alpha", arxiv: "2301.99999", line: 1 }] },
      "list.md",
    );
    expect(cs[0]?.arxiv).toBe("2301.00001");
    expect(notices.map((n) => [n.code, n.file])).toEqual([
      ["arxiv-conflict", "list.md"],
      ["arxiv-unmatched-entry", "list.md"],
    ]);
    const unused = assignArxivIds(
      [],
      { file: "ids.yaml", rows: [{ title: "Gamma", arxiv: "2301.00003", line: 7 }] },
      "list.md",
    );
    expect(unused.map((n) => [n.code, n.file, n.line])).toEqual([["arxiv-unused-row", "ids.yaml", 7]]);
  });
});
