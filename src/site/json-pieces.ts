/**
 * `JSON.stringify(object, null, 2)` in pieces: the same bytes, but a top-level array's elements come a few
 * at a time, each few a string of its own. papers.json is about 28 MB at 10,000 records; made as one
 * string (two bytes a character once a record has Chinese text) it was a 56 MB allocation the garbage
 * collector then had to walk, where pieces of tens of KB each are written and dropped at once. Yielded one
 * at a time, made as the writer asks for them: as an array, all 28 MB of pieces lived until the last was
 * written, and the garbage collector copied them twice on the way to the old generation.
 */

/** JSON.stringify's text of a value nested `depth` levels down (indented by two spaces a level). */
function nested(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined ? undefined : text.replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/**
 * Elements of a top-level array written per piece: ~16 records, ~50 KB a piece (two bytes a character), under
 * the size V8 puts in its large-object space, which only a full collection frees.
 */
const ELEMENTS_PER_PIECE = 16;
/** JSON.stringify's text around an array's elements, two levels down: `{"k": [elements]}`. */
const WRAPPED_HEAD = '{\n  "k": [\n';
const WRAPPED_TAIL = "\n  ]\n}";

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
    for (let i = 0; i < elements.length; i += ELEMENTS_PER_PIECE) {
      // The elements as JSON.stringify indents them where they stand, two levels down, and writes a value it
      // cannot write in an array (undefined, a function) as null. Re-indenting each element's own text
      // (replaceAll) cost as much as writing it.
      const text = JSON.stringify({ k: elements.slice(i, i + ELEMENTS_PER_PIECE) }, null, 2);
      yield `${i === 0 ? "[" : ","}\n${text.slice(WRAPPED_HEAD.length, -WRAPPED_TAIL.length)}`;
    }
    yield "\n  ]";
  }
  yield first ? "{}" : "\n}";
}
