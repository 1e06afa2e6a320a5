/**
 * A short, unified-style diff for `build --check`: enough to see what is stale, not a patch. The common
 * head and tail are trimmed and the first changed lines shown with a little context.
 */

export interface DiffOptions {
  /** Unchanged lines shown before and after the change. */
  context?: number;
  /** At most this many -/+ lines; the rest is counted. */
  maxLines?: number;
}

/** Lines of `before` (the file) and `after` (generated) around their first difference; "" when equal. */
export function formatShortDiff(
  path: string,
  before: string | undefined,
  after: string,
  { context = 2, maxLines = 24 }: DiffOptions = {},
): string {
  if (before === after) return "";
  const a = before === undefined ? [] : before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const removed = a.slice(head, a.length - tail).map((l) => `-${l}`);
  const added = b.slice(head, b.length - tail).map((l) => `+${l}`);
  // Both sides get room: a list of only "-" lines would hide what the file should say.
  const half = Math.ceil(maxLines / 2);
  const keepRemoved = Math.min(removed.length, Math.max(half, maxLines - added.length));
  const shown = [...removed.slice(0, keepRemoved), ...added.slice(0, maxLines - keepRemoved)];
  const hidden = removed.length + added.length - shown.length;
  const out = [
    `--- ${path}${before === undefined ? " (missing)" : ""}`,
    `+++ ${path} (generated)`,
    `@@ line ${head + 1} @@`,
    ...a.slice(Math.max(0, head - context), head).map((l) => ` ${l}`),
    ...shown,
  ];
  if (hidden > 0) out.push(`… ${hidden} more changed line(s)`);
  else out.push(...a.slice(a.length - tail, a.length - tail + context).map((l) => ` ${l}`));
  return `${out.join("\n")}\n`;
}
