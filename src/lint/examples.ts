/** Rule examples as complete papers files: what docs/rules.md shows and what the example tests lint. */
import { type Diagnostic, parseRecords } from "../records/index.js";
import { lintList } from "./engine.js";

/** The day examples are linted on, so the docs do not change with the calendar. */
export const EXAMPLE_NOW = new Date("2026-03-15T12:00:00Z");

/** A rule example (entries, or a whole file starting with `categories:`) as a complete papers file. */
export function exampleFile(snippet: string): string {
  if (snippet.startsWith("categories:")) return `${snippet}\n`;
  const indented = snippet
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
  return `categories:\n  - id: llm\n    title: LLM\nentries:\n${indented}\n`;
}

/** Lints an example with every rule at its default severity. */
export function lintExample(snippet: string, file = "papers.yaml"): Diagnostic[] {
  return lintList(parseRecords(exampleFile(snippet), file), { now: EXAMPLE_NOW });
}
