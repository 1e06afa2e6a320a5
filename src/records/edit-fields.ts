/**
 * Field edits inside records that keep every other byte: `enrich` adds the values arXiv knows and a record
 * lacks, `fix` keeps each replaced link in `previous-urls`. A new key goes where the schema orders it (before
 * the first later key the record has), so a filled record reads like a hand-written one. All additions are
 * planned on one parse and verified on one re-parse: 53 records × 7 fields is one edit, not 371.
 */
import { stringifyYaml as stringify } from "./yaml-stringify.js";
import {
  afterLine,
  editFailure,
  lineStart,
  loadForEdit,
  verifyEdit,
  withLineBreaksOf,
  type EditResult,
} from "./edit.js";
import { EntrySchema, type Entry, type PapersFile } from "./schema.js";
import type { MapNode } from "./source.js";

type Pair = MapNode["pairs"][number];

export interface FieldAddition {
  entryIndex: number;
  key: string;
  /** "set": the key must be absent. "append": add one item to a list, creating it when absent. */
  mode: "set" | "append";
  value: unknown;
}

const KEY_RANK = new Map(Object.keys(EntrySchema.properties).map((key, i) => [key, i]));
const rank = (key: string) => KEY_RANK.get(key) ?? Number.MAX_SAFE_INTEGER;

interface Splice {
  at: number;
  /** Order among splices at the same offset: schema rank, so two new keys land in schema order. */
  order: number;
  text: string;
}

function keyOf(pair: Pair): string {
  return pair.key.kind === "scalar" ? String(pair.key.value) : "";
}

/** `key: value` as block YAML, each line indented by `indent` spaces; long lines never folded. */
function yamlField(key: string, value: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  const text = stringify({ [key]: value }, { lineWidth: 0, blockQuote: "literal", indent: 2 });
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

/** The existing key a new `key` goes before (the first with a later schema rank), or undefined: the end. */
function anchorOf(map: MapNode, key: string): Pair | undefined {
  return map.pairs.find((p) => rank(keyOf(p)) > rank(key));
}

/** The entry with its new keys in the order the edited text will hold them (verify compares key order). */
function expectedEntry(entry: Entry, keys: readonly string[], added: Map<string, unknown>): Entry {
  const out: Record<string, unknown> = {};
  const pending = [...added.keys()].sort((a, b) => rank(a) - rank(b));
  for (const key of keys) {
    while (pending.length > 0 && rank(pending[0] as string) < rank(key)) {
      const next = pending.shift() as string;
      out[next] = added.get(next);
    }
    out[key] = (entry as Record<string, unknown>)[key];
  }
  for (const key of pending) out[key] = added.get(key);
  return out as Entry;
}

/**
 * Adds fields to records, or items to their lists, without changing any other byte. Refused (nothing
 * changes) when a "set" key already exists, a record or list is written in flow style, or the result would
 * read back as anything but the intended change.
 */
export function addEntryFields(
  text: string,
  additions: readonly FieldAddition[],
  file = "data/papers.yaml",
): EditResult {
  const loaded = loadForEdit(text, file);
  if ("ok" in loaded) return loaded;
  const { source, data } = loaded;
  const splices: Splice[] = [];
  const newKeys = new Map<number, Map<string, unknown>>();
  const appended = new Map<number, Map<string, unknown[]>>();
  for (const add of additions) {
    const map = source.nodeAt(["entries", add.entryIndex]);
    const entry = data.entries[add.entryIndex];
    if (map?.kind !== "map" || map.flow || map.pairs.length === 0 || !entry)
      return editFailure(file, `no block record at entry ${add.entryIndex}`);
    const pair = map.pairs.find((p) => keyOf(p) === add.key);
    if (pair && add.mode === "set")
      return editFailure(file, `entry "${entry.id}" already has ${add.key}: not overwritten`);
    if (pair) {
      const seq = pair.value;
      if (seq.kind !== "seq" || seq.flow || seq.items.length === 0)
        return editFailure(file, `entry "${entry.id}": ${add.key} is not a block list`);
      const itemStart = seq.items[0]?.start ?? seq.start;
      const dash = text.lastIndexOf("-", itemStart);
      const itemIndent = dash - lineStart(text, dash);
      const item = stringify([add.value], { lineWidth: 0, blockQuote: "literal", indent: 2 });
      const padded = item
        .split("\n")
        .map((line) => (line === "" ? line : " ".repeat(itemIndent) + line))
        .join("\n");
      splices.push({
        at: afterLine(text, seq.end),
        order: rank(add.key),
        text: withLineBreaksOf(text, padded),
      });
      const lists = appended.get(add.entryIndex) ?? new Map<string, unknown[]>();
      lists.set(add.key, [...(lists.get(add.key) ?? []), add.value]);
      appended.set(add.entryIndex, lists);
      continue;
    }
    const keys = newKeys.get(add.entryIndex) ?? new Map<string, unknown>();
    const earlier = keys.get(add.key);
    if (add.mode === "append" && Array.isArray(earlier)) earlier.push(add.value);
    else if (keys.has(add.key)) return editFailure(file, `entry "${entry.id}": ${add.key} added twice`);
    else keys.set(add.key, add.mode === "append" ? [add.value] : add.value);
    newKeys.set(add.entryIndex, keys);
  }
  for (const [entryIndex, keys] of newKeys) {
    const map = source.nodeAt(["entries", entryIndex]) as MapNode;
    const entryId = data.entries[entryIndex]?.id ?? String(entryIndex);
    const keyStart = map.pairs[0]?.key.start ?? 0;
    const indent = keyStart - lineStart(text, keyStart);
    for (const [key, value] of keys) {
      const anchor = anchorOf(map, key);
      // The record's first key shares the "- " line: a key placed before it would need the dash moved.
      if (anchor && anchor === map.pairs[0])
        return editFailure(file, `entry "${entryId}": ${key} cannot go before its first key`);
      const last = map.pairs[map.pairs.length - 1];
      const lastEnd = last ? Math.max(last.key.end, last.value.end) : text.length;
      const at = anchor ? lineStart(text, anchor.key.start) : afterLine(text, lastEnd);
      const prefix = at === text.length && !text.endsWith("\n") ? "\n" : "";
      splices.push({
        at,
        order: rank(key),
        text: withLineBreaksOf(text, prefix + yamlField(key, value, indent)),
      });
    }
  }
  splices.sort((a, b) => b.at - a.at || b.order - a.order);
  let next = text;
  for (const s of splices) next = next.slice(0, s.at) + s.text + next.slice(s.at);
  return verifyEdit(data, next, file, (d: PapersFile) => {
    d.entries = d.entries.map((entry, i) => {
      const lists = appended.get(i);
      let out = entry;
      if (lists) {
        const copy = { ...out } as Record<string, unknown>;
        for (const [key, items] of lists) copy[key] = [...(copy[key] as unknown[]), ...items];
        out = copy as Entry;
      }
      const keys = newKeys.get(i);
      return keys ? expectedEntry(out, Object.keys(out), keys) : out;
    });
    return d;
  });
}
