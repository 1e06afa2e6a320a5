/** prettyJsonPieces must join to exactly what JSON.stringify(object, null, 2) writes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prettyJsonPieces } from "../../src/site/json-pieces.js";
import { makeSyntheticList } from "../../bench/synthetic.js";
import { readSiteFixture } from "./helpers/fixture.js";

const same = (object: Record<string, unknown>) =>
  expect([...prettyJsonPieces(object)].join("")).toBe(JSON.stringify(object, null, 2));

describe("prettyJsonPieces", () => {
  it("writes the records as JSON.stringify does", async () => {
    same({ $schema: "papers.schema.json", ...(await readSiteFixture()) });
    same({ $schema: "papers.schema.json", ...makeSyntheticList(50) });
  });

  it("writes what JSON.stringify writes for empty, nested, unwritable and odd values", () => {
    same({});
    same({ a: [], b: {}, c: [[]], d: [{}, [1, [2]], "x\ny"] });
    same({ gone: undefined, f: () => 1, kept: null, list: [undefined, () => 1, Symbol("s"), 1] });
    same({ date: new Date(0), list: [new Date(0)], text: "lone \ud800 微調 \u0000 \u2028" });
    // Arrays longer than a piece's elements, with values written as null among them.
    for (const length of [15, 16, 17, 33])
      same({
        a: 1,
        list: Array.from({ length }, (_, i) => (i % 5 === 0 ? undefined : { i, t: "x\ny" })),
        z: [],
      });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        same(object);
      }),
    );
  });
});
