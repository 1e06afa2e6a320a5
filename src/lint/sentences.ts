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
  const prose = maskNonProse(text);
  const out: Sentence[] = [];
  const boundary = /[。！？]+|[.!?]+(?=\s|$)|\n+/g;
  let start = 0;
  const push = (end: number) => {
    const raw = prose.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      out.push({
        text: text.slice(start + lead, start + lead + trimmed.length),
        range: [start + lead, start + lead + trimmed.length],
        key: trimmed
          .normalize("NFKC")
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ""),
      });
    }
  };
  for (const match of prose.matchAll(boundary)) {
    const end = (match.index ?? 0) + (match[0].startsWith("\n") ? 0 : match[0].length);
    push(end);
    start = (match.index ?? 0) + match[0].length;
  }
  push(text.length);
  return out;
}

/**
 * Blanks out (same length, so offsets stay true) what is not prose: table rows and fenced code, whose
 * cells and lines repeat by nature, and list, quote and heading markers at the start of a line.
 */
function maskNonProse(text: string): string {
  let inFence = false;
  return text
    .split("\n")
    .map((line) => {
      const fence = /^\s*(?:`{3,}|~{3,})/.test(line);
      if (fence) inFence = !inFence;
      if (fence || inFence || /^\s*\|/.test(line)) return " ".repeat(line.length);
      return line.replace(
        /^(\s*)((?:[-*+]|\d+[.)]|>|#{1,6})\s+)+/,
        (_m, indent: string, markers: string) => `${indent}${" ".repeat(markers.length)}`,
      );
    })
    .join("\n");
}
