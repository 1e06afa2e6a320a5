import { entryMarkdown, entryShortTexts, quote } from "../walk.js";
import type { Finding, LintRule } from "../types.js";
import { SHIKRA } from "./example-record.js";

/**
 * Upper bounds in characters (UTF-16 code units, as editors count them). The longest 摘要 in the seed is
 * about 1,500 characters (a survey with a nested table); a README entry past these is a page, not an entry.
 */
export const MAX_CHARS: Readonly<Record<string, number>> = {
  title: 300,
  venue: 100,
  label: 100,
  alt: 300,
  tag: 40,
  summary: 4000,
  note: 1500,
  aside: 1500,
  extra: 3000,
};

function limitFor(name: string): number | undefined {
  const base = name.replace(/\[\d+\]/g, "").replace(/^.*\./, "");
  return MAX_CHARS[base === "tags" ? "tag" : base];
}

export const textLength: LintRule = {
  id: "text-length",
  description: "A title, label or 摘要 is longer than the README can show well.",
  defaultSetting: "warning",
  rationale:
    "Limits, in characters: " +
    Object.entries(MAX_CHARS)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") +
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
        const limit = limitFor(field.name);
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
