/**
 * The part of a list that failed the schema on which the rules can still run, so one broken record does not
 * hide every finding on the others (one pass: schema errors and rule findings come out together).
 *
 * A record keeps every field the schema accepted: an invalid optional field (a bad `date`, an unknown key,
 * a repository without a URL) is left out and the rules run on the rest. A record whose required fields are
 * broken or missing, or that is not a mapping, sits out: the rules read those fields. Rule findings come
 * back with the record's index in the file, so positions, `lint-ignore` and `--changed-since` work as usual.
 */
import {
  EntrySchema,
  flattenCategories,
  type Category,
  type Entry,
  type PapersFile,
  type PartialList,
} from "../records/index.js";
import type { Finding } from "./types.js";

const REQUIRED_ENTRY_FIELDS = new Set<string>(EntrySchema.required ?? []);

export interface SoundPart {
  /** The records the rules can read, in file order (broken ones left out). */
  data: PapersFile;
  /** Index in the file of the i-th entry of `data`. */
  fileIndex: readonly number[];
  /**
   * Categories (with their ancestors) that a left-out record names: "this category has no entries" would be
   * false there, so findings about them are dropped.
   */
  shadowed: ReadonlySet<string>;
  /**
   * File indexes of records the rules see without their invalid fields. A finding about such a record as a
   * whole ("has no date") would only restate its schema error, so it is dropped.
   */
  repaired: ReadonlySet<number>;
}

type Path = readonly (string | number)[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The rule-ready part of a list, or undefined when nothing is (no entries list, a broken category tree…). */
export function soundPart(partial: PartialList): SoundPart | undefined {
  const { data, errorPaths } = partial;
  if (!isObject(data) || !Array.isArray(data.categories) || !Array.isArray(data.entries)) return undefined;
  // The category tree frames every entry (sections, anchors); rules run only when it is whole.
  if (errorPaths.some((p) => p.length <= 1 || p[0] === "categories" || p[0] === "list")) return undefined;

  const byEntry = new Map<number, Path[]>();
  for (const path of errorPaths) {
    const index = path[1];
    if (path[0] !== "entries" || typeof index !== "number") return undefined;
    byEntry.set(index, [...(byEntry.get(index) ?? []), path]);
  }

  const categories = data.categories as Category[];
  const parentOf = new Map(flattenCategories(categories).map((c) => [c.category.id, c.parentId]));
  const entries: Entry[] = [];
  const fileIndex: number[] = [];
  const shadowed = new Set<string>();
  const repaired = new Set<number>();
  data.entries.forEach((raw: unknown, i) => {
    const errors = byEntry.get(i);
    const entry = errors ? repairEntry(raw, errors) : raw;
    if (entry !== undefined) {
      entries.push(entry as Entry);
      fileIndex.push(i);
      if (errors) repaired.add(i);
      return;
    }
    let category = isObject(raw) && typeof raw.category === "string" ? raw.category : undefined;
    while (category !== undefined && !shadowed.has(category)) {
      shadowed.add(category);
      category = parentOf.get(category);
    }
  });
  return { data: { ...(data as unknown as PapersFile), categories, entries }, fileIndex, shadowed, repaired };
}

/**
 * True when a finding (addressed to the file) would be wrong or repeat a schema error because records were
 * left out or cut down: "category has no entries" where a left-out record belongs, "record has no date"
 * where its date was invalid.
 */
export function isShadowed(part: SoundPart, finding: Finding): boolean {
  const [head, index] = finding.path;
  if (head === "entries")
    return finding.path.length === 2 && typeof index === "number" && part.repaired.has(index);
  if (head !== "categories" || part.shadowed.size === 0) return false;
  let node: unknown = part.data;
  let id: string | undefined;
  finding.path.forEach((segment, i) => {
    node =
      isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[segment] : undefined;
    const container = finding.path[i - 1];
    if (
      typeof segment === "number" &&
      (container === "categories" || container === "children") &&
      isObject(node)
    )
      id = typeof node.id === "string" ? node.id : id;
  });
  return id !== undefined && part.shadowed.has(id);
}

/** The entry without its invalid optional fields, or undefined when a required one is at fault. */
function repairEntry(raw: unknown, errors: readonly Path[]): unknown {
  if (!isObject(raw)) return undefined;
  const repaired: Record<string, unknown> = { ...raw };
  for (const path of errors) {
    const field = path[2];
    if (typeof field !== "string" || REQUIRED_ENTRY_FIELDS.has(field)) return undefined;
    delete repaired[field];
  }
  return repaired;
}

/** A finding about `part.data` re-addressed to the file: entry indexes become the file's. */
export function toFileFinding(part: SoundPart, finding: Finding): Finding {
  const at = (i: number) => part.fileIndex[i] ?? i;
  const [head, index, ...rest] = finding.path;
  const path = head === "entries" && typeof index === "number" ? [head, at(index), ...rest] : finding.path;
  return {
    ...finding,
    path,
    ...(finding.relatedEntries ? { relatedEntries: finding.relatedEntries.map(at) } : {}),
  };
}
