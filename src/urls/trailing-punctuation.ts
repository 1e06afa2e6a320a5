/**
 * Where a URL copied out of a sentence ends: the sentence's closing punctuation is not part of it. The link
 * checker cuts it off URLs it finds in text; lint reports a URL field that still carries it
 * (`url-trailing-punctuation`).
 */

/**
 * A sentence's closing punctuation after a URL, ASCII or CJK (full-width, as a Chinese sentence ends:
 * "請看 https://arxiv.org/abs/2306.15195。"), unless the URL's own characters run into it.
 */
const SENTENCE_END = /(?<![.,;:!?'"*_~。，、；：！？」』）】》〉])[.,;:!?'"*_~。，、；：！？」』）】》〉]+$/u;

/** Trailing punctuation that ends a sentence rather than a URL: "see https://x.org/a." → "https://x.org/a". */
export function trimUrl(raw: string): string {
  // Most URLs end in a letter, digit or slash: nothing to trim, no regex run and no string made.
  // (Char codes rather than a regex test: this runs for every URL of a 50,000-line urls.txt.)
  const last = raw.charCodeAt(raw.length - 1);
  if ((last >= 0x30 && last <= 0x39) || ((last | 0x20) >= 0x61 && (last | 0x20) <= 0x7a) || last === 0x2f)
    return raw;
  let url = raw.replace(SENTENCE_END, "");
  // A closing bracket belongs to the URL only when the URL opened it (Wikipedia-style "(disambiguation)").
  for (const [open, close] of [
    ["(", ")"],
    ["[", "]"],
  ] as const) {
    while (url.endsWith(close) && url.split(open).length < url.split(close).length) url = url.slice(0, -1);
  }
  return url.replace(SENTENCE_END, "");
}
