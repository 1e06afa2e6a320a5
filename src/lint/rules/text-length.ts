import { ENTRY_ANATOMY } from "../../records/index.js";
import { entryMarkdown, entryShortTexts, quote } from "../walk.js";
import type { Finding, LintRule } from "../types.js";
import { SHIKRA } from "./example-record.js";

/**
 * Upper bounds in characters (UTF-16 code units, as editors count them), declared with each field in the
 * record anatomy: per value, per list item, or per label/alt of a URL list. A README entry past these is a
 * page, not an entry.
 */
const PART_LIMITED: Readonly<Record<string, string>> = { repo: "labels", link: "labels", image: "alt texts" };

/** "title 300", "authors 100 each", "repos labels 100": each anatomy limit as the docs table reads it. */
export const LIMITS_TEXT: string = Object.entries(ENTRY_ANATOMY)
  .flatMap(([key, spec]) => {
    if (spec.maxChars === undefined) return [];
    if (spec.item) return [`${key} ${PART_LIMITED[spec.item] ?? "labels"} ${spec.maxChars}`];
    if (spec.role === "names" || spec.role === "tags") return [`${key} ${spec.maxChars} each`];
    return [`${key} ${spec.maxChars}`];
  })
  .join(", ");

export const textLength: LintRule = {
  id: "text-length",
  description: "A title, label or 摘要 is longer than the README can show well.",
  defaultSetting: "warning",
  rationale:
    `Limits, in characters: ${LIMITS_TEXT}` +
    ". A longer 摘要 belongs on the paper's page; a longer title is usually a title and its abstract pasted " +
    "together.",
  examples: {
    pass: `${SHIKRA}
  date: 2023-06-27
  venue: arXiv 2023`,
    fail: `${SHIKRA}
  date: 2023-06-27
  venue: "Proceedings of the Annual Meeting of the Association for Computational Linguistics and of the Many Workshops Held Alongside It"`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    data.entries.forEach((entry, i) => {
      for (const field of [...entryShortTexts(entry, i), ...entryMarkdown(entry, i)]) {
        const { limit } = field;
        if (limit === undefined || field.value.length <= limit) continue;
        findings.push({
          path: field.path,
          message: `${field.name} is ${field.value.length} characters (${quote(field.value, 30)}); expected at most ${limit}`,
        });
      }
    });
    return findings;
  },
};
