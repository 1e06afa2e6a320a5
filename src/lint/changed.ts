/**
 * Which entries a change touched, for `lint --changed-since <ref>`: the edge reads the old file with
 * `git show`; these pure functions compare entries by id and content.
 */
import { compareCodePoints, type Entry, loadYamlValue } from "../records/index.js";

/** The entries of an old version of the file, as plain data; undefined when it does not parse or load. */
export function entriesOfText(text: string): unknown[] | undefined {
  const plain = loadYamlValue(text, true);
  if (!plain.ok) return undefined;
  const entries = (plain.data as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? entries : undefined;
}

/**
 * Ids of entries in `after` that are new or differ from the entry with the same id in `before` (key order
 * and position in the file do not count: moving an entry is not changing it). `before` undefined (no old
 * file, or one that did not parse) means every entry is new.
 */
export function changedEntryIds(
  before: readonly unknown[] | undefined,
  after: readonly Entry[],
): Set<string> {
  const old = new Map<string, string>();
  for (const entry of before ?? []) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === "string") old.set(id, stableJson(entry));
  }
  const changed = new Set<string>();
  for (const entry of after) {
    if (old.get(entry.id) !== stableJson(entry)) changed.add(entry.id);
  }
  return changed;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareCodePoints(a, b)),
        )
      : v,
  );
}
