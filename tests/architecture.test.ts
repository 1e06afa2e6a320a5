/**
 * Stages read one way (issue 8): no import cycle between the rooms of src/ (the graph is read from the source
 * with TypeScript's pre-processor, scripts/room-graph.ts), and rooms are entered through their index.ts
 * (eslint.config.js's door rule, run here on a file placed in src/check/).
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import {
  importsPastDoors,
  readImports,
  roomArrows,
  roomCycles,
  roomsWithDoors,
  type ImportEdge,
} from "../scripts/room-graph.js";

describe("rooms of src/", () => {
  it("import each other without a cycle", () => {
    const cycles = roomCycles(roomArrows(readImports("src")));
    expect(cycles).toEqual([]);
  });

  it("are entered only through their index.ts (what the door rule enforces, read from the source)", () => {
    const past = importsPastDoors(readImports("src"), roomsWithDoors("src"));
    expect(past.map((e) => `${e.from} imports ${e.specifier}`)).toEqual([]);
  });

  it("the door finder reports an import past an index.ts, and none through it or inside a room", () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to });
    const doors = new Set(["records", "lint"]);
    const past = importsPastDoors(
      [
        edge("lint/a.ts", "records/parse.ts"),
        edge("lint/b.ts", "records/index.ts"),
        edge("lint/rules/c.ts", "lint/engine.ts"),
        edge("cli/d.ts", "action/main.ts"),
      ],
      doors,
    );
    expect(past.map((e) => e.from)).toEqual(["lint/a.ts"]);
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

describe("the door rule (eslint.config.js)", () => {
  const lint = async (code: string) => {
    const [result] = await new ESLint().lintText(code, { filePath: "src/check/door-rule-example.ts" });
    return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports");
  };

  // The first lintText loads the whole config (typescript-eslint): slow on a shared machine.
  it("fails on an import past a room's index.ts", { timeout: 120_000 }, async () => {
    const messages = await lint(
      'import { parseRecords } from "../records/parse.js";\nexport const p = parseRecords;\n',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toContain("Enter a room through its index.ts");
  });

  it("passes the same import through the door, and a room's own files", async () => {
    expect(
      await lint('import { parseRecords } from "../records/index.js";\nexport const p = parseRecords;\n'),
    ).toEqual([]);
    expect(await lint('import { runCheck } from "./run.js";\nexport const r = runCheck;\n')).toEqual([]);
  });
});
