/**
 * Issue bodies for the intake's time bound: fast-check arbitraries that mix the constructs that cost
 * micromark most (nested lists and quotes, footnotes, fences, HTML, delimiters, long whitespace runs,
 * U+2028) into the form's fields. The fuzz test (tests/intake/fuzz.test.ts) and `npm run bench:intake`
 * draw from the same arbitraries.
 */
import fc from "fast-check";
import type { IntakeHarness } from "./helpers.js";

import { MAX_BODY_CHARS } from "../../src/intake/body.js";

/** Pieces micromark, the body parser or a regex once spent time on. */
const PIECES = [
  "- ",
  "* ",
  "+ ",
  "1. ",
  "> ",
  "  ",
  "\t",
  "    ",
  "[^a]: ",
  "```",
  "~~~",
  "<div>",
  "<!--",
  "-->",
  "</details>",
  "#",
  "### ",
  "*a",
  "_a",
  "~",
  "[",
  "](x)",
  "\u2028",
  "\r",
  "\n",
  "\n\n",
  "@x",
  "#1",
  "Closes ",
  "===",
  "---",
  "|a|b|",
  "\\",
  "&#64;",
  "a",
  "摘要",
  " ",
];

/** A run of one piece repeated (the shape of every slow input found so far), or a mix of pieces. */
const markdownish = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 4_000 }), fc.constantFrom(...PIECES))
    .map(([piece, times, tail]) => piece.repeat(times) + tail),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 3_000 }).map((parts) => parts.join("")),
  fc.string({ maxLength: 2_000, unit: "grapheme" }),
);

export const field = fc.array(markdownish, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));

/** Issue 12, finding 1: a quoted fence, then `> #` + TAB + N spaces + U+2028; the ATX regex took 89 s at N = 3,000. */
export const cubicHeading = (n: number) => `摘要\n\n> \`\`\`\n> #\t${" ".repeat(n)}\u2028\n> end`;

/** Issue 12, finding 2: an HTML block, a fence line, then lists nested 2,000 deep (28.5 KB); accepted after 77 s. */
export const WALK_AROUND = `<div>\n\`\`\`\n\n${`${"- ".repeat(2_000)}a\n`.repeat(7)}`;

/** A whole issue body: two fields filled with fuzz, one of them the 摘要, the note or the title. */
export function fuzzBody(harness: IntakeHarness): fc.Arbitrary<string> {
  return fc.tuple(field, field, fc.constantFrom("summary", "note", "title")).map(([a, b, where]) => {
    const answers = { [where]: a, ...(where === "summary" ? { note: b } : { summary: b }) };
    return harness.body(answers).slice(0, MAX_BODY_CHARS);
  });
}

/** CPU seconds (user + system) of this process while `run` runs. */
export async function cpuSeconds(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
