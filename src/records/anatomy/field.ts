/**
 * What the anatomy says about one record field: its role, its schema, its limits, its issue-form field and
 * its bilingual label. Every reader (schema, JSON Schema, issue form, intake, lint walkers, link extraction,
 * README view model, a site) reads these declarations instead of spelling the fields out again.
 */
import type { TSchema } from "@sinclair/typebox";

/**
 * The roles a field can play. The role decides how each reader treats the value:
 * - `id`: stable kebab-case id; shown raw.
 * - `line`: one line of plain text; the intake collapses whitespace, the README escapes it.
 * - `markdown`: Markdown text; the intake bounds its nesting, the README sanitises it, its links are checked.
 * - `url`: one http(s) URL; checked by `check`, escaped for links.
 * - `enum`: one of a closed set of values (`values`); a dropdown in the form.
 * - `category`: the id of a category of the list; the form's dropdown options come from the category tree.
 * - `date`: YYYY, YYYY-MM or YYYY-MM-DD; the intake reads many spellings.
 * - `arxiv`, `doi`: identifiers with their own link.
 * - `labelled-urls`: a list of `{url, label|alt, …}` (repositories, links, images); `item` says which.
 * - `names`: a list of one-line names (authors); the README shortens it after 3 with "et al.".
 * - `tags`: a list of one-line keywords.
 * - `ignores`: the lint-ignore map (rule id → reason); never shown.
 * - `history`: a list of URLs the record used to point to (`fix` keeps each replaced link); never shown,
 *   never checked: they are old on purpose.
 */
export type FieldRole =
  | "id"
  | "line"
  | "markdown"
  | "url"
  | "enum"
  | "category"
  | "date"
  | "arxiv"
  | "doi"
  | "labelled-urls"
  | "names"
  | "tags"
  | "ignores"
  | "history";

/** The item of a `labelled-urls` field: which URL role link checks and lint rules see. */
export type LabelledUrlItem = "repo" | "link" | "image";

/** A label in both languages papershelf has words for: 中文 (zh-TW) and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The languages a list's generated labels can be in, as `.papershelf.yml` and `papershelf init` name them. */
export const LABEL_LANGUAGES = ["zh-TW", "en"] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

/** papershelf's own list (and any list whose config names none): 中文 first, then English. */
export const DEFAULT_LABEL_LANGUAGES: readonly LabelLanguage[] = ["zh-TW", "en"];

/** The issue-form field a record field is asked through. */
export interface FormSpec {
  /** The answer's id in the form; the record key when absent ("image" asks for one item of `images`). */
  id?: string;
  /** Position in the form: fields are sorted by it (leave gaps so a new field slots in between). */
  order: number;
  type: "input" | "textarea" | "dropdown";
  required: boolean;
  description: Bilingual;
  /** An example answer: one text, or one per language where the example is in words (the form shows the first language's). */
  placeholder?: string | Bilingual;
  /**
   * Dropdown options, for a field whose options are not generated (the category's are). For an `enum` field
   * each option's `en` is its value: the form always keeps that word, since the intake reads the answer by it.
   */
  options?: readonly Bilingual[];
  /** Index of the option selected by default. */
  default?: number;
}

export interface FieldSpec<S extends TSchema = TSchema, R extends boolean = boolean> {
  role: FieldRole;
  /** Required in every record (the schema's `required`). */
  required: R;
  /** The TypeBox schema of the value: the JSON Schema and the TypeScript type come from it. */
  schema: S;
  /** What readers call the field (form label, site headings). */
  label: Bilingual;
  /**
   * Most characters before lint warns (`text-length`): of the value, of each item of a `names`/`tags`
   * list, or of each label/alt of a `labelled-urls` list.
   */
  maxChars?: number;
  /** For `labelled-urls`: what each item is. */
  item?: LabelledUrlItem;
  /** For `enum`: the allowed values. */
  values?: readonly string[];
  /** The form field; absent when submitters never type it (id, added, lint-ignore…). */
  form?: FormSpec;
  /** false for bookkeeping fields a reader never sees (id, lint-ignore). */
  shown: boolean;
}

/** Declares one field; the identity, there to infer the schema's and `required`'s exact types. */
export function field<S extends TSchema, R extends boolean>(spec: FieldSpec<S, R>): FieldSpec<S, R> {
  return spec;
}

/** A record's anatomy: its fields in record key order. */
export type Anatomy = Readonly<Record<string, FieldSpec>>;

/** One field of an anatomy with its key, for readers that iterate (a site, the form generator). */
export interface NamedField extends FieldSpec {
  key: string;
}

/** The fields of an anatomy in record key order, each with its key. */
export function anatomyFields(anatomy: Anatomy): NamedField[] {
  return Object.entries(anatomy).map(([key, spec]) => ({ key, ...spec }));
}

/** The form answer id of a field ("image" for `images`), or undefined when the form does not ask for it. */
export function formIdOf(key: string, spec: FieldSpec): string | undefined {
  return spec.form ? (spec.form.id ?? key) : undefined;
}

/** The text in each language, in order, joined with " / "; a text both languages share once ("arXiv ID"). */
export function labelIn(text: Bilingual, languages: readonly LabelLanguage[]): string {
  const parts: string[] = [];
  for (const language of languages) {
    const part = language === "en" ? text.en : text.zh;
    if (!parts.includes(part)) parts.push(part);
  }
  return parts.join(" / ");
}

/** "中文 / English", or one of them when both read the same ("arXiv ID"). */
export function bilingual(text: Bilingual): string {
  return labelIn(text, DEFAULT_LABEL_LANGUAGES);
}
