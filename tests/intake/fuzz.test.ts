/**
 * Issue 12, "time is bounded": any body of at most 65,536 characters (GitHub's limit) finishes the intake
 * (parse, validate, render the preview and the comment, no network) in under 2 s of CPU. The bodies mix the
 * constructs that cost micromark most (nested lists and quotes, footnotes, fences, HTML, delimiters, long
 * whitespace runs, U+2028) into the form's fields.
 *
 * CI runs FUZZ_RUNS (default 12) bodies, bounded well under 60 s; a longer run:
 *   FUZZ_RUNS=500 npx vitest run tests/intake/fuzz.test.ts   (or: npm run fuzz)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderIntakeComment } from "../../src/intake/comment.js";
import { tooComplexProblem } from "../../src/intake/run.js";
import { startCpuBudget } from "../../src/intake/budget.js";
import { createIntakeHarness } from "./helpers.js";

const MAX_BODY_CHARS = 65_536;
const MAX_CPU_SECONDS = 2;
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const harness = await createIntakeHarness();

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

const field = fc.array(markdownish, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));

function cpuSeconds(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  return run().then(() => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  });
}

describe("the intake's time bound", () => {
  it(
    `finishes any body of at most ${MAX_BODY_CHARS} characters in under ${MAX_CPU_SECONDS} s of CPU`,
    async () => {
      await fc.assert(
        fc.asyncProperty(field, field, fc.constantFrom("summary", "note", "title"), async (a, b, where) => {
          const answers = { [where]: a, ...(where === "summary" ? { note: b } : { summary: b }) };
          const body = harness.body(answers).slice(0, MAX_BODY_CHARS);
          const seconds = await cpuSeconds(async () => {
            const result = await harness.run(body);
            renderIntakeComment(result);
          });
          expect(seconds).toBeLessThan(MAX_CPU_SECONDS);
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 5_000),
  );

  it("answers a submission that spent its CPU budget with a clear bilingual error", async () => {
    let micros = 0;
    // A clock that advances 1 s of CPU every time it is read: the budget of 2 s is spent by the third read.
    const budget = startCpuBudget(2, () => ({ user: (micros += 1e6), system: 0 }));
    const result = await harness.run(harness.body(), { budget });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([tooComplexProblem(budget)]);
    expect(tooComplexProblem(budget)).toMatchObject({
      zh: expect.stringMatching(/太複雜/),
      message: expect.stringMatching(/too complex/),
      hintZh: expect.stringMatching(/較短/),
    });
  });
});
