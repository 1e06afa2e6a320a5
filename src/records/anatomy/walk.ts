/**
 * The walkers over a record, driven by the anatomy: every URL field, every Markdown field (whose links
 * are URLs too) and every one-line text with its limit. Lint's rules, link extraction, `fix` and the
 * intake's link check all read a list through these, so a new field is visited everywhere at once.
 */
import type { PathSegment } from "../source.js";
import { flattenCategories } from "../validate.js";
import { ENTRY_ANATOMY } from "./entry.js";
import type { Anatomy, FieldSpec, LabelledUrlItem } from "./field.js";

/** What a URL field is: a `url` field (the entry's main link or another), a repository, a link or an image. */
export type UrlRole = "url" | LabelledUrlItem;

/** A field (or list item) of a record, with its data path and the name messages use. */
export interface FieldRef {
  path: PathSegment[];
  value: string;
  /** The field's name for messages: "title", "repos[1].url", "category title". */
  name: string;
  /** Most characters before lint warns, from the anatomy; absent when the field has no limit. */
  limit?: number;
}

/** A URL that is a whole field value (the entry's url, a repository, a link, an image). */
export interface UrlFieldRef extends FieldRef {
  role: UrlRole;
}

/** The shape every record has, whatever its anatomy: values looked up by key. */
type AnyRecord = Readonly<Record<string, unknown>>;

const asText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const asItems = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): AnyRecord =>
  value !== null && typeof value === "object" ? (value as AnyRecord) : {};

/** The text key of a labelled-URL item: images have alt text, repositories and links a label. */
const LABEL_KEY: Readonly<Record<LabelledUrlItem, string>> = { repo: "label", link: "label", image: "alt" };

/**
 * The anatomy's fields by role, worked out once per anatomy: the walkers run over 10,000 entries, and
 * `Object.entries(anatomy)` per entry and walker was most of the garbage a walk made (8 KB per entry).
 */
interface AnatomyPlan {
  /** Every field in anatomy order, for the walkers that look at several roles at once. */
  fields: readonly (readonly [string, FieldSpec])[];
  /** The URL fields (`url`, labelled URL lists), in anatomy order. */
  urls: readonly (readonly [string, FieldSpec])[];
  /** The Markdown fields, in anatomy order. */
  markdown: readonly (readonly [string, FieldSpec])[];
}

const plans = new WeakMap<Anatomy, AnatomyPlan>();

function planOf(anatomy: Anatomy): AnatomyPlan {
  let plan = plans.get(anatomy);
  if (!plan) {
    const fields = Object.entries(anatomy);
    plan = {
      fields,
      urls: fields.filter(([, spec]) => spec.role === "url" || (spec.role === "labelled-urls" && spec.item)),
      markdown: fields.filter(([, spec]) => spec.role === "markdown"),
    };
    plans.set(anatomy, plan);
  }
  return plan;
}

/**
 * Calls `visit` with every URL field of an entry, in anatomy order; the walkers build their own objects from
 * it, so a walk over a list makes one object per URL rather than one per walker layer. Index loops: this
 * runs for every field of every entry, and an iterator per loop was garbage too.
 */
export function visitEntryUrls(
  entry: object,
  index: number,
  anatomy: Anatomy,
  visit: (path: PathSegment[], value: string, role: UrlRole, key: string, item?: number) => void,
): void {
  const record = entry as AnyRecord;
  const fields = planOf(anatomy).urls;
  for (let f = 0; f < fields.length; f++) {
    const [key, spec] = fields[f] as readonly [string, FieldSpec];
    if (spec.role === "url" || spec.item === undefined) {
      const url = asText(record[key]);
      if (url !== undefined) visit(["entries", index, key], url, "url", key);
      continue;
    }
    const role = spec.item;
    const items = asItems(record[key]);
    for (let i = 0; i < items.length; i++) {
      const url = asText(asObject(items[i]).url);
      if (url !== undefined) visit(["entries", index, key, i, "url"], url, role, key, i);
    }
  }
}

/** The name messages use for a URL field: "url", "repos[1].url". */
const urlFieldName = (key: string, item?: number): string =>
  item === undefined ? key : `${key}[${item}].url`;

/** Calls `visit` with every Markdown field of an entry that is present, in anatomy order. */
export function visitEntryMarkdown(
  entry: object,
  index: number,
  anatomy: Anatomy,
  visit: (path: PathSegment[], value: string, name: string, limit: number | undefined) => void,
): void {
  const record = entry as AnyRecord;
  const fields = planOf(anatomy).markdown;
  for (let f = 0; f < fields.length; f++) {
    const [key, spec] = fields[f] as readonly [string, FieldSpec];
    const text = asText(record[key]);
    if (text !== undefined) visit(["entries", index, key], text, key, spec.maxChars);
  }
}

/** Every URL an entry holds in a field, in anatomy order (Markdown links are found by `entryMarkdown`). */
export function entryUrls(entry: object, index: number, anatomy: Anatomy = ENTRY_ANATOMY): UrlFieldRef[] {
  const out: UrlFieldRef[] = [];
  visitEntryUrls(entry, index, anatomy, (path, value, role, key, item) =>
    out.push({ path, value, name: urlFieldName(key, item), role }),
  );
  return out;
}

/** One-line texts of an entry: line fields, names, tags, and the labels and alt texts of its URL lists. */
export function entryShortTexts(entry: object, index: number, anatomy: Anatomy = ENTRY_ANATOMY): FieldRef[] {
  const record = entry as AnyRecord;
  const out: FieldRef[] = [];
  for (const [key, spec] of planOf(anatomy).fields) {
    const limit = spec.maxChars === undefined ? {} : { limit: spec.maxChars };
    const value = record[key];
    if (spec.role === "line") {
      const text = asText(value);
      if (text !== undefined) out.push({ path: ["entries", index, key], value: text, name: key, ...limit });
    } else if (spec.role === "names" || spec.role === "tags") {
      asItems(value).forEach((item, i) => {
        const text = asText(item);
        if (text !== undefined)
          out.push({ path: ["entries", index, key, i], value: text, name: `${key}[${i}]`, ...limit });
      });
    } else if (spec.role === "labelled-urls" && spec.item) {
      const labelKey = LABEL_KEY[spec.item];
      asItems(value).forEach((item, i) => {
        const text = asText(asObject(item)[labelKey]);
        if (text !== undefined)
          out.push({
            path: ["entries", index, key, i, labelKey],
            value: text,
            name: `${key}[${i}].${labelKey}`,
            ...limit,
          });
      });
    }
  }
  return out;
}

/** The Markdown fields of an entry that are present, in anatomy order. */
export function entryMarkdown(entry: object, index: number, anatomy: Anatomy = ENTRY_ANATOMY): FieldRef[] {
  const out: FieldRef[] = [];
  visitEntryMarkdown(entry, index, anatomy, (path, value, name, limit) =>
    out.push(limit === undefined ? { path, value, name } : { path, value, name, limit }),
  );
  return out;
}

/** The data a list walker needs: the list's own texts, its category tree, its entries. */
export interface WalkedList {
  list?: { title?: string; intro?: string };
  categories: Parameters<typeof flattenCategories>[0];
  entries: readonly object[];
}

/** Category titles and intros, and the list's title and intro. */
export function listTexts(data: WalkedList): { short: FieldRef[]; markdown: FieldRef[] } {
  const short: FieldRef[] = [];
  const markdown: FieldRef[] = [];
  if (data.list?.title !== undefined)
    short.push({ path: ["list", "title"], value: data.list.title, name: "list title" });
  if (data.list?.intro !== undefined)
    markdown.push({ path: ["list", "intro"], value: data.list.intro, name: "list intro" });
  for (const { category, path } of flattenCategories(data.categories)) {
    short.push({
      path: [...path, "title"],
      value: category.title,
      name: `title of category "${category.id}"`,
    });
    if (category.intro !== undefined)
      markdown.push({
        path: [...path, "intro"],
        value: category.intro,
        name: `intro of category "${category.id}"`,
      });
  }
  return { short, markdown };
}

/** Where a record holds URLs: a whole-value URL field, or a Markdown text whose links are URLs. */
export type UrlSite =
  | ({ kind: "field"; entryIndex: number; entryId: string } & UrlFieldRef)
  | ({ kind: "markdown"; entryIndex?: number; entryId?: string } & FieldRef);

/**
 * The one URL walker over a list: the list intro and category intros, then per entry its URL fields and
 * its Markdown fields, in file order. Each reader finds the links inside Markdown its own way.
 */
export function walkRecordUrls(data: WalkedList, anatomy: Anatomy = ENTRY_ANATOMY): UrlSite[] {
  const sites: UrlSite[] = listTexts(data).markdown.map((f) => ({ kind: "markdown", ...f }));
  const entries = data.entries;
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex] as object;
    const entryId = asText((entry as AnyRecord).id) ?? "";
    visitEntryUrls(entry, entryIndex, anatomy, (path, value, role, key, item) =>
      sites.push({ kind: "field", entryIndex, entryId, path, value, name: urlFieldName(key, item), role }),
    );
    visitEntryMarkdown(entry, entryIndex, anatomy, (path, value, name, limit) =>
      sites.push(
        limit === undefined
          ? { kind: "markdown", entryIndex, entryId, path, value, name }
          : { kind: "markdown", entryIndex, entryId, path, value, name, limit },
      ),
    );
  }
  return sites;
}
