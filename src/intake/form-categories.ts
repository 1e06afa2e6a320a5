/**
 * The category dropdown of the submission form is generated from the category tree: `renderIssueForm`
 * rewrites only that dropdown's options in the committed form, `categoryIdFromOption` maps an answer back.
 *
 * Option text is "Top › Sub [id]": people read the titles, the bracketed id makes the answer map back to
 * exactly one category even when two subcategories share a title or a title is renamed after the issue was
 * opened. ASCII commas become "，" because parsers split dropdown answers on ", " (multi-select joins).
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node } from "yaml";
import {
  type Anatomy,
  type Category,
  DEFAULT_LABEL_LANGUAGES,
  ENTRY_ANATOMY,
  flattenCategories,
  type LabelLanguage,
  oneLine,
} from "../records/index.js";
import { fillFormFields } from "./form-fields.js";
import { parseIssueForm } from "./form.js";
import { rankByCloseness } from "./closest.js";
import { quoteValue, say, type Bilingual } from "./problems.js";

/** The submission form's category dropdown field id. */
export const CATEGORY_FIELD_ID = "category";

export interface CategoryOption {
  id: string;
  text: string;
}

const cleanTitle = (title: string) => oneLine(title).replace(/,/g, "，");

/**
 * One option per leaf category, in display order. Categories with subcategories are headings that group
 * them; a new entry goes into one of the subcategories.
 */
export function categoryOptions(categories: readonly Category[]): CategoryOption[] {
  const titles = new Map<string, string>();
  const options: CategoryOption[] = [];
  for (const { category, parentId } of flattenCategories(categories)) {
    const parent = parentId === undefined ? undefined : titles.get(parentId);
    const title =
      parent === undefined ? cleanTitle(category.title) : `${parent} › ${cleanTitle(category.title)}`;
    titles.set(category.id, title);
    if (!category.children?.length) options.push({ id: category.id, text: `${title} [${category.id}]` });
  }
  return options;
}

export type CategoryAnswer =
  | { ok: true; id: string }
  /** `choices`: every option's text, closest to the answer first (an edited issue shows no dropdown). */
  | { ok: false; message: Bilingual; choices: string[] };

/** The names an option is known by: its whole text, its id, and its last title ("影片理解"). */
function optionNames(option: CategoryOption): string[] {
  const path = option.text.replace(/ \[[a-z0-9-]+\]$/, "");
  return [option.text, path, option.id, path.split(" › ").at(-1) ?? path];
}

/** Maps a dropdown answer back to a category id: by the bracketed id, else by the exact title path. */
export function categoryIdFromOption(answer: string, categories: readonly Category[]): CategoryAnswer {
  const options = categoryOptions(categories);
  const text = answer.trim();
  const bracketed = /\[([a-z0-9-]+)\]$/.exec(text)?.[1];
  const known = new Set(flattenCategories(categories).map((c) => c.category.id));
  if (bracketed !== undefined && known.has(bracketed)) return { ok: true, id: bracketed };
  const byTitle = options.filter((o) => o.text.replace(/ \[[a-z0-9-]+\]$/, "") === text);
  if (byTitle.length === 1 && byTitle[0]) return { ok: true, id: byTitle[0].id };
  if (known.has(text)) return { ok: true, id: text };
  const choices = rankByCloseness(text, options, optionNames).map((o) => o.text);
  return {
    ok: false,
    choices,
    message:
      text === ""
        ? say("沒有選擇分類。", "No category was chosen.")
        : say(
            `${quoteValue(text)} 不是清單裡的分類${bracketed === undefined ? "" : `（沒有 id 為「${bracketed}」的分類）`}。`,
            `${quoteValue(text)} is not a category of the list${
              bracketed === undefined ? "" : ` (no category has the id "${bracketed}")`
            }.`,
          ),
  };
}

export type FormRenderResult = { ok: true; text: string } | { ok: false; errors: string[] };

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function findOptionsNode(template: string, fieldId: string): Node | string {
  const doc = parseDocument(template, { uniqueKeys: true });
  if (doc.errors.length > 0) return `YAML syntax error: ${doc.errors[0]?.message.split("\n")[0]}`;
  const body = doc.get("body", true);
  if (!isSeq(body)) return 'the form has no "body:" list';
  const element = body.items.find((item) => isMap(item) && item.get("id") === fieldId);
  if (!isMap(element) || element.get("type") !== "dropdown")
    return `the form has no dropdown with id "${fieldId}"`;
  const options = element.getIn(["attributes", "options"], true);
  if (!isSeq(options) || !options.range)
    return `the "${fieldId}" dropdown has no attributes.options list to regenerate`;
  if (options.items.some((item) => !isScalar(item)))
    return `the "${fieldId}" dropdown's options must be plain text`;
  return options as Node;
}

/**
 * Rewrites the generated parts of a committed issue form: the fields between the field markers from the
 * record anatomy (form-fields.ts), then the category dropdown's options from the category tree. Every other
 * byte (comments, other fields, quoting) is kept. The generated words are in `languages` (`.papershelf.yml`). Idempotent: rendering its own output again changes nothing.
 */
export function renderIssueForm(
  committed: string,
  categories: readonly Category[],
  fieldId = CATEGORY_FIELD_ID,
  anatomy: Anatomy = ENTRY_ANATOMY,
  languages: readonly LabelLanguage[] = DEFAULT_LABEL_LANGUAGES,
): FormRenderResult {
  const filled = fillFormFields(committed, anatomy, languages);
  if (!filled.ok) return filled;
  const template = filled.text;
  const node = findOptionsNode(template, fieldId);
  if (typeof node === "string") return { ok: false, errors: [node] };
  const options = categoryOptions(categories).map((o) => o.text);
  if (options.length === 0) return { ok: false, errors: ["the list has no category to offer"] };
  const [start, seqEnd] = node.range ?? [0, 0];
  const flow = template[start] === "[";
  // A block list's range runs past its last line break; end at the last option's text instead.
  const lastItem = isSeq(node) && !flow ? node.items[node.items.length - 1] : undefined;
  const valueEnd = isScalar(lastItem) && lastItem.range ? lastItem.range[1] : seqEnd;
  // A flow list ("options: []") becomes a block list under the key, one option a line.
  const keyLineStart = lineStartOf(template, start);
  const keyIndent = /^ */.exec(template.slice(keyLineStart))?.[0].length ?? 0;
  const column = flow ? keyIndent + 2 : start - keyLineStart;
  const items = options.map((o) => `- ${stringify(o, { lineWidth: 0 }).trimEnd()}`);
  const block = items.join(`\n${" ".repeat(column)}`);
  const before = flow
    ? template.slice(0, start).replace(/(?<![ \t])[ \t]*$/, `\n${" ".repeat(column)}`)
    : template.slice(0, start);
  const text = before + block + template.slice(valueEnd);
  // Verify by reading the result back as a form: the dropdown must offer exactly the generated options.
  const parsed = parseIssueForm(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const written = parsed.form.fields.find((f) => f.id === fieldId)?.options ?? [];
  if (JSON.stringify(written) !== JSON.stringify(options))
    return { ok: false, errors: ["the regenerated options did not read back as written"] };
  return { ok: true, text };
}
