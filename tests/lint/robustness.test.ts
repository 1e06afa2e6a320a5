import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { lintText } from "./helpers.js";

/** Text built from the characters the rules care about, so the generator reaches their branches. */
const markdownish = fc
  .array(
    fc.constantFrom(
      "#",
      "## ",
      "\n",
      "---",
      "```",
      "~~~",
      "|",
      " | ",
      "[",
      "]",
      "(",
      ")",
      "!",
      "<",
      ">",
      "http://",
      "https://x.org/",
      "javascript:",
      "。",
      "！",
      ".",
      " ",
      "\t",
      "\u200B",
      "\u202E",
      "\u0007",
      "字",
      "a",
      "ＡＢ",
      "* ",
      "1. ",
      "> ",
      "大量實驗表明我們的方法明顯更好。",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("lintList on arbitrary text", () => {
  it("never throws, and every finding lies inside the file", () => {
    fc.assert(
      fc.property(markdownish, markdownish, markdownish, (summary, note, title) => {
        const file = stringify(
          {
            categories: [{ id: "llm", title: "LLM" }],
            entries: [
              {
                id: "x",
                title: title || "t",
                url: "https://example.org/x",
                kind: "paper",
                category: "llm",
                date: "2023-06",
                ...(summary ? { summary } : {}),
                ...(note ? { note } : {}),
              },
            ],
          },
          { lineWidth: 0 },
        );
        const lines = file.split("\n").length;
        for (const d of lintText(file)) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });
});
