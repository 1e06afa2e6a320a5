/**
 * The import graph of src/ between rooms (a room is a folder under src/; a file directly in src/ is an edge
 * of its own), read with TypeScript's own pre-processor. Used by tests/architecture.test.ts and runnable:
 *   tsx scripts/room-graph.ts   prints the room arrows and any cycle (exit 1 on a cycle)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ImportEdge {
  from: string;
  to: string;
  /** The import as written. */
  specifier: string;
}

/** Every relative import between files of `srcDir` (paths relative to srcDir, with their .ts extension). */
export function readImports(srcDir: string): ImportEdge[] {
  const files = readdirSync(srcDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.relative(srcDir, path.join(e.parentPath, e.name)));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(path.join(srcDir, file), "utf8"), true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith(".")) continue;
      const target = path.normalize(path.join(path.dirname(file), specifier)).replace(/\.js$/, ".ts");
      edges.push({ from: file, to: target, specifier });
    }
  }
  return edges;
}

/** The room of a file: its first folder under src/, or the file itself for src/cli.ts, src/main.ts… */
export function roomOf(file: string): string {
  const [first, ...rest] = file.split(path.sep);
  return rest.length > 0 ? (first as string) : file;
}

/** The rooms with a door: the folders of `srcDir` that have an index.ts (as eslint.config.js reads them). */
export function roomsWithDoors(srcDir: string): Set<string> {
  return new Set(
    readdirSync(srcDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(srcDir, e.name, "index.ts")))
      .map((e) => e.name),
  );
}

/** Imports from another room that name a file inside it instead of its index.ts. */
export function importsPastDoors(edges: readonly ImportEdge[], doors: ReadonlySet<string>): ImportEdge[] {
  return edges.filter((e) => {
    const room = roomOf(e.to);
    return doors.has(room) && room !== roomOf(e.from) && e.to !== path.join(room, "index.ts");
  });
}

/** Arrows between different rooms, each with one import that makes it. */
export function roomArrows(edges: readonly ImportEdge[]): Map<string, Map<string, ImportEdge>> {
  const arrows = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    const [a, b] = [roomOf(edge.from), roomOf(edge.to)];
    if (a === b) continue;
    const out = arrows.get(a) ?? new Map<string, ImportEdge>();
    arrows.set(a, out);
    if (!out.has(b)) out.set(b, edge);
  }
  return arrows;
}

/** Every simple cycle between rooms, as the rooms in order, each found once: from its alphabetically first room. */
export function roomCycles(arrows: Map<string, Map<string, ImportEdge>>): string[][] {
  const cycles: string[][] = [];
  const walk = (start: string, trail: string[]) => {
    for (const next of arrows.get(trail[trail.length - 1] as string)?.keys() ?? []) {
      if (next === start) cycles.push([...trail, start]);
      else if (next > start && !trail.includes(next)) walk(start, [...trail, next]);
    }
  };
  for (const room of [...arrows.keys()].sort()) walk(room, [room]);
  return cycles;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const arrows = roomArrows(readImports("src"));
  for (const [from, out] of [...arrows].sort()) console.log(`${from} → ${[...out.keys()].sort().join(", ")}`);
  const cycles = roomCycles(arrows);
  for (const cycle of cycles) {
    console.log(`cycle: ${cycle.join(" → ")}`);
    for (let i = 0; i + 1 < cycle.length; i++) {
      const e = arrows.get(cycle[i] as string)?.get(cycle[i + 1] as string);
      if (e) console.log(`  ${e.from} imports ${e.specifier}`);
    }
  }
  process.exitCode = cycles.length > 0 ? 1 : 0;
}
