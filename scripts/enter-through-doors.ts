/**
 * Rewrites imports that go past a room's index.ts (`../records/parse.js`) to go through it
 * (`../records/index.js`), adds to the index the exports that are missing, and merges the imports a file then
 * has from one index. The door rule in eslint.config.js fails on such imports; this is the mechanical fix, so
 * a merge that brings new ones in is fixed by running it again:
 *   tsx scripts/enter-through-doors.ts           rewrite src/ (then `npx prettier --write` the files it names)
 *   tsx scripts/enter-through-doors.ts --check   list the imports past a door, exit 1 when there is one
 * It refuses (and lists) what it cannot do by itself: a default or namespace import past a door, and a name the
 * index already exports from somewhere else.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { readImports, roomsWithDoors } from "./room-graph.js";

const SRC = path.resolve("src");
const DOORS = roomsWithDoors(SRC);

interface PastDoor {
  file: string;
  declaration: ts.ImportDeclaration | ts.ExportDeclaration;
  room: string;
  target: string;
  names: { name: string; typeOnly: boolean }[];
}

const roomOf = (file: string): string | undefined => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
};
const indexOf = (room: string) => path.join(SRC, room, "index.ts");
const toTs = (file: string) => file.replace(/\.js$/, ".ts");

function relativeSpecifier(from: string, to: string): string {
  const rel = path.relative(path.dirname(from), to).split(path.sep).join("/").replace(/\.ts$/, ".js");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** The imports and re-exports of `source` that name a file inside another room than the index. */
function pastDoors(source: ts.SourceFile, problems: string[]): PastDoor[] {
  const found: PastDoor[] = [];
  const own = roomOf(source.fileName);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const spec = statement.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith(".")) continue;
    const target = toTs(path.resolve(path.dirname(source.fileName), spec.text));
    const room = roomOf(target);
    if (room === undefined || room === own || !DOORS.has(room) || target === indexOf(room)) continue;
    const where = `${path.relative(".", source.fileName)}: ${spec.text}`;
    const names: PastDoor["names"] = [];
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      if (!clause || clause.name || (bindings && !ts.isNamedImports(bindings))) {
        problems.push(`${where}: a side-effect, default or namespace import (rewrite it by hand)`);
        continue;
      }
      for (const el of bindings?.elements ?? [])
        names.push({ name: (el.propertyName ?? el.name).text, typeOnly: clause.isTypeOnly || el.isTypeOnly });
    } else {
      const clause = statement.exportClause;
      if (!clause || !ts.isNamedExports(clause)) {
        problems.push(`${where}: export * past a door (rewrite it by hand)`);
        continue;
      }
      for (const el of clause.elements)
        names.push({
          name: (el.propertyName ?? el.name).text,
          typeOnly: statement.isTypeOnly || el.isTypeOnly,
        });
    }
    found.push({ file: source.fileName, declaration: statement, room, target, names });
  }
  return found;
}

/** The symbol an export finally names (through re-exports). */
function resolved(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function exportsOf(checker: ts.TypeChecker, program: ts.Program, file: string): Map<string, ts.Symbol> {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${file}`);
  return new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
}

/** Merges the named imports a file has from one specifier into one declaration (type-only ones marked). */
function mergeImports(text: string, fileName: string, specifiers: ReadonlySet<string>): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const groups = new Map<string, ts.ImportDeclaration[]>();
  for (const s of source.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (!specifiers.has(s.moduleSpecifier.text)) continue;
    const clause = s.importClause;
    if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
    groups.set(s.moduleSpecifier.text, [...(groups.get(s.moduleSpecifier.text) ?? []), s]);
  }
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [specifier, decls] of groups) {
    if (decls.length < 2) continue;
    const elements = new Map<string, boolean>();
    for (const d of decls) {
      const clause = d.importClause as ts.ImportClause;
      for (const el of (clause.namedBindings as ts.NamedImports).elements) {
        const local = el.propertyName ? `${el.propertyName.text} as ${el.name.text}` : el.name.text;
        const typeOnly = clause.isTypeOnly || el.isTypeOnly;
        elements.set(local, (elements.get(local) ?? true) && typeOnly);
      }
    }
    const allTypes = [...elements.values()].every(Boolean);
    const list = [...elements]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, typeOnly]) => (typeOnly && !allTypes ? `type ${name}` : name));
    const merged = `import ${allTypes ? "type " : ""}{ ${list.join(", ")} } from "${specifier}";`;
    const [first, ...rest] = decls as [ts.ImportDeclaration, ...ts.ImportDeclaration[]];
    edits.push({ start: first.getStart(source), end: first.getEnd(), text: merged });
    for (const d of rest) {
      const end = text[d.getEnd()] === "\n" ? d.getEnd() + 1 : d.getEnd();
      edits.push({ start: d.getStart(source), end, text: "" });
    }
  }
  return applyEdits(text, edits);
}

function applyEdits(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function main(): number {
  const check = process.argv.includes("--check");
  const files = readImports("src")
    .map((e) => path.join(SRC, e.from))
    .filter((f, i, all) => all.indexOf(f) === i);
  const config = ts.getParsedCommandLineOfConfigFile(
    "tsconfig.json",
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const program = ts.createProgram(files, config?.options ?? {});
  const checker = program.getTypeChecker();
  const problems: string[] = [];
  const found = files.flatMap((f) => {
    const source = program.getSourceFile(f);
    return source ? pastDoors(source, problems) : [];
  });
  if (check) {
    for (const p of found)
      console.log(`${path.relative(".", p.file)}: ${p.declaration.moduleSpecifier?.getText()}`);
    for (const p of problems) console.log(p);
    console.log(`${found.length + problems.length} import(s) past a door`);
    return found.length + problems.length > 0 ? 1 : 0;
  }

  // 1. What each index must export in addition, checked against what it already exports.
  const additions = new Map<string, Map<string, Map<string, boolean>>>(); // index → target → name → type-only
  for (const p of found) {
    const index = indexOf(p.room);
    const have = exportsOf(checker, program, index);
    const inner = exportsOf(checker, program, p.target);
    for (const { name } of p.names) {
      const symbol = inner.get(name);
      if (!symbol) {
        problems.push(
          `${path.relative(".", p.file)}: ${name} is not exported by ${path.relative(".", p.target)}`,
        );
        continue;
      }
      const existing = have.get(name);
      if (existing) {
        if (resolved(checker, existing) !== resolved(checker, symbol))
          problems.push(
            `${path.relative(".", index)} already exports another ${name} (wanted by ${path.relative(".", p.file)})`,
          );
        continue;
      }
      const isType = (resolved(checker, symbol).flags & ts.SymbolFlags.Value) === 0;
      const byTarget = additions.get(index) ?? new Map<string, Map<string, boolean>>();
      additions.set(index, byTarget);
      const names = byTarget.get(p.target) ?? new Map<string, boolean>();
      byTarget.set(p.target, names);
      names.set(name, isType);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error(`${problems.length} import(s) need a hand: nothing was written`);
    return 1;
  }

  const changed = new Set<string>();
  for (const [index, byTarget] of additions) {
    const lines = [...byTarget].map(([target, names]) => {
      const list = [...names].sort(([a], [b]) => a.localeCompare(b)).map(([n, t]) => (t ? `type ${n}` : n));
      return `export { ${list.join(", ")} } from "${relativeSpecifier(index, target)}";`;
    });
    writeFileSync(index, `${readFileSync(index, "utf8").trimEnd()}\n${lines.join("\n")}\n`);
    changed.add(index);
  }

  // 2. The imports themselves, then one import per index in each file.
  const byFile = new Map<string, PastDoor[]>();
  for (const p of found) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const [file, list] of byFile) {
    const source = program.getSourceFile(file) as ts.SourceFile;
    const specifiers = new Set<string>();
    const edits = list.map((p) => {
      const spec = p.declaration.moduleSpecifier as ts.StringLiteral;
      const to = relativeSpecifier(file, indexOf(p.room));
      specifiers.add(to);
      return { start: spec.getStart(source), end: spec.getEnd(), text: `"${to}"` };
    });
    writeFileSync(file, mergeImports(applyEdits(source.getFullText(), edits), file, specifiers));
    changed.add(file);
  }
  for (const f of [...changed].sort()) console.log(path.relative(".", f));
  console.error(`${found.length} import(s) in ${byFile.size} file(s) now go through a door`);
  return 0;
}

process.exitCode = main();
