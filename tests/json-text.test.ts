import { describe, expect, it } from "vitest";
import { parseJsonText } from "../src/json-text.js";

describe("parseJsonText", () => {
  it("gives the value of JSON text", () => {
    expect(parseJsonText('{"a": [1, "摘要"]}')).toEqual({ ok: true, value: { a: [1, "摘要"] } });
  });

  it("says where the text stops being JSON as a line and column, once", () => {
    const result = parseJsonText('{\n  "a": 1,\n  "b": 2,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^not JSON: .*at position 22 \(line 4 column 1\)$/);
    expect(result.message.match(/\(line/g)).toHaveLength(1);
    // Columns count UTF-16 code units from 1, as JSON.parse's positions do (each character of 摘要 is one).
    expect(parseJsonText('{"摘要": 1 "b": 2}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at position 9 \(line 1 column 10\)$/),
    });
  });

  it("keeps a message that has no position (empty or cut-short input)", () => {
    expect(parseJsonText("")).toEqual({ ok: false, message: "not JSON: Unexpected end of JSON input" });
  });
});
