/**
 * Helpers rules share to visit the text and URL fields of a list with their data paths, so that each rule
 * stays a few lines of "what is wrong" and the engine places findings at the exact YAML node.
 */
import type { Entry, PapersFile } from "../records/schema.js";
import type { PathSegment } from "../records/source.js";
import { flattenCategories } from "../records/validate.js";
import { parseUrl } from "./normalize.js";

export interface FieldRef {
  path: PathSegment[];
  value: string;
  /** The field's name for messages: "title", "repos[1].url", "category title". */
  name: string;
}

/** Entry fields holding Markdown (rendered into the README). */
export const MARKDOWN_FIELDS = ["extra", "summary", "note", "aside"] as const;

/** Every URL an entry holds in a field (Markdown links inside text are found by the Markdown rule). */
export function entryUrls(
  entry: Entry,
  index: number,
): (FieldRef & { role: "main" | "repo" | "link" | "image" })[] {
  const base: PathSegment[] = ["entries", index];
  const out: (FieldRef & { role: "main" | "repo" | "link" | "image" })[] = [
    { path: [...base, "url"], value: entry.url, name: "url", role: "main" },
  ];
  entry.repos?.forEach((r, i) =>
    out.push({ path: [...base, "repos", i, "url"], value: r.url, name: `repos[${i}].url`, role: "repo" }),
  );
  entry.links?.forEach((l, i) =>
    out.push({ path: [...base, "links", i, "url"], value: l.url, name: `links[${i}].url`, role: "link" }),
  );
  entry.images?.forEach((m, i) =>
    out.push({ path: [...base, "images", i, "url"], value: m.url, name: `images[${i}].url`, role: "image" }),
  );
  return out;
}

/** One-line text fields: titles, labels, venue, alt texts, tags. */
export function entryShortTexts(entry: Entry, index: number): FieldRef[] {
  const base: PathSegment[] = ["entries", index];
  const out: FieldRef[] = [{ path: [...base, "title"], value: entry.title, name: "title" }];
  if (entry.venue !== undefined) out.push({ path: [...base, "venue"], value: entry.venue, name: "venue" });
  entry.repos?.forEach((r, i) => {
    if (r.label !== undefined)
      out.push({ path: [...base, "repos", i, "label"], value: r.label, name: `repos[${i}].label` });
  });
  entry.links?.forEach((l, i) =>
    out.push({ path: [...base, "links", i, "label"], value: l.label, name: `links[${i}].label` }),
  );
  entry.images?.forEach((m, i) => {
    if (m.alt !== undefined)
      out.push({ path: [...base, "images", i, "alt"], value: m.alt, name: `images[${i}].alt` });
  });
  entry.tags?.forEach((t, i) => out.push({ path: [...base, "tags", i], value: t, name: `tags[${i}]` }));
  return out;
}

/** Markdown fields of an entry that are present. */
export function entryMarkdown(entry: Entry, index: number): FieldRef[] {
  const out: FieldRef[] = [];
  for (const field of MARKDOWN_FIELDS) {
    const value = entry[field];
    if (value !== undefined) out.push({ path: ["entries", index, field], value, name: field });
  }
  return out;
}

/** Category titles and intros, and the list's title and intro. */
export function listTexts(data: PapersFile): { short: FieldRef[]; markdown: FieldRef[] } {
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

/** Shortens user text quoted in a message so one finding stays one readable line. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ");
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** A URL written inside Markdown text, with its offsets in the text. */
export interface TextUrl {
  url: string;
  range: [number, number];
  image: boolean;
}

/** Link and image destinations `[x](url)`, `![x](url)`, autolinks `<scheme:…>` and bare http(s) URLs. */
export function markdownUrls(text: string): TextUrl[] {
  const out: TextUrl[] = [];
  // Most 摘要 hold no link at all; three regex scans of 10,000 of them are worth skipping.
  if (!text.includes("](") && !text.includes("<") && !/https?:/i.test(text)) return out;
  const seen = new Set<number>();
  const add = (url: string, start: number, image: boolean) => {
    if (seen.has(start)) return;
    seen.add(start);
    out.push({ url, range: [start, start + url.length], image });
  };
  for (const m of text.matchAll(/(!?)\[[^\]\n[]*\]\(\s*<?([^\s)>]+)/g)) {
    const url = m[2] ?? "";
    add(url, (m.index ?? 0) + m[0].length - url.length, m[1] === "!");
  }
  for (const m of text.matchAll(/<([a-z][a-z0-9+.-]{1,31}:[^\s<>]+)>/gi))
    add(m[1] ?? "", (m.index ?? 0) + 1, false);
  for (const m of text.matchAll(/(?<![(<\w])https?:\/\/[^\s<>()\]]+[^\s<>()\].,;:!?。，；：]/gi))
    add(m[0], m.index ?? 0, false);
  return out;
}

/** A URL anywhere in the list: a URL field, or a link or image inside Markdown text. */
export interface UrlRef {
  url: string;
  /** The URL parsed once for all URL rules; undefined when it does not parse. */
  parsed: URL | undefined;
  path: PathSegment[];
  /** Offsets inside a Markdown field; absent for URL fields. */
  range?: [number, number];
  image: boolean;
  /** "url", "repos[0].url", "a link in summary". */
  name: string;
}

const urlCache = new WeakMap<PapersFile, UrlRef[]>();

/** Every URL of the list, in file order per entry; computed once per list and shared by the URL rules. */
export function allUrls(data: PapersFile): UrlRef[] {
  const cached = urlCache.get(data);
  if (cached) return cached;
  const out: UrlRef[] = [];
  const fromText = (field: FieldRef) => {
    for (const u of markdownUrls(field.value))
      out.push({
        url: u.url,
        parsed: parseUrl(u.url),
        path: field.path,
        range: u.range,
        image: u.image,
        name: `${u.image ? "an image" : "a link"} in ${field.name}`,
      });
  };
  const list = listTexts(data);
  list.markdown.forEach(fromText);
  data.entries.forEach((entry, i) => {
    for (const f of entryUrls(entry, i))
      out.push({
        url: f.value,
        parsed: parseUrl(f.value),
        path: f.path,
        image: f.role === "image",
        name: f.name,
      });
    entryMarkdown(entry, i).forEach(fromText);
  });
  urlCache.set(data, out);
  return out;
}
