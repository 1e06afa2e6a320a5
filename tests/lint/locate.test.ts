import { describe, expect, it } from "vitest";
import { locateFinding } from "../../src/lint/locate.js";
import { RecordSource } from "../../src/records/source.js";

const TEXT = `a:
  plain: one two three
  double: "one two three"
  single: 'it''s one two'
  escaped: "one\\ttwo three"
  literal: |
    first line
      second two
  folded: >
    one
    two
`;
const source = new RecordSource("t.yaml", TEXT);
const at = (key: string, range: [number, number]) => {
  const { line, column, endLine, endColumn } = locateFinding(source, {
    message: "",
    path: ["a", key],
    range,
  });
  return [line, column, endLine, endColumn];
};

describe("locateFinding", () => {
  it("is exact inside plain and double-quoted scalars on one line", () => {
    expect(at("plain", [4, 7])).toEqual([2, 14, 2, 17]);
    expect(TEXT.split("\n")[1]?.slice(13, 16)).toBe("two");
    expect(at("double", [4, 7])).toEqual([3, 16, 3, 19]);
  });

  it("is exact inside a block literal, line by line", () => {
    expect(at("literal", [13, 19])).toEqual([8, 7, 8, 13]);
    expect(TEXT.split("\n")[7]?.slice(6, 12)).toBe("second");
  });

  it("falls back to the whole node where escapes or folding shift offsets", () => {
    expect(at("single", [5, 8])).toEqual([4, 11, 4, 26]);
    expect(at("escaped", [4, 7])[0]).toBe(5);
    expect(at("folded", [4, 7]).slice(0, 2)).toEqual([9, 11]);
  });

  it("points at a key when asked", () => {
    const pos = locateFinding(source, { message: "", path: ["a", "plain"], atKey: true });
    expect([pos.line, pos.column]).toEqual([2, 3]);
  });
});
