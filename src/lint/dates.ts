/** Date helpers for the date rules: the records' dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD" strings. */

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** Splits a schema-valid date string; undefined for anything else. */
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

/** Days in a month of the proleptic Gregorian calendar (February 29 only in leap years). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

export function formatYearMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}
