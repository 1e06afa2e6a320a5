/**
 * Issue 12, findings 1 and 2, through the whole intake: each body once held a runner for minutes (89 s and
 * 77 s of CPU) and must now get its answer, not the budget's "too complex" (which would mean a stage ran away
 * again). How fast they are answered (under 2 s of CPU) is printed by `npm run bench:intake`.
 */
import { describe, expect, it } from "vitest";
import { startCpuBudget } from "../../src/intake/budget.js";
import { renderIntakeComment } from "../../src/intake/comment.js";
import { tooComplexProblem } from "../../src/intake/run.js";
import { sanitizeMarkdown } from "../../src/render/sanitize-markdown.js";
import { WALK_AROUND, cubicHeading } from "./fuzz-bodies.js";
import { createIntakeHarness } from "./helpers.js";

const harness = await createIntakeHarness();

async function intake(answers: Record<string, string>) {
  const budget = startCpuBudget();
  const result = await harness.run(harness.body(answers), { budget });
  const comment = renderIntakeComment(result);
  if (!result.ok) expect(result.errors).not.toContainEqual(tooComplexProblem(budget));
  return { result, comment };
}

describe("hostile bodies end quickly", () => {
  for (const n of [3_000, 8_000])
    it(`the cubic heading with N = ${n} is rendered, not hung on`, async () => {
      const { result } = await intake({ summary: cubicHeading(n) });
      expect(result.ok).toBe(true);
      expect(sanitizeMarkdown(cubicHeading(n))).toContain(`> #\t${" ".repeat(n)}`);
    });

  for (const field of ["summary", "note"])
    it(`the 28.5 KB nesting walk-around in the ${field} is a clear error`, async () => {
      const { result, comment } = await intake({ [field]: WALK_AROUND });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors.map((e) => e.message).join("\n")).toMatch(/too complex|too deeply nested/);
      expect(comment).not.toContain("- - - - -");
    });
});
