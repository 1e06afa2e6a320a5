/**
 * ATX headings (`## Title ##`) read from one line, in linear time. The regex this replaces,
 * `^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`, let `[ \t]+`, `.*?` and `[ \t]*` trade the same spaces: a quoted
 * `> #` + TAB + 3,000 spaces + U+2028 took 89 s (issue 12). Here a regex only finds the opening run; the
 * content is trimmed by hand.
 */

/** Up to 3 spaces, 1–6 `#`, then a space, a tab or the end of the line; the rest is the content. */
const OPENING = /^ {0,3}(#{1,6})(?![^ \t])([^]*)$/;

export interface AtxHeading {
  level: number;
  /** The inline content: surrounding spaces and the closing `#` sequence removed. */
  content: string;
}

const isSpaceOrTab = (c: string | undefined) => c === " " || c === "\t";

/** Removes a closing sequence: a run of `#` at the end, preceded by a space or tab or making up the content. */
export function stripClosingSequence(content: string): string {
  let end = content.length;
  while (end > 0 && isSpaceOrTab(content[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && content[hashes - 1] === "#") hashes--;
  if (hashes < end && (hashes === 0 || isSpaceOrTab(content[hashes - 1]))) end = hashes;
  return content.slice(0, end).trim();
}

/** The ATX heading on `line` (no line ending in it), or undefined. */
export function parseAtxHeading(line: string): AtxHeading | undefined {
  const match = OPENING.exec(line);
  const marks = match?.[1];
  if (!match || !marks) return undefined;
  return { level: marks.length, content: stripClosingSequence(match[2] ?? "") };
}
