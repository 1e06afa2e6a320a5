/**
 * What `papershelf init` asks: the list's name, its languages and its first categories. The edge gets them
 * from flags or a terminal; these pure functions turn the typed text into checked values (or say what is wrong).
 */
import { ID_PATTERN, type LabelLanguage, oneLine } from "../records/index.js";
import { slugify } from "../intake/index.js";

/** The languages papershelf has words for: its form labels, README text and the summary's heading. */
export const LANGUAGES: readonly LabelLanguage[] = ["en", "zh-TW"];
export type Language = LabelLanguage;

export interface InitCategory {
  id: string;
  title: string;
}

export interface InitAnswers {
  /** The list's name: the README's title. */
  name: string;
  /** Labels in several languages are joined ("標題 / Title"), in this order. */
  languages: Language[];
  /** Top-level categories in display order; the example record goes into the first. */
  categories: InitCategory[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const DEFAULT_LANGUAGES: readonly Language[] = ["en"];
export const DEFAULT_CATEGORIES = "Papers, Datasets";

const LANGUAGE_NAMES: Record<string, Language> = {
  en: "en",
  english: "en",
  "zh-tw": "zh-TW",
  zh: "zh-TW",
  "zh-hant": "zh-TW",
  中文: "zh-TW",
  繁體中文: "zh-TW",
};

/** "en, zh-TW" → ["en", "zh-TW"]; an unknown language is an error that names the known ones. */
export function parseLanguages(text: string): Parsed<Language[]> {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0)
    return { ok: false, message: `name at least one language (${LANGUAGES.join(", ")})` };
  const out: Language[] = [];
  for (const word of words) {
    const language = LANGUAGE_NAMES[word.toLowerCase()];
    if (language === undefined)
      return {
        ok: false,
        message: `unknown language "${word}"; papershelf has words for ${LANGUAGES.join(", ")}`,
      };
    if (!out.includes(language)) out.push(language);
  }
  return { ok: true, value: out };
}

/**
 * "Language models, Vision" → two categories with kebab-case ids. A title without Latin letters or digits
 * ("影像模型") gets "category-<n>"; a repeated id gets "-2", "-3" so every id stays unique.
 */
export function parseCategories(text: string): Parsed<InitCategory[]> {
  const titles = text
    .split(/[,\n，]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (titles.length === 0) return { ok: false, message: "name at least one category" };
  // Two categories with one title read the same in the README, the site and the form's menu.
  const twice = titles.find((title, i) => titles.indexOf(title) !== i);
  if (twice !== undefined)
    return { ok: false, message: `"${twice}" is named twice; give each category once` };
  const ids = new Set<string>();
  const out: InitCategory[] = [];
  for (const [index, title] of titles.entries()) {
    let base = slugify(title).slice(0, 60);
    while (base.endsWith("-")) base = base.slice(0, -1); // the cut may end on a dash
    if (base === "") base = `category-${index + 1}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    if (!new RegExp(ID_PATTERN).test(id)) return { ok: false, message: `cannot make an id from "${title}"` };
    ids.add(id);
    out.push({ id, title });
  }
  return { ok: true, value: out };
}

/** A name fit for a README heading: one line, not empty. */
export function parseName(text: string): Parsed<string> {
  const name = oneLine(text);
  return name === "" ? { ok: false, message: "the list needs a name" } : { ok: true, value: name };
}
