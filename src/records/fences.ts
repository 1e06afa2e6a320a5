/**
 * Fenced code blocks (``` and ~~~, CommonMark rules). The issue body parser must not split on a `### ` line
 * inside a fence: the known trap of github/issue-parser and stefanbuck/github-issue-parser, which cut a
 * value at any `###` and ignore tilde fences.
 */

export interface Fence {
  char: "`" | "~";
  length: number;
}

/** An opening fence: up to 3 spaces, then ≥3 backticks or tildes; a backtick fence's info has no backtick. */
export function openingFence(line: string): Fence | undefined {
  // The run is maximal (`(?!`)`), so it cannot trade characters with the info string (linear time).
  const match = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))([^]*)$/.exec(line);
  if (!match) return undefined;
  const run = match[1] ?? "";
  const info = match[2] ?? "";
  const char = run[0] === "`" ? "`" : "~";
  if (char === "`" && info.includes("`")) return undefined;
  return { char, length: run.length };
}

/** A closing fence for `fence`: the same character, at least as long, nothing after it but spaces. */
export function closesFence(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === fence.char && run.length >= fence.length;
}

/** The shortest run of `char` that no run inside `text` reaches (at least 3): a fence `text` cannot close. */
export function safeFence(text: string, char: "`" | "~" = "`"): string {
  let longest = 0;
  const pattern = char === "`" ? /`+/g : /~+/g;
  for (const match of text.matchAll(pattern)) longest = Math.max(longest, match[0].length);
  return char.repeat(Math.max(3, longest + 1));
}
