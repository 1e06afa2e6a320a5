/** collapseWhitespace / oneLine: the same text as a global `\s+` replace, and no copy when there is nothing to change; shorten. */
import { describe, expect, it } from "vitest";
import { collapseWhitespace, oneLine, shorten } from "../../src/records/index.js";

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

/** No lone surrogate: with the u flag a pair is one code point, so only half of one matches. */
const wellFormed = (text: string) => !/[\ud800-\udfff]/u.test(text);

describe("shorten", () => {
  it("keeps text of at most max characters as it is, and cuts longer text to max with an ellipsis", () => {
    expect(shorten("short", 5)).toBe("short");
    expect(shorten("longer", 5)).toBe("long…");
    expect(shorten("微調模型與語言", 4)).toBe("微調模…");
  });

  it("never leaves half a surrogate pair at the cut", () => {
    expect(wellFormed("\ud842"), "the check itself sees a lone surrogate").toBe(false);
    // 𠮷 (CJK Extension B) and 🙂 are two UTF-16 units each; a cut between them would leave a lone surrogate.
    for (const astral of ["𠮷", "🙂"]) {
      const text = `abc${astral}def`;
      const cut = shorten(text, 5);
      expect(cut).toBe("abc…");
      expect(wellFormed(cut)).toBe(true);
      expect(shorten(text, 6)).toBe(`abc${astral}…`);
    }
  });

  it("is well formed at every cut of a text full of astral characters", () => {
    const text = "𠮷a🙂𠮷b🙂🙂c𠮷";
    for (let max = 1; max <= text.length; max++) {
      const cut = shorten(text, max);
      expect(cut.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(wellFormed(cut), `max ${max}`).toBe(true);
      expect(text.startsWith(cut.replace(/…$/, "")), `max ${max}`).toBe(true);
    }
  });
});
