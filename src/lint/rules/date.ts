import { daysInMonth, isAfter, parsePartialDate } from "../../records/index.js";
import type { Finding, LintRule } from "../types.js";
import { SHIKRA } from "./example-record.js";

/** Before this a date is a typo (0203, 1023), not a paper this list would hold. */
export const EARLIEST_PLAUSIBLE_YEAR = 1900;

const DATE_FIELDS = ["date", "added"] as const;

/**
 * Dates are compared in UTC, but maintainers write the local date: in Taiwan (UTC+8) a paper added before
 * 08:00 carries a date that is still tomorrow in UTC. One day of slack covers every time zone ahead of UTC.
 */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

export const dateRule: LintRule = {
  id: "date",
  description: "`date` and `added` are real calendar days, not in the future and not implausibly old.",
  defaultSetting: "error",
  rationale:
    "The schema only checks the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. This rule rejects days the " +
    `calendar does not have (2023-02-30, 2023-04-31), dates after today at their own precision (\`2026\` is ` +
    "fine all through 2026; today is UTC's, plus one day for time zones ahead of UTC, such as Taiwan's), " +
    `and years before ${EARLIEST_PLAUSIBLE_YEAR}. The clock is passed in, so tests ` +
    "and the intake use a fixed day.",
  examples: {
    pass: `${SHIKRA}
  date: 2023-06-27`,
    fail: `${SHIKRA}
  date: 2023-06-31`,
  },
  check({ data, now }) {
    const findings: Finding[] = [];
    const latest = new Date(now.getTime() + FUTURE_SLACK_MS);
    data.entries.forEach((entry, i) => {
      for (const field of DATE_FIELDS) {
        const text = entry[field];
        const date = text === undefined ? undefined : parsePartialDate(text);
        if (!date || text === undefined) continue;
        const path = ["entries", i, field];
        if (
          date.month !== undefined &&
          date.day !== undefined &&
          date.day > daysInMonth(date.year, date.month)
        ) {
          findings.push({
            path,
            message: `${field} ${text} is not a calendar day: ${date.year}-${String(date.month).padStart(2, "0")} has ${daysInMonth(date.year, date.month)} days`,
          });
        } else if (isAfter(date, latest)) {
          findings.push({
            path,
            message: `${field} ${text} is in the future (today is ${now.toISOString().slice(0, 10)} UTC, a day more allowed for time zones ahead of UTC); expected a past date`,
          });
        } else if (date.year < EARLIEST_PLAUSIBLE_YEAR) {
          findings.push({
            path,
            message: `${field} ${text} is implausibly old; expected a year from ${EARLIEST_PLAUSIBLE_YEAR} on`,
          });
        }
      }
    });
    return findings;
  },
};
