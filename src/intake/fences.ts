/**
 * Which lines of a Markdown text sit inside fenced code blocks (``` and ~~~, CommonMark rules). The issue
 * body parser must not split on a `### ` line inside a fence: the known trap of github/issue-parser and
 * stefanbuck/github-issue-parser, which cut a value at any `###` and ignore tilde fences.
 */

interface Fence {
  char: "`" | "~";
  length: number;
}

/** An opening fence: up to 3 spaces, then ≥3 backticks or tildes; a backtick fence's info has no backtick. */
export function openingFence(line: string): Fence | undefined {
  const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return undefined;
  const run = match[1] ?? "";
  const info = match[2] ?? "";
  const char = run[0] === "`" ? "`" : "~";
  if (char === "`" && info.includes("`")) return undefined;
  return { char, length: run.length };
}

function closes(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === fence.char && run.length >= fence.length;
}

/**
 * For each line, true when it is inside a fence (the fence lines themselves included). A fence left open at
 * the end is not treated as a fence: CommonMark would run it to the end of the body and swallow every later
 * field, while the submitter almost certainly forgot to close it inside one answer.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inside = new Array<boolean>(lines.length).fill(false);
  const ignored = new Set<number>();
  let start = 0;
  for (;;) {
    let fence: Fence | undefined;
    let openedAt = -1;
    for (let i = start; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (fence) {
        inside[i] = true;
        if (closes(line, fence)) fence = undefined;
        continue;
      }
      const opening = ignored.has(i) ? undefined : openingFence(line);
      if (opening) {
        fence = opening;
        openedAt = i;
        inside[i] = true;
      } else inside[i] = false;
    }
    if (!fence) return inside;
    // Rescan from the unclosed fence with it ignored; everything before it is already settled.
    ignored.add(openedAt);
    start = openedAt;
  }
}

/** The shortest run of `char` that no run inside `text` reaches (at least 3): a fence `text` cannot close. */
export function safeFence(text: string, char: "`" | "~" = "`"): string {
  let longest = 0;
  const pattern = char === "`" ? /`+/g : /~+/g;
  for (const match of text.matchAll(pattern)) longest = Math.max(longest, match[0].length);
  return char.repeat(Math.max(3, longest + 1));
}
