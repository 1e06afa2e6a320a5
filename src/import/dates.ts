/**
 * The bracket after an entry's link: a date (`2023年6月27日`, `2023年5月`, `2023-06-27`) or a venue
 * (`CVPR 2023`, `ICML2020`, kept verbatim). A date keeps exactly the precision written; none is invented.
 */

export type WhenResult =
  | {
      kind: "date";
      date: string;
      /** Set when the text was irregular and had to be read leniently. */ normalised?: string;
    }
  | {
      kind: "venue";
      venue: string;
      /** Set when the text looked like a date that does not exist. */ invalid?: string;
    }
  | { kind: "none" };

const CJK_DATE = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*(日?))?)?$/;
const ISO_LIKE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;

/** Reads the bracketed text; empty text is "none". */
export function readWhen(text: string): WhenResult {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "none" };
  const cjk = CJK_DATE.exec(trimmed);
  const iso = cjk ? undefined : ISO_LIKE.exec(trimmed);
  const parts = cjk ?? iso;
  if (!parts) return { kind: "venue", venue: trimmed };
  const [, year, month, day] = parts;
  const date = formatDate(year ?? "", month, day);
  if (date === undefined)
    return {
      kind: "venue",
      venue: trimmed,
      invalid: `"${trimmed}" is not a real date; kept verbatim as the venue`,
    };
  if (cjk && day !== undefined && cjk[4] === "")
    return { kind: "date", date, normalised: `"${trimmed}" has no 日 after the day; read as ${date}` };
  return { kind: "date", date };
}

function formatDate(year: string, month?: string, day?: string): string | undefined {
  if (month === undefined) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  const ym = `${year}-${String(m).padStart(2, "0")}`;
  if (day === undefined) return ym;
  const d = Number(day);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (d < 1 || d > lastDay) return undefined;
  return `${ym}-${String(d).padStart(2, "0")}`;
}
