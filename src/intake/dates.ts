/**
 * Publication dates as people write them, to the schema's "YYYY", "YYYY-MM" or "YYYY-MM-DD" — at the
 * precision given, never more: "2023年5月" stays "2023-05", it does not become the first of May.
 */
import { quoteValue } from "./problems.js";

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

/** Papers predate the web, but not by this much; and nothing is published two years from now. */
const MIN_YEAR = 1900;

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return index === -1 ? undefined : index + 1;
}

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

/** Tries each accepted spelling; returns the numbers as written, unchecked. */
function readParts(text: string): Parts | undefined {
  let m = /^(\d{4})(?:\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?)?$/.exec(text);
  if (m) return toParts(m[1], m[2], m[3]);
  // 2023年6月27日, 2023年8月22 (the seed forgets 日), 2023年5月, 2023年
  m = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日?)?)?$/.exec(text);
  if (m) return toParts(m[1], m[2], m[3]);
  // June 27, 2023 · Jun 2023
  m = /^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(text);
  if (m) return withMonthName(m[1], m[2], m[3]);
  // 27 June 2023
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  if (m) return withMonthName(m[2], m[1], m[3]);
  return undefined;
}

function toParts(year?: string, month?: string, day?: string): Parts {
  return {
    year: Number(year),
    ...(month === undefined ? {} : { month: Number(month) }),
    ...(day === undefined ? {} : { day: Number(day) }),
  };
}

function withMonthName(name?: string, day?: string, year?: string): Parts | undefined {
  const month = monthNumber(name ?? "");
  if (month === undefined) return undefined;
  return toParts(year, String(month), day);
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Normalises a written date. Accepts 2023-06-27, 2023/6/27, 2023.6.27, 2023-06, 2023, 2023年6月27日,
 * 2023年8月22, 2023年5月, "June 27, 2023", "27 Jun 2023"; full-width digits too. `now` bounds the year.
 */
export function normalizeDate(input: string, now: Date): DateResult {
  const text = input.normalize("NFKC").trim();
  const parts = readParts(text);
  const expected = "write it as 2023-06-27, 2023/6/27, 2023年6月27日, 2023-06 or 2023";
  if (!parts) return { ok: false, message: `${quoteValue(text)} is not a date I can read; ${expected}` };
  const { year, month, day } = parts;
  const maxYear = now.getUTCFullYear() + 1;
  if (year < MIN_YEAR || year > maxYear)
    return { ok: false, message: `the year ${year} is out of range (${MIN_YEAR}–${maxYear})` };
  if (month === undefined) return { ok: true, date: String(year) };
  if (month < 1 || month > 12) return { ok: false, message: `there is no month ${month}; ${expected}` };
  if (day === undefined) return { ok: true, date: `${year}-${pad(month)}` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { ok: false, message: `${year}-${pad(month)} has no day ${day}` };
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}
