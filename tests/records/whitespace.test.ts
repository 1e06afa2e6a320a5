/** collapseWhitespace / oneLine: the same text as a global `\s+` replace, and no copy when there is nothing to change. */
import { describe, expect, it } from "vitest";
import { collapseWhitespace, oneLine } from "../../src/records/index.js";

const SAMPLES = [
  "",
  "one line already",
  " leading and trailing ",
  "two  spaces",
  "line\nbreak",
  "tab\there",
  "crlf\r\nend",
  "no-break\u00a0space and ideographic\u3000space",
  "line separator\u2028here",
  "微調 模型  與\n語言",
  "   ",
  "a\u200bzero width is not whitespace",
];

describe("collapseWhitespace and oneLine", () => {
  it("write what a global whitespace replace (and trim) writes", () => {
    for (const text of SAMPLES) {
      expect(collapseWhitespace(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, " "));
      expect(oneLine(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, " ").trim());
    }
  });

  it("agree with the replace on random strings of spaces, other whitespace and letters", () => {
    const alphabet = [" ", " ", "\n", "\t", "\u00a0", "\u3000", "a", "b", "微", "\r"];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % alphabet.length;
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: 1 + (i % 12) }, () => alphabet[next()]).join("");
      expect(oneLine(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, " ").trim());
    }
  });
});
