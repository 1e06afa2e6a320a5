/**
 * Dates, in one place: the spellings people write (the importer's brackets, the intake's answers), the
 * schema's "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the precision given — "2023年5月" stays "2023-05", it never
 * becomes the first of May — and the calendar checks lint applies.
 */

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** How a written date was spelled, so a reader can say when it read something leniently. */
export type DateForm = "numeric" | "cjk" | "cjk-without-day-mark" | "month-name";

export interface WrittenDate extends PartialDate {
  form: DateForm;
}

/** 2023-06-27, 2023/6/27, 2023.6.27, 2023-06, 2023 (spaces around the separators allowed). */
const NUMERIC = /^(\d{4})(?:\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?)?$/;
/** 2023年6月27日, 2023年8月22 (the seed forgets 日), 2023年5月, 2023年. */
const CJK = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*(日?))?)?$/;
/** June 27, 2023 · Jun 2023. */
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/;
/** 27 June 2023. */
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** A month's full name or its three-letter abbreviation ("Sept" too); not any word that starts like one. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((m) => m === lower || m.slice(0, 3) === lower);
  if (index !== -1) return index + 1;
  return lower === "sept" ? 9 : undefined;
}

function parts(form: DateForm, year?: string, month?: string | number, day?: string): WrittenDate {
  return {
    year: Number(year),
    ...(month === undefined ? {} : { month: Number(month) }),
    ...(day === undefined ? {} : { day: Number(day) }),
    form,
  };
}

/**
 * Reads a date as people write it (full-width digits too); the numbers come back as written, unchecked
 * (see toSchemaDate). Undefined when the text is not a date: a venue such as "CVPR 2023" or "ICML2020".
 */
export function readWrittenDate(input: string): WrittenDate | undefined {
  const text = input.normalize("NFKC").trim();
  let m = NUMERIC.exec(text);
  if (m) return parts("numeric", m[1], m[2], m[3]);
  m = CJK.exec(text);
  if (m) return parts(m[3] !== undefined && m[4] === "" ? "cjk-without-day-mark" : "cjk", m[1], m[2], m[3]);
  m = MONTH_FIRST.exec(text);
  const monthFirst = m ? monthNumber(m[1] ?? "") : undefined;
  if (m && monthFirst !== undefined) return parts("month-name", m[3], monthFirst, m[2]);
  m = DAY_FIRST.exec(text);
  const dayFirst = m ? monthNumber(m[2] ?? "") : undefined;
  if (m && dayFirst !== undefined) return parts("month-name", m[3], dayFirst, m[1]);
  return undefined;
}

/** Days in a month of the proleptic Gregorian calendar (February 29 only in leap years). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The schema's date string at the precision given, or which part the calendar does not have. */
export function toSchemaDate(
  date: PartialDate,
): { ok: true; date: string } | { ok: false; problem: "month" | "day" } {
  const { year, month, day } = date;
  if (month === undefined) return { ok: true, date: String(year) };
  if (month < 1 || month > 12) return { ok: false, problem: "month" };
  if (day === undefined) return { ok: true, date: `${year}-${pad(month)}` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: "day" };
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** Splits a schema-shaped date string ("YYYY", "YYYY-MM", "YYYY-MM-DD"); undefined for anything else. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return {
    year: Number(y),
    ...(m === undefined ? {} : { month: Number(m) }),
    ...(d === undefined ? {} : { day: Number(d) }),
  };
}

/**
 * Compares a partial date with `now` at the date's own precision: "2026" is not in the future during
 * 2026, "2026-05" is not during May 2026. Uses UTC so a run near midnight gives the same answer anywhere.
 */
export function isAfter(date: PartialDate, now: Date): boolean {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const d = now.getUTCDate();
  if (date.year !== y) return date.year > y;
  if (date.month === undefined || date.month !== m) return (date.month ?? 0) > m;
  return (date.day ?? 0) > d;
}

/** The year and month an arXiv id was first submitted (new-style ids only: YYMM.NNNNN since 2007). */
export function arxivYearMonth(id: string): { year: number; month: number } | undefined {
  const match = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: 2000 + Number(match[1]), month };
}

/** A year a venue names: "CVPR 2023", "ICML2020", "NeurIPS'22" is not read (two digits say too little). */
const VENUE_YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

/**
 * The year a record was published, for the site's year filter and BibTeX's `year`: its date's, else the year
 * its venue names ("CVPR 2019": ArcFace's arXiv id says 2018, the conference 2019), else its arXiv id's.
 * Undefined when none says. Six records of the real list have no date, and the year filter lost them all.
 */
export function publicationYear(record: {
  date?: string;
  venue?: string;
  arxiv?: string;
}): string | undefined {
  if (record.date) return record.date.slice(0, 4);
  const named = record.venue ? VENUE_YEAR.exec(record.venue)?.[0] : undefined;
  if (named !== undefined) return named;
  const submitted = record.arxiv ? arxivYearMonth(record.arxiv) : undefined;
  return submitted && String(submitted.year);
}

export function formatYearMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}
