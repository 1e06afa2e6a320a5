/**
 * The zero-width joiner (U+200D) and non-joiner (U+200C) are invisible, and pasted from PDFs they split words
 * and break search; but in some places they are the text itself. A ZWJ joins emoji into one (👩‍🔬, 🏳️‍🌈,
 * 👨‍👩‍👧), and both shape letters in the scripts that join or stack them: Persian می‌خواهم needs its ZWNJ, and
 * Devanagari क्‍ष its ZWJ. Lint and the intake leave a joiner in such a place (a reviewer's emoji title was a
 * lint error, and the intake turned a family emoji into three and misspelt a Persian word) and treat every
 * other one as before.
 */

/** Scripts whose letters join, or stack, with the help of ZWJ and ZWNJ. */
const JOINING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** What may stand before an emoji ZWJ: a pictograph, its skin-tone modifier or its emoji presentation. */
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const EMOJI_AFTER = /\p{Extended_Pictographic}/u;
/** A combining mark (a virama, a vowel sign): it belongs to the letter before it, and takes its script. */
const MARK = /\p{M}/u;

/** The code point that ends `text` before `at` (both halves of a surrogate pair), or "". */
function before(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2
    ? text.slice(at - 2, at)
    : text.slice(Math.max(0, at - 1), at);
}

/** The code point that starts `text` at `at`, or "". */
function after(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? "" : String.fromCodePoint(code);
}

/** Whether the ZWJ or ZWNJ at `text[at]` belongs where it is (see above); false for any other character. */
export function isMeaningfulJoiner(text: string, at: number): boolean {
  const char = text[at];
  if (char !== "\u200C" && char !== "\u200D") return false;
  const prev = before(text, at);
  const next = after(text, at + 1);
  if (char === "\u200D" && EMOJI_BEFORE.test(prev) && EMOJI_AFTER.test(next)) return true;
  const joins = (c: string) => JOINING_SCRIPT.test(c) || MARK.test(c);
  return joins(prev) && joins(next);
}
