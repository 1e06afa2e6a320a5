/**
 * The bracket after an entry's link: a date (`2023年6月27日`, `2023年5月`, `2023-06-27`, `June 27, 2023`) or
 * a venue (`CVPR 2023`, `ICML2020`, kept verbatim). A date keeps exactly the precision written; none is
 * invented. The spellings and the calendar live in src/records/dates.ts.
 */
import { readWrittenDate, toSchemaDate } from "../records/index.js";

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

/** Reads the bracketed text; empty text is "none". */
export function readWhen(text: string): WhenResult {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "none" };
  const written = readWrittenDate(trimmed);
  if (!written) return { kind: "venue", venue: trimmed };
  const date = toSchemaDate(written);
  if (!date.ok)
    return {
      kind: "venue",
      venue: trimmed,
      invalid: `"${trimmed}" is not a real date; kept verbatim as the venue`,
    };
  if (written.form === "cjk-without-day-mark")
    return {
      kind: "date",
      date: date.date,
      normalised: `"${trimmed}" has no 日 after the day; read as ${date.date}`,
    };
  if (written.form === "month-name")
    return { kind: "date", date: date.date, normalised: `"${trimmed}" read as ${date.date}` };
  return { kind: "date", date: date.date };
}
