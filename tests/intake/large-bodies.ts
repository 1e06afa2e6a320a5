/**
 * Issue bodies of 50–65 KB (GitHub accepts up to 65,536 characters) that each stress one part of a Markdown
 * parser or of the intake: generated, not stored, so the fixture says what it is in one line.
 */
import type { IssueForm } from "../../src/intake/form.js";
import { bodyFor, VALID_ANSWERS } from "./helpers.js";

export const LARGE_ANSWERS: Record<string, Record<string, string>> = {
  /** One line of nested block quotes: overflowed remark's stack in the comment. */
  "60,000 >": { summary: ">".repeat(60_000) },
  /** Emphasis openers micromark pairs up in quadratic time: ~11 s a parse. */
  "*a × 30,000": { summary: "*a".repeat(30_000) },
  /** Paragraph after paragraph: ~1–2 s in each of the three parsers. */
  "14,000 paragraphs": { summary: "ab\n\n".repeat(14_000).trimEnd() },
  /** A link check of 2,000 URLs, on every edit of the issue and every push to main. */
  "2,000 repository lines": {
    repos: Array.from({ length: 2_000 }, (_, i) => `https://github.com/org-${i}/repo`).join("\n"),
  },
};

/** The body GitHub would write for these answers on top of a valid submission. */
export function largeBody(form: IssueForm, name: string): string {
  const answers = LARGE_ANSWERS[name];
  if (!answers) throw new Error(`no large body named ${name}`);
  return bodyFor(form, { ...VALID_ANSWERS, ...answers });
}
