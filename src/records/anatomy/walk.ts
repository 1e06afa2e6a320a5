/**
 * The walkers over a record, driven by the anatomy: every URL field, every Markdown field (whose links
 * are URLs too) and every one-line text with its limit. Lint's rules, link extraction, `fix` and the
 * intake's link check all read a list through these, so a new field is visited everywhere at once.
 */
import type { PathSegment } from "../source.js";
import { flattenCategories } from "../validate.js";
import { ENTRY_ANATOMY } from "./entry.js";
import type { Anatomy, LabelledUrlItem } from "./field.js";

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

/** Every URL an entry holds in a field, in anatomy order (Markdown links are found by `entryMarkdown`). */
export function entryUrls(entry: object, index: number, anatomy: Anatomy = ENTRY_ANATOMY): UrlFieldRef[] {
  const record = entry as AnyRecord;
  const base: PathSegment[] = ["entries", index];
  const out: UrlFieldRef[] = [];
  for (const [key, spec] of Object.entries(anatomy)) {
    const value = record[key];
    if (spec.role === "url") {
      const url = asText(value);
      if (url !== undefined) out.push({ path: [...base, key], value: url, name: key, role: "url" });
    } else if (spec.role === "labelled-urls" && spec.item) {
      const role = spec.item;
      asItems(value).forEach((item, i) => {
        const url = asText(asObject(item).url);
        if (url !== undefined)
          out.push({ path: [...base, key, i, "url"], value: url, name: `${key}[${i}].url`, role });
      });
    }
  }
  return out;
}

/** One-line texts of an entry: line fields, names, tags, and the labels and alt texts of its URL lists. */
export function entryShortTexts(entry: object, index: number, anatomy: Anatomy = ENTRY_ANATOMY): FieldRef[] {
  const record = entry as AnyRecord;
  const base: PathSegment[] = ["entries", index];
  const out: FieldRef[] = [];
  for (const [key, spec] of Object.entries(anatomy)) {
    const limit = spec.maxChars === undefined ? {} : { limit: spec.maxChars };
    const value = record[key];
    if (spec.role === "line") {
      const text = asText(value);
      if (text !== undefined) out.push({ path: [...base, key], value: text, name: key, ...limit });
    } else if (spec.role === "names" || spec.role === "tags") {
      asItems(value).forEach((item, i) => {
        const text = asText(item);
        if (text !== undefined)
          out.push({ path: [...base, key, i], value: text, name: `${key}[${i}]`, ...limit });
      });
    } else if (spec.role === "labelled-urls" && spec.item) {
      const labelKey = LABEL_KEY[spec.item];
      asItems(value).forEach((item, i) => {
        const text = asText(asObject(item)[labelKey]);
        if (text !== undefined)
          out.push({
            path: [...base, key, i, labelKey],
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
  const record = entry as AnyRecord;
  const out: FieldRef[] = [];
  for (const [key, spec] of Object.entries(anatomy)) {
    if (spec.role !== "markdown") continue;
    const text = asText(record[key]);
    if (text !== undefined)
      out.push({
        path: ["entries", index, key],
        value: text,
        name: key,
        ...(spec.maxChars === undefined ? {} : { limit: spec.maxChars }),
      });
  }
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
  data.entries.forEach((entry, entryIndex) => {
    const entryId = asText((entry as AnyRecord).id) ?? "";
    for (const f of entryUrls(entry, entryIndex, anatomy))
      sites.push({ kind: "field", entryIndex, entryId, ...f });
    for (const f of entryMarkdown(entry, entryIndex, anatomy))
      sites.push({ kind: "markdown", entryIndex, entryId, ...f });
  });
  return sites;
}
