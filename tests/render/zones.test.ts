import { describe, expect, test } from "vitest";
import { README_ZONES } from "../../src/render/readme.js";
import { parseZones, replaceZones } from "../../src/render/zones.js";

const zones = (text: string) => parseZones(text, "README.md", README_ZONES);
const errorsOf = (text: string) => {
  const result = zones(text);
  return result.ok ? [] : result.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
};
const toc = "<!-- papershelf:begin toc -->\n<!-- papershelf:end toc -->\n";
const entries = "<!-- papershelf:begin entries -->\n<!-- papershelf:end entries -->\n";

describe("parseZones", () => {
  test("finds zones by their marker lines", () => {
    expect(zones(`# T\n\n${toc}\ntext\n${entries}`)).toEqual({
      ok: true,
      zones: [
        { name: "toc", beginLine: 2, endLine: 3 },
        { name: "entries", beginLine: 6, endLine: 7 },
      ],
    });
  });

  test("a byte-order mark before the first marker is not part of it, and stays in the file", () => {
    const text = `\uFEFF${toc}\n${entries}`;
    const result = zones(text);
    expect(result).toEqual({
      ok: true,
      zones: [
        { name: "toc", beginLine: 0, endLine: 1 },
        { name: "entries", beginLine: 3, endLine: 4 },
      ],
    });
    if (!result.ok) return;
    const filled = replaceZones(text, result.zones, new Map([["toc", "- a\n"]]));
    expect(filled.startsWith("\uFEFF<!-- papershelf:begin toc -->\n\n- a\n")).toBe(true);
  });

  test("a missing zone names the two lines to add", () => {
    expect(errorsOf(`# T\n${toc}`)).toEqual([
      '1:1 README.md has no "entries" zone; add the two lines "<!-- papershelf:begin entries -->" and "<!-- papershelf:end entries -->" where it belongs',
    ]);
  });

  test("a zone that never ends points at its begin marker", () => {
    expect(errorsOf(`# T\n${toc}<!-- papershelf:begin entries -->\nx\n`)).toEqual([
      '4:1 zone "entries" begins on line 4 but never ends; add "<!-- papershelf:end entries -->" after it',
    ]);
  });

  test("an end without a begin", () => {
    expect(errorsOf(`${toc}${entries}<!-- papershelf:end toc -->\n`)).toEqual([
      '5:1 "<!-- papershelf:end toc -->" has no begin marker above it; add "<!-- papershelf:begin toc -->" where the zone starts, or remove this line',
    ]);
  });

  test("nested zones are refused with both line numbers", () => {
    const text = `<!-- papershelf:begin entries -->\n${toc}<!-- papershelf:end entries -->\n`;
    expect(errorsOf(text)).toEqual([
      '2:1 zone "toc" begins inside zone "entries" (begun on line 1); zones cannot nest: add "<!-- papershelf:end entries -->" before line 2',
      '3:1 "<!-- papershelf:end toc -->" does not match the open zone "entries" (begun on line 1); use "<!-- papershelf:end entries -->"',
    ]);
  });

  test("a duplicated zone names both places", () => {
    expect(errorsOf(`${toc}${entries}\n${toc}`)).toEqual([
      '6:1 zone "toc" appears twice (lines 1 and 6); remove one of the two zones',
    ]);
  });

  test("malformed and unknown markers", () => {
    expect(
      errorsOf(`${toc}${entries}<!-- papershelf: begin toc -->\n<!-- papershelf:begin tocs -->\n`),
    ).toEqual([
      '5:1 malformed papershelf marker "<!-- papershelf: begin toc -->"; expected a line of its own such as "<!-- papershelf:begin toc -->" or "<!-- papershelf:end toc -->"',
      '6:1 unknown zone "tocs"; expected one of: site, intro, toc, entries',
    ]);
  });

  test("markers inside fenced code or inline in a sentence are not markers", () => {
    const text = `~~~md\n<!-- papershelf:begin toc -->\n~~~\nSee \`<!-- papershelf:end toc -->\`.\n${toc}${entries}`;
    expect(zones(text).ok).toBe(true);
  });
});

describe("replaceZones", () => {
  test("changes only the lines between markers, with a blank line on each side", () => {
    const text = `head\n${toc}tail\n${entries}end`;
    const result = zones(text);
    if (!result.ok) throw new Error("zones");
    const out = replaceZones(
      text,
      result.zones,
      new Map([
        ["toc", "- a\n- b\n"],
        ["entries", "## X"],
      ]),
    );
    expect(out).toBe(
      "head\n<!-- papershelf:begin toc -->\n\n- a\n- b\n\n<!-- papershelf:end toc -->\ntail\n" +
        "<!-- papershelf:begin entries -->\n\n## X\n\n<!-- papershelf:end entries -->\nend",
    );
  });

  test("keeps CRLF files CRLF", () => {
    const text = `head\r\n${toc}${entries}`.replace(/\n/g, "\r\n").replace(/\r\r/g, "\r");
    const result = zones(text);
    if (!result.ok) throw new Error("zones");
    const out = replaceZones(text, result.zones, new Map([["toc", "- a\n- b"]]));
    expect(out).toBe(
      "head\r\n<!-- papershelf:begin toc -->\r\n\r\n- a\r\n- b\r\n\r\n<!-- papershelf:end toc -->\r\n" +
        "<!-- papershelf:begin entries -->\r\n\r\n<!-- papershelf:end entries -->\r\n",
    );
  });
});
