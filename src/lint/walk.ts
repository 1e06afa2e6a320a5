/**
 * Helpers rules share to visit the text and URL fields of a list with their data paths, so that each rule
 * stays a few lines of "what is wrong" and the engine places findings at the exact YAML node. Which fields
 * hold what comes from the record anatomy (records/anatomy/walk.ts), never from a list kept here.
 */
import {
  collapseWhitespace,
  shorten,
  type FieldRef,
  type PapersFile,
  type PathSegment,
  walkRecordUrls,
} from "../records/index.js";
import { parseUrl } from "./normalize.js";

export { entryMarkdown, entryShortTexts, entryUrls, listTexts, type FieldRef } from "../records/index.js";

/** Shortens user text quoted in a message so one finding stays one readable line. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(shorten(collapseWhitespace(text), max));
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
  for (const site of walkRecordUrls(data)) {
    if (site.kind === "markdown") fromText(site);
    else
      out.push({
        url: site.value,
        parsed: parseUrl(site.value),
        path: site.path,
        image: site.role === "image",
        name: site.name,
      });
  }
  urlCache.set(data, out);
  return out;
}
