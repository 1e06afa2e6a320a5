/** The importer's small parts: dates, ids, HackMD image sizes, media lines. */
import { describe, expect, it } from "vitest";
import { readWhen } from "../../src/import/dates.js";
import { entryIdBase, IdAllocator, mainTitle, slugifyAscii } from "../../src/import/ids.js";
import { readEntryHeading, readMediaLine, stripHackmdSizes } from "../../src/import/inline.js";

describe("readWhen: the bracket after an entry's link", () => {
  it.each([
    ["2023年6月27日", { kind: "date", date: "2023-06-27" }],
    ["2023年5月", { kind: "date", date: "2023-05" }],
    ["2023-6-1", { kind: "date", date: "2023-06-01" }],
    ["2021", { kind: "date", date: "2021" }],
    ["CVPR 2023", { kind: "venue", venue: "CVPR 2023" }],
    ["arXiv 2023", { kind: "venue", venue: "arXiv 2023" }],
    ["Preprint 2023", { kind: "venue", venue: "Preprint 2023" }],
    ["ICML2020", { kind: "venue", venue: "ICML2020" }],
    ["2023 / 6 / 1", { kind: "date", date: "2023-06-01" }],
    ["  ", { kind: "none" }],
  ])("%s", (text, expected) => {
    expect(readWhen(text)).toEqual(expected);
  });

  it("reads 2023年8月22 (no 日) as a full date and says so", () => {
    expect(readWhen("2023年8月22")).toEqual({
      kind: "date",
      date: "2023-08-22",
      normalised: '"2023年8月22" has no 日 after the day; read as 2023-08-22',
    });
  });

  it("reads an English month name and says so", () => {
    expect(readWhen("June 27, 2023")).toEqual({
      kind: "date",
      date: "2023-06-27",
      normalised: '"June 27, 2023" read as 2023-06-27',
    });
  });

  it("keeps an impossible date as text rather than inventing one", () => {
    expect(readWhen("2023年13月1日")).toMatchObject({ kind: "venue", venue: "2023年13月1日" });
    expect(readWhen("2024年2月29日")).toEqual({ kind: "date", date: "2024-02-29" });
    expect(readWhen("2023年2月29日")).toMatchObject({ kind: "venue" });
  });
});

describe("ids", () => {
  it.each([
    ["Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic", "shikra"],
    ["Visual ChatGPT: Talking, Drawing and Editing", "visual-chatgpt"],
    ["LLM.int8(): 8-bit Matrix Multiplication", "llm-int8"],
    ["Let's Verify Step by Step", "lets-verify-step-by-step"],
    [
      "Diffusion Models for Image Restoration and Enhancement -- A Comprehensive Survey",
      "diffusion-models-for-image-restoration-and-enhancement",
    ],
    ["alex-petrenko/sample-factory", "alex-petrenko-sample-factory"],
  ])("%s → %s", (title, id) => {
    expect(slugifyAscii(mainTitle(title))).toBe(id);
  });

  it("cuts long ids at a word boundary within 60 characters", () => {
    const id = slugifyAscii(
      "A Simple and Effective Pruning Approach for Large Language Models and Much More",
    );
    expect(id).toBe("a-simple-and-effective-pruning-approach-for-large-language");
    expect(id.length).toBeLessThanOrEqual(60);
  });

  it("names Hugging Face items owner-name, Chinese-only titles from the URL", () => {
    expect(entryIdBase("x", "https://huggingface.co/datasets/sunzeyeah/chinese_chatgpt_corpus")).toBe(
      "sunzeyeah-chinese-chatgpt-corpus",
    );
    expect(entryIdBase("中文標題", "https://example.org/papers/deep-thing.html")).toBe("deep-thing");
  });

  it("hands out ids in order: base, then an alternative, then -2, -3", () => {
    const ids = new IdAllocator();
    expect([
      ids.take("llm", "c-1"),
      ids.take("llm", "c-2", ["survey-llm"]),
      ids.take("llm", "c-3"),
      ids.take("", "c-4"),
    ]).toEqual(["llm", "survey-llm", "llm-2", "c-4"]);
  });
});

describe("HackMD image sizes", () => {
  it("takes sizes out before the Markdown parser sees them, by image order", () => {
    const { text, sizes } = stripHackmdSizes(
      "![](https://a/x.png) ![](https://a/y.png =50%x) ![](https://a/z.png=80%x)",
    );
    expect(text).toBe("![](https://a/x.png) ![](https://a/y.png) ![](https://a/z.png)");
    expect([...sizes]).toEqual([
      [1, { width: "50%", withoutSpace: false }],
      [2, { width: "80%", withoutSpace: true }],
    ]);
  });

  it("reads pixel widths and heights; never mistakes a URL's own '=2x' for a size", () => {
    expect(stripHackmdSizes("![](https://a/x.png =200x100)").sizes.get(0)).toEqual({
      width: "200",
      height: "100",
      withoutSpace: false,
    });
    expect(stripHackmdSizes("![](https://a/x.png?scale=2x)").sizes.size).toBe(0);
  });
});

describe("readMediaLine and readEntryHeading", () => {
  it("reads an image and a link on one line (the LLaMA line)", () => {
    expect(
      readMediaLine(
        "![](https://i/l.jpg?itok=k7-_4_mA)[facebookresearch/llama](https://github.com/facebookresearch/llama)",
      ),
    ).toEqual([
      { type: "image", url: "https://i/l.jpg?itok=k7-_4_mA", alt: "" },
      { type: "link", url: "https://github.com/facebookresearch/llama", text: "facebookresearch/llama" },
    ]);
  });

  it("refuses lines with anything else: text, table rows, formulas", () => {
    expect(readMediaLine("see [x](https://x)")).toBeUndefined();
    expect(readMediaLine("| 8 * A100 |   40 GB  | No | No |")).toBeUndefined();
    expect(readMediaLine("<font size=6>$L$</font><br>")).toBeUndefined();
  });

  it("reads a heading whose link text holds brackets and whose URL holds parentheses", () => {
    expect(readEntryHeading("[A [B] C](https://en.wikipedia.org/wiki/X_(y))[2023年5月]")).toEqual({
      title: "A [B] C",
      url: "https://en.wikipedia.org/wiki/X_(y)",
      when: "2023年5月",
    });
  });
});
