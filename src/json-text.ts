/**
 * JSON files papershelf reads (check reports, its state and cache, the arXiv cache, the intake's plan): the
 * value, or a message that says where the text stops being JSON as a line and column a person can jump to.
 * Node 22+ adds "(line L column C)" to JSON.parse's message; Node 20 gives only "at position N", so the line
 * and column are worked out from the position here.
 */
export type JsonText = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `not JSON: ${withLineAndColumn((error as Error).message, text)}` };
  }
}

/** JSON.parse's message with " (line L column C)" after its position, unless it says so already. */
function withLineAndColumn(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position || /\(line \d+ column \d+\)/.test(message)) return message;
  const at = Math.min(Number(position[1]), text.length);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - (before.lastIndexOf("\n") + 1) + 1;
  return message.replace(position[0], `${position[0]} (line ${line} column ${column})`);
}
