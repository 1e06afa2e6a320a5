/**
 * `JSON.stringify(object, null, 2)` in pieces: the same bytes, but each element of a top-level array is a
 * string of its own. papers.json is about 28 MB at 10,000 records; made as one string (two bytes a
 * character once a record has Chinese text) it was a 56 MB allocation the garbage collector then had to
 * walk, where pieces of a few KB each are written and dropped at once. Yielded one at a time, made as the
 * writer asks for them: as an array, all 28 MB of pieces lived until the last was written, and the garbage
 * collector copied them twice on the way to the old generation.
 */

/** JSON.stringify's text of a value nested `depth` levels down (indented by two spaces a level). */
function nested(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined ? undefined : text.replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

export function* prettyJsonPieces(object: Readonly<Record<string, unknown>>): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    const elements = Array.isArray(value) && value.length > 0 ? (value as unknown[]) : undefined;
    const whole = elements ? "" : nested(value, 1);
    // JSON.stringify leaves out a key whose value it cannot write (undefined, a function).
    if (whole === undefined) continue;
    yield `${first ? "{" : ","}\n  ${JSON.stringify(key)}: ${whole}`;
    first = false;
    if (!elements) continue;
    for (const [i, element] of elements.entries())
      // In an array, such a value is written as null.
      yield `${i === 0 ? "[" : ","}\n    ${nested(element, 2) ?? "null"}`;
    yield "\n  ]";
  }
  yield first ? "{}" : "\n}";
}
