/**
 * A generated file's text kept as the parts it was made of (a 10,000-entry README is ~20,000 of them):
 * compared and measured here part by part, written by `writeTextAtomic` part by part, and joined only by a
 * reader that asks for the whole string.
 */

/** True when the parts, one after another, spell exactly `text`. */
export function partsEqual(parts: readonly string[], text: string | undefined): boolean {
  if (text === undefined) return false;
  let at = 0;
  for (const part of parts) {
    if (!text.startsWith(part, at)) return false;
    at += part.length;
  }
  return at === text.length;
}

/** The UTF-8 size of the parts joined. */
export function partsByteLength(parts: readonly string[]): number {
  let bytes = 0;
  for (const part of parts) bytes += Buffer.byteLength(part, "utf8");
  return bytes;
}
