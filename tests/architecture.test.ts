/**
 * Stages read one way (issue 8): no import cycle between the rooms of src/. The graph is read from the source
 * with TypeScript's pre-processor (scripts/room-graph.ts); the second test shows the walk finds a cycle.
 */
import { describe, expect, it } from "vitest";
import { readImports, roomArrows, roomCycles, type ImportEdge } from "../scripts/room-graph.js";

describe("rooms of src/", () => {
  it("import each other without a cycle", () => {
    const cycles = roomCycles(roomArrows(readImports("src")));
    expect(cycles).toEqual([]);
  });

  it("the cycle finder reports a cycle through three rooms, and one that goes back directly", () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: `../${to}` });
    const arrows = roomArrows([
      edge("render/a.ts", "records/index.ts"),
      edge("records/b.ts", "lint/index.ts"),
      edge("lint/c.ts", "render/index.ts"),
      edge("build/d.ts", "intake/index.ts"),
      edge("intake/e.ts", "build/index.ts"),
      edge("cli/f.ts", "build/index.ts"),
    ]);
    expect(roomCycles(arrows)).toEqual([
      ["build", "intake", "build"],
      ["lint", "render", "records", "lint"],
    ]);
  });
});
