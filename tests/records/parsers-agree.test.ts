/**
 * Two YAML parsers remain in the project: js-yaml reads the data file (RecordSource), the `yaml` package
 * edits the issue form and writes records. They must never disagree on a data file, so random valid and
 * invalid files are loaded both ways: the same error/no-error, the same values, the same node positions.
 * Aliases, anchors and tags are outside the comparison on purpose: js-yaml's side refuses them (the last
 * test shows it does, where `yaml` would read them).
 *
 * On files with a mistake the data file's reader must never be the more lenient one: whatever js-yaml
 * accepts, yaml accepts with the same values. The other way round, yaml 2.9.1 reads a few malformed files
 * that js-yaml (and the YAML spec) refuse, e.g. a quoted scalar whose next lines are not indented under
 * its key; those stay errors in the data file.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from "yaml";
import { stringifyEntry } from "../../src/records/edit.js";
import type { Entry } from "../../src/records/schema.js";
import { readFileSync } from "node:fs";
import { parseRecords } from "../../src/records/parse.js";
import { RecordSource, type SourceNode } from "../../src/records/source.js";
import { loadYaml, loadYamlQuick } from "../../src/records/yaml-data.js";
import { makeSyntheticYaml } from "../../bench/synthetic.js";

const KEYS = ["id", "title", "url", "kind", "date", "summary", "repos", "tags", "note", "x-y", "標題"];
const WORDS = [
  "shikra",
  "https://arxiv.org/abs/2306.15195",
  "2023-06",
  "2023",
  "1_000",
  "0x1F",
  "0o17",
  "+12",
  "-3.5",
  ".5",
  "1e3",
  "1.",
  ".inf",
  "-.Inf",
  ".NaN",
  "true",
  "False",
  "yes",
  "no",
  "null",
  "Null",
  "~",
  "多模態 模型",
  "a b c",
  "C++",
  "50%",
  "x?y",
  "a-b",
  "foo.bar",
];

type Value = string | Value[] | { [key: string]: Value };

const scalarText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({
    unit: fc.constantFrom("a", "b", " ", "é", "摘", ":", "#", "-", "'", '"', "\\", "\n", "\t"),
    maxLength: 12,
  }),
);

const value: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarText,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A scalar in one of YAML's five styles, or undefined when that style cannot hold the text. */
function scalarIn(style: number, text: string, indent: string): string | undefined {
  switch (style) {
    case 0: // plain: only words that read back as written
      return /^[\w./:+~%?多模態型 -]+$/u.test(text) && !/^[-?:]|[ ]$|^ |: | #/.test(text) && text !== ""
        ? text
        : undefined;
    case 1:
      return /[\n\t]/.test(text) ? undefined : `'${text.replace(/'/g, "''")}'`;
    case 2:
      return JSON.stringify(text);
    case 3: // literal block
      return /^[^\s]/.test(text) && !/[\t\r]|\s$|\n\s/.test(text) && text !== ""
        ? `|-\n${text
            .split("\n")
            .map((l) => (l === "" ? "" : indent + l))
            .join("\n")}`
        : undefined;
    default: // folded block
      return /^[^\s#]/.test(text) && !/[\n\t\r]|\s$/.test(text) ? `>-\n${indent}${text}` : undefined;
  }
}

/** Writes `v` as block YAML at `depth`, choosing styles from `styles` (a stream of small numbers). */
function write(v: Value, depth: number, styles: () => number): string {
  const pad = "  ".repeat(depth);
  if (typeof v === "string") {
    for (let style = styles() % 5, tries = 0; tries < 5; tries++, style = (style + 1) % 5) {
      const out = scalarIn(style, v, pad);
      if (out !== undefined) return ` ${out}`;
    }
    return ` ${JSON.stringify(v)}`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0 || styles() % 4 === 0) return ` [${v.map((i) => JSON.stringify(flat(i))).join(", ")}]`;
    return `\n${v.map((item) => `${pad}-${write(item, depth + 1, styles)}`).join("\n")}`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return " {}";
  const comment = styles() % 3 === 0 ? `${pad}# a comment\n` : "";
  return `\n${comment}${keys.map((k) => `${pad}${k}:${write(v[k] as Value, depth + 1, styles)}`).join("\n")}`;
}

/** Flow collections are written with JSON scalars only. */
function flat(v: Value): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

function document(v: Record<string, Value>, seed: number[]): string {
  let i = 0;
  const styles = () => seed[i++ % seed.length] ?? 0;
  const text = write(v, 0, styles);
  return `${text.replace(/^\n/, "")}\n`;
}

/** Mistakes people make by hand: a space too few or too many, a missing space after the colon, a key twice… */
function mistake(text: string, kind: number, at: number): string {
  const lines = text.split("\n");
  const line = at % Math.max(1, lines.length - 1);
  const current = lines[line] ?? "";
  switch (kind) {
    case 0:
      lines[line] = current.replace(/^ /, "");
      break;
    case 1:
      lines[line] = ` ${current}`;
      break;
    case 2:
      lines[line] = current.replace(": ", ":");
      break;
    case 3:
      lines.splice(line + 1, 0, current);
      break;
    case 4:
      lines[line] = current.replace(/^( *)/, "$1\t");
      break;
    case 5:
      lines[line] = current.replace(/(['"])/, "");
      break;
    default:
      lines[line] = `${current} ]`;
  }
  return lines.join("\n");
}

interface Loaded {
  ok: boolean;
  data?: unknown;
}

function viaYaml(text: string): Loaded {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return { ok: false };
  return { ok: true, data: doc.toJS() as unknown };
}

function viaJsYaml(text: string): Loaded & { source: RecordSource } {
  const source = new RecordSource("f.yaml", text);
  const loaded = source.toData();
  return loaded.ok ? { ok: true, data: loaded.data, source } : { ok: false, source };
}

/** Every node's start (and a flow scalar's end) in js-yaml's tree equals the `yaml` node's range. */
function comparePositions(
  mine: SourceNode | undefined,
  theirs: Node | null | undefined,
  where: string,
): void {
  if (!mine || !theirs) {
    expect(mine?.kind === "scalar" && mine.value === null, where).toBe(
      !theirs || (isScalar(theirs) && theirs.value === null),
    );
    return;
  }
  const range = theirs.range ?? [0, 0, 0];
  if (mine.kind === "scalar" && mine.value === null && mine.start === mine.end) return; // empty: no text to place
  expect(mine.start, `${where} start`).toBe(range[0]);
  if (mine.kind === "scalar") {
    expect(isScalar(theirs), where).toBe(true);
    const block =
      (theirs as Scalar).type === Scalar.BLOCK_LITERAL || (theirs as Scalar).type === Scalar.BLOCK_FOLDED;
    if (!block) expect(mine.end, `${where} end`).toBe(range[1]);
  } else if (mine.kind === "seq") {
    expect(isSeq(theirs), where).toBe(true);
    if (isSeq(theirs))
      mine.items.forEach((item, i) => comparePositions(item, theirs.items[i] as Node, `${where}[${i}]`));
  } else {
    expect(isMap(theirs), where).toBe(true);
    if (isMap(theirs))
      mine.pairs.forEach((pair, i) => {
        const other = theirs.items[i];
        comparePositions(pair.key, other?.key as Node, `${where}.key${i}`);
        comparePositions(
          pair.value,
          other?.value as Node,
          `${where}.${String(pair.key.kind === "scalar" ? pair.key.value : i)}`,
        );
      });
  }
}

const files = fc.record({
  value: fc.dictionary(fc.constantFrom(...KEYS), value, { minKeys: 1, maxKeys: 5 }),
  styles: fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }),
});

describe("js-yaml (data file) and yaml (form, serialising) read every file the same way", () => {
  it("valid files: the same values and the same node positions", () => {
    fc.assert(
      fc.property(files, ({ value: v, styles }) => {
        const text = document(v, styles);
        const theirs = viaYaml(text);
        const mine = viaJsYaml(text);
        expect(mine.ok, text).toBe(theirs.ok);
        expect(mine.data, text).toEqual(theirs.data);
        if (mine.ok) comparePositions(mine.source.root, parseDocument(text).contents as Node, text);
      }),
      { numRuns: 500 },
    );
  });

  it("files with a hand-made mistake: what js-yaml accepts, yaml reads the same way", () => {
    fc.assert(
      fc.property(files, fc.nat(6), fc.nat(200), ({ value: v, styles }, kind, at) => {
        const text = mistake(document(v, styles), kind, at);
        const theirs = viaYaml(text);
        const mine = viaJsYaml(text);
        if (!mine.ok) return;
        expect(theirs.ok, text).toBe(true);
        expect(mine.data, text).toEqual(theirs.data);
      }),
      { numRuns: 1500 },
    );
  });

  // Not a round-trip test: yaml's stringify writes a whitespace-only summary (" \n") as a block that
  // reads back as "\n" in both parsers; the editor's re-parse check refuses such an edit.
  it("records written by yaml's stringify (intake, import) read back the same through js-yaml", () => {
    const record = fc.record({
      id: fc.constantFrom("shikra", "kosmos-1"),
      title: scalarText,
      url: fc.constantFrom("https://arxiv.org/abs/2306.15195", "https://example.org/a?b=c#d"),
      summary: fc.string({
        unit: fc.constantFrom("a", " ", "摘", "\n", "#", ":", "-", "'", '"', "|", "\t"),
        maxLength: 40,
      }),
      tags: fc.array(scalarText, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(record, (entry) => {
        const text = `entries:\n${stringifyEntry(entry as unknown as Entry)}`;
        const mine = viaJsYaml(text);
        expect(mine.ok, text).toBe(true);
        expect(mine.data, text).toEqual(viaYaml(text).data);
      }),
      { numRuns: 500 },
    );
  });

  it("a repeated key is an error both ways, and js-yaml's names the key and both lines", () => {
    const text = "id: a\ntitle: b\nid: c\n";
    expect(viaYaml(text).ok).toBe(false);
    const mine = new RecordSource("f.yaml", text).toData();
    expect(mine.ok ? undefined : [mine.message, mine.position.line, mine.position.column]).toEqual([
      'duplicate key "id" (first on line 1); a mapping may name each key once: keep one',
      3,
      1,
    ]);
  });

  it("aliases, anchors and tags: yaml reads them, the data file refuses them", () => {
    for (const text of ["a: &x 1\nb: *x\n", "a: !!str 1\n"]) {
      expect(viaYaml(text).ok, text).toBe(true);
      expect(viaJsYaml(text).ok, text).toBe(false);
    }
  });
});

/**
 * RecordSource reads a file with the quick reader (no node tree) and builds the tree only when asked: the
 * quick reader must never accept a file the full reader refuses or warns about, nor read it differently.
 */
describe("the quick reader (no positions) and the full reader (node tree) agree", () => {
  const full = (text: string) => loadYaml(text, () => 1);
  const agrees = (text: string) => {
    const quick = loadYamlQuick(text);
    if (!quick) return;
    const loaded = full(text);
    expect(loaded.ok, text).toBe(true);
    if (loaded.ok) {
      expect(loaded.warnings, text).toEqual([]);
      expect(quick.data, text).toEqual(loaded.data);
    }
  };

  it("valid files: read the same, and the quick reader takes them", () => {
    let taken = 0;
    fc.assert(
      fc.property(files, ({ value: v, styles }) => {
        const text = document(v, styles);
        agrees(text);
        if (loadYamlQuick(text)) taken++;
      }),
      { numRuns: 500 },
    );
    // Deferring every file would be correct and useless: nearly all valid files go the quick way.
    expect(taken).toBeGreaterThan(450);
  });

  it("files with a hand-made mistake: whatever the quick reader takes, the full reader takes the same", () => {
    fc.assert(
      fc.property(files, fc.nat(6), fc.nat(200), ({ value: v, styles }, kind, at) => {
        agrees(mistake(document(v, styles), kind, at));
      }),
      { numRuns: 1500 },
    );
  });

  it("what the full reader refuses, the quick reader leaves to it", () => {
    const refused = [
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: &x\n",
      "- [a: b]\n",
      "a: 'x'#c\n",
      "a:\n  b: 'one\n two'\n",
      "a:\n  -\n    -\n  - b\n",
      "id: a\nid: b\n",
      "a: [1, 2\n",
    ];
    for (const text of refused) {
      const loaded = full(text);
      const clean = loaded.ok && loaded.warnings.length === 0;
      expect(clean, text).toBe(false);
      expect(loadYamlQuick(text), text).toBeUndefined();
    }
  });

  it("the list's own data file and 1,000 synthetic records read the quick way, with the same data", () => {
    for (const text of [readFileSync("data/papers.yaml", "utf8"), makeSyntheticYaml(1000)]) {
      const quick = loadYamlQuick(text);
      expect(quick).toBeDefined();
      const loaded = full(text);
      expect(loaded.ok && loaded.data).toEqual(quick?.data);
    }
  });

  it("tells each entry as it is read: the items of the top-level entries list, in order, each once", () => {
    const toldOf = (text: string) => {
      const told: unknown[] = [];
      const quick = loadYamlQuick(text, (entry) => told.push(entry));
      return { told, data: quick?.data as { entries?: unknown } | undefined };
    };
    // The real list and synthetic records: exactly the entries the data holds (the same objects), and none
    // of the categories, which have ids too.
    for (const text of [readFileSync("data/papers.yaml", "utf8"), makeSyntheticYaml(300)]) {
      const { told, data } = toldOf(text);
      const entries = data?.entries as unknown[];
      expect(told).toHaveLength(entries.length);
      told.forEach((entry, i) => expect(entry).toBe(entries[i]));
      // parseRecords passes the listener on.
      const viaParse: unknown[] = [];
      const parsed = parseRecords(text, "f.yaml", { onEntry: (entry) => viaParse.push(entry) });
      expect(parsed.ok && parsed.data.entries).toEqual(viaParse);
    }
    const cases: [string, unknown[]][] = [
      // Items in flow style (js-yaml wraps them in a second node, one deeper); an item that is not a mapping
      // is no entry; a list under another key (or nested deeper) is not the entries.
      [
        "# c\ncategories:\n  - id: c1\n    children:\n      - id: c2\nentries:\n  - id: e1\n    repos:\n      - id: r\n  - {id: e2}\n  -\n    id: e3\n  - x\nafter:\n  - id: z\n",
        [{ id: "e1", repos: [{ id: "r" }] }, { id: "e2" }, { id: "e3" }],
      ],
      ["---\nentries:\n- id: a\n- id: b\n", [{ id: "a" }, { id: "b" }]],
      ["entries: [{id: a}, {id: b}]\n", [{ id: "a" }, { id: "b" }]],
      // Not a list: its values are not entries (the schema refuses the file later).
      ["entries:\n  a:\n    id: x\n", []],
      // A root in flow style tells nothing; the data is read all the same.
      ["{entries: [{id: e1}]}\n", []],
    ];
    for (const [text, expected] of cases) {
      const { told, data } = toldOf(text);
      expect(data, text).toBeDefined();
      expect(told, text).toEqual(expected);
    }
  });

  it("a RecordSource of a clean file builds its tree only when a position is asked for", () => {
    const source = new RecordSource("f.yaml", "entries:\n  - id: a\n    title: b\n");
    expect(source.document.ok).toBe(true);
    expect((source as unknown as { full?: unknown }).full).toBeUndefined();
    expect(source.position(["entries", 0, "title"])).toMatchObject({ line: 3, column: 12 });
    expect((source as unknown as { full?: unknown }).full).toBeDefined();
  });
});
