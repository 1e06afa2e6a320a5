import { describe, expect, it } from "vitest";
import { checkMarkdownLimits } from "../../src/markdown/index.js";

describe("checkMarkdownLimits", () => {
  it("lets ordinary 摘要 through: paragraphs, a nested list, a quote, emphasis and links", () => {
    const text = [
      "本文提出了一項新的分割任務——**推理分割**。",
      "",
      "- 方法 / Method",
      "  - *embedding-as-mask*",
      "    1. [LLaVA](https://llava-vl.github.io/) + SAM",
      "",
      "> 引用 / quoted: _a_ ~~b~~",
    ].join("\n");
    expect(checkMarkdownLimits(text)).toBeUndefined();
  });

  it("counts nesting by quotes, list markers and indentation, and names the line", () => {
    expect(checkMarkdownLimits("ok\n" + "> ".repeat(11) + "deep")).toEqual({
      limit: "depth",
      found: 11,
      max: 10,
      line: 2,
    });
    // Nesting is micromark's: 16 list items each indented under the last, on line 16.
    const list = Array.from({ length: 16 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n");
    expect(checkMarkdownLimits(list)).toMatchObject({ limit: "depth", found: 16, line: 16 });
    // 30 spaces before "- x" at the top level make indented code for micromark, not a list 16 deep.
    expect(checkMarkdownLimits(" ".repeat(30) + "- x")).toBeUndefined();
    expect(checkMarkdownLimits("1. 2) - * + > x")).toBeUndefined();
  });

  it("does not count inside fenced code, where nothing nests or pairs up", () => {
    const code = ["```python", " ".repeat(40) + "return **kwargs", ">".repeat(5_000), "```"].join("\n");
    expect(checkMarkdownLimits(code)).toBeUndefined();
    expect(checkMarkdownLimits(`${code}\n${">".repeat(11)}`)).toMatchObject({ limit: "depth", line: 5 });
  });

  it("bounds lines and delimiter runs; a scale widens every limit", () => {
    expect(checkMarkdownLimits("a\n".repeat(1_000))).toMatchObject({ limit: "lines", found: 1_001 });
    expect(checkMarkdownLimits("a\n".repeat(1_000), 2)).toBeUndefined();
    expect(checkMarkdownLimits("*a".repeat(2_001))).toMatchObject({ limit: "delimiters" });
    // A run counts once: a horizontal rule of 3,000 asterisks is one run.
    expect(checkMarkdownLimits("*".repeat(3_000))).toBeUndefined();
  });
});
