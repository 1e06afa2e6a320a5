/**
 * Publication dates as people write them, to the schema's "YYYY", "YYYY-MM" or "YYYY-MM-DD" — at the
 * precision given, never more: "2023年5月" stays "2023-05", it does not become the first of May. The
 * spellings and the calendar come from the shared module (src/records/dates.ts); the year bounds, the
 * messages and one leniency are the intake's own.
 */
import { readWrittenDate, toSchemaDate, type PartialDate } from "../records/index.js";
import { quoteValue } from "./problems.js";

/** A refusal: `message` in English (the CLI's), `zh` the same in Chinese; the fix is always DATE_HINT. */
export type DateResult = { ok: true; date: string } | { ok: false; message: string; zh: string };

/** How to write a date the intake reads, in both languages. */
export const DATE_HINT = {
  zh: "請寫成 2023-06-27、2023/6/27、2023年6月27日、2023-06 或 2023。",
  en: "Write it as 2023-06-27, 2023/6/27, 2023年6月27日, 2023-06 or 2023.",
} as const;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

/** Papers predate the web, but not by this much; and nothing is published two years from now. */
const MIN_YEAR = 1900;

/**
 * The intake is more forgiving about month names than the shared reader: any word whose first three
 * letters name a month ("Febuary", "Septem.") is read as that month, since a person answering the form
 * is writing a date on purpose. The importer must not do this ("Marathon 2023" is not a date there).
 */
function lenientMonthName(text: string): PartialDate | undefined {
  const monthFirst = /^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(text);
  const dayFirst = monthFirst
    ? undefined
    : /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  const [name, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  if (name === undefined) return undefined;
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  if (index === -1) return undefined;
  return { year: Number(year), month: index + 1, ...(day === undefined ? {} : { day: Number(day) }) };
}

/**
 * Normalises a written date. Accepts 2023-06-27, 2023/6/27, 2023.6.27, 2023-06, 2023, 2023年6月27日,
 * 2023年8月22, 2023年5月, "June 27, 2023", "27 Jun 2023"; full-width digits too. `now` bounds the year.
 */
export function normalizeDate(input: string, now: Date): DateResult {
  const text = input.normalize("NFKC").trim();
  const parts = readWrittenDate(text) ?? lenientMonthName(text);
  if (!parts)
    return {
      ok: false,
      message: `${quoteValue(text)} is not a date I can read`,
      zh: `${quoteValue(text)} 不是看得懂的日期。`,
    };
  const { year, month, day } = parts;
  const maxYear = now.getUTCFullYear() + 1;
  if (year < MIN_YEAR || year > maxYear)
    return {
      ok: false,
      message: `the year ${year} is out of range (${MIN_YEAR}–${maxYear})`,
      zh: `年份 ${year} 超出範圍（${MIN_YEAR}–${maxYear}）。`,
    };
  const date = toSchemaDate(parts);
  if (date.ok) return { ok: true, date: date.date };
  if (date.problem === "month")
    return { ok: false, message: `there is no month ${month}`, zh: `沒有 ${month} 月。` };
  const yearMonth = `${year}-${String(month).padStart(2, "0")}`;
  return { ok: false, message: `${yearMonth} has no day ${day}`, zh: `${yearMonth} 沒有 ${day} 日。` };
}
