import { arxivYearMonth, formatYearMonth, parsePartialDate } from "../../records/index.js";
import { entryArxivId } from "../normalize.js";
import type { Finding, LintRule } from "../types.js";
import { SHIKRA } from "./example-record.js";

export const dateArxivMismatch: LintRule = {
  id: "date-arxiv-mismatch",
  description: "`date` disagrees with the year and month encoded in the entry's arXiv id.",
  defaultSetting: "warning",
  rationale:
    "A new-style arXiv id starts with the year and month of its first version (2306.15195 → 2023-06). " +
    "A `date` in another month is usually a typo or a date copied from another entry; it can also be a " +
    "later venue date, which is why this is a warning. Compared at the date's own precision: `2023` " +
    "agrees with any 23MM id. The arXiv id comes from the `arxiv` field or else from an arXiv or Hugging " +
    "Face papers URL.",
  examples: {
    pass: `${SHIKRA}
  date: 2023-06-27`,
    fail: `${SHIKRA}
  date: 2023-05-27`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    data.entries.forEach((entry, i) => {
      if (entry.date === undefined) return;
      const date = parsePartialDate(entry.date);
      const id = entryArxivId(entry);
      const submitted = id === undefined ? undefined : arxivYearMonth(id);
      if (!date || !submitted || id === undefined) return;
      const agrees =
        date.year === submitted.year && (date.month === undefined || date.month === submitted.month);
      if (agrees) return;
      findings.push({
        path: ["entries", i, "date"],
        message: `date ${entry.date} disagrees with arXiv ${id}, first submitted ${formatYearMonth(submitted.year, submitted.month)}; expected a date in that month (or a venue date after it)`,
      });
    });
    return findings;
  },
};
