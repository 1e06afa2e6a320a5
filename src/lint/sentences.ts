/** Sentence splitting for the repeated-sentence rule, for mixed Chinese and English text. */

export interface Sentence {
  text: string;
  /** [start, end) in the original text. */
  range: [number, number];
  /** Compared form: NFKC, lowercased, letters and digits only. */
  key: string;
}

/**
 * Splits after 。！？ always and after . ! ? when followed by whitespace or the end, so "github.com/x"
 * and "1.5B" stay whole. Markdown list markers and line breaks also end a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[。！？]+|[.!?]+(?=\s|$)|\n+/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      out.push({
        text: trimmed,
        range: [start + lead, start + lead + trimmed.length],
        key: trimmed
          .normalize("NFKC")
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ""),
      });
    }
  };
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + (match[0].startsWith("\n") ? 0 : match[0].length);
    push(end);
    start = (match.index ?? 0) + match[0].length;
  }
  push(text.length);
  return out;
}
