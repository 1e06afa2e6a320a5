/** The one date module (src/records/dates.ts) the importer, lint and the intake read dates with. */
import { describe, expect, it } from "vitest";
import {
  arxivYearMonth,
  daysInMonth,
  isAfter,
  parsePartialDate,
  publicationYear,
  readWrittenDate,
  toSchemaDate,
} from "../../src/records/dates.js";

describe("readWrittenDate: the spellings people use, numbers as written", () => {
  it.each([
    ["2023-06-27", { year: 2023, month: 6, day: 27, form: "numeric" }],
    ["2023/6/27", { year: 2023, month: 6, day: 27, form: "numeric" }],
    ["2023 . 6 . 1", { year: 2023, month: 6, day: 1, form: "numeric" }],
    ["2023-06", { year: 2023, month: 6, form: "numeric" }],
    ["2021", { year: 2021, form: "numeric" }],
    ["２０２３年６月２７日", { year: 2023, month: 6, day: 27, form: "cjk" }],
    ["2023年5月", { year: 2023, month: 5, form: "cjk" }],
    ["2023年8月22", { year: 2023, month: 8, day: 22, form: "cjk-without-day-mark" }],
    ["June 27, 2023", { year: 2023, month: 6, day: 27, form: "month-name" }],
    ["27 Sept 2023", { year: 2023, month: 9, day: 27, form: "month-name" }],
    ["Jun 2023", { year: 2023, month: 6, form: "month-name" }],
    ["2023年13月1日", { year: 2023, month: 13, day: 1, form: "cjk" }],
  ])("%s", (text, expected) => {
    expect(readWrittenDate(text)).toEqual(expected);
  });

  it.each(["CVPR 2023", "ICML2020", "arXiv 2023", "Junk 2023", "Augmented 2023", ""])(
    "not a date: %s",
    (text) => {
      expect(readWrittenDate(text)).toBeUndefined();
    },
  );
});

describe("toSchemaDate: at the precision written, real calendar days only", () => {
  it("pads and keeps the precision", () => {
    expect(toSchemaDate({ year: 2023, month: 5 })).toEqual({ ok: true, date: "2023-05" });
    expect(toSchemaDate({ year: 2024, month: 2, day: 29 })).toEqual({ ok: true, date: "2024-02-29" });
  });

  it("says which part does not exist", () => {
    expect(toSchemaDate({ year: 2023, month: 13 })).toEqual({ ok: false, problem: "month" });
    expect(toSchemaDate({ year: 2023, month: 2, day: 29 })).toEqual({ ok: false, problem: "day" });
  });
});

describe("schema dates", () => {
  it("splits YYYY, YYYY-MM and YYYY-MM-DD", () => {
    expect(parsePartialDate("2023-06")).toEqual({ year: 2023, month: 6 });
    expect(parsePartialDate("2023年")).toBeUndefined();
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it("compares with now at the date's own precision", () => {
    const now = new Date("2026-05-10T12:00:00Z");
    expect(isAfter({ year: 2026 }, now)).toBe(false);
    expect(isAfter({ year: 2026, month: 5, day: 11 }, now)).toBe(true);
    expect(arxivYearMonth("2306.15195")).toEqual({ year: 2023, month: 6 });
  });
});

describe("publicationYear", () => {
  it("is the date's year, else the year the venue names, else the arXiv id's, else undefined", () => {
    expect(publicationYear({ date: "2021-06", venue: "CVPR 2019", arxiv: "1801.07698" })).toBe("2021");
    // ArcFace: submitted to arXiv in 2018, published at CVPR 2019.
    expect(publicationYear({ venue: "CVPR 2019", arxiv: "1801.07698" })).toBe("2019");
    expect(publicationYear({ venue: "ICML2020" })).toBe("2020");
    // Two digits, or a longer number, name no year.
    expect(publicationYear({ venue: "NeurIPS'22", arxiv: "2205.01068" })).toBe("2022");
    expect(publicationYear({ venue: "Workshop 12019" })).toBeUndefined();
    expect(publicationYear({ venue: "Preprint", arxiv: "2305.20050" })).toBe("2023");
    expect(publicationYear({ arxiv: "hep-th/9901001" })).toBeUndefined();
    expect(publicationYear({})).toBeUndefined();
  });
});
