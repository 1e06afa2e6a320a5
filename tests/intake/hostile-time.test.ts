/**
 * Issue 12, findings 1 and 2, through the whole intake: each body once held a runner for minutes and must
 * now end in an answer within the fuzz test's bound (2 s of CPU).
 */
import { describe, expect, it } from "vitest";
import { renderIntakeComment } from "../../src/intake/comment.js";
import { sanitizeMarkdown } from "../../src/render/sanitize-markdown.js";
import { createIntakeHarness } from "./helpers.js";

const harness = await createIntakeHarness();

/** A quoted fence, then `> #` + TAB + N spaces + U+2028: the ATX regex took 89 s at N = 3,000. */
const cubicHeading = (n: number) => `摘要\n\n> \`\`\`\n> #\t${" ".repeat(n)}\u2028\n> end`;
/** An HTML block, a fence line, then lists nested 2,000 deep (28.5 KB): accepted after 77 s. */
const WALK_AROUND = `<div>\n\`\`\`\n\n${`${"- ".repeat(2_000)}a\n`.repeat(7)}`;

async function intake(answers: Record<string, string>) {
  const start = process.cpuUsage();
  const result = await harness.run(harness.body(answers));
  const comment = renderIntakeComment(result);
  const used = process.cpuUsage(start);
  return { result, comment, seconds: (used.user + used.system) / 1e6 };
}

describe("hostile bodies end quickly", () => {
  for (const n of [3_000, 8_000])
    it(`the cubic heading with N = ${n} is rendered, not hung on`, async () => {
      const { result, seconds } = await intake({ summary: cubicHeading(n) });
      expect(result.ok).toBe(true);
      expect(seconds).toBeLessThan(2);
      expect(sanitizeMarkdown(cubicHeading(n))).toContain(`> #\t${" ".repeat(n)}`);
    });

  for (const field of ["summary", "note"])
    it(`the 28.5 KB nesting walk-around in the ${field} is a clear error`, async () => {
      const { result, comment, seconds } = await intake({ [field]: WALK_AROUND });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors.map((e) => e.message).join("\n")).toMatch(/too complex|too deeply nested/);
      expect(comment).not.toContain("- - - - -");
      expect(seconds).toBeLessThan(2);
    });
});
