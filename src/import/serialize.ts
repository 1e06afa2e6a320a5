/**
 * The records file as the importer writes it: a `yaml-language-server` line pointing editors at the schema,
 * then list, categories and entries with keys in schema order. Entries go through `stringifyEntry`, the same
 * writer the intake uses to insert records, so imported and submitted records read alike.
 */
import { stringify } from "yaml";
import {
  type Category,
  CategorySchema,
  ListSchema,
  type PapersFile,
  stringifyEntry,
} from "../records/index.js";

// Same options as stringifyEntry: never fold long lines (a folded 摘要 would change on the next round trip).
const YAML_OPTIONS = { lineWidth: 0, blockQuote: "literal", indent: 2 } as const;

function ordered<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const CATEGORY_KEYS = Object.keys(CategorySchema.properties);
const LIST_KEYS = Object.keys(ListSchema.properties);

function orderCategory(category: Category): Record<string, unknown> {
  const out = ordered(category, CATEGORY_KEYS);
  if (category.children) out.children = category.children.map(orderCategory);
  return out;
}

/**
 * Deterministic YAML for a whole papers file. `schemaRef` is the schema's path relative to the output file
 * (e.g. "../schemas/papers.schema.json" for data/papers.yaml).
 */
export function stringifyPapersFile(data: PapersFile, schemaRef: string): string {
  const parts = [`# yaml-language-server: $schema=${schemaRef}\n`];
  if (data.list) parts.push(stringify({ list: ordered(data.list, LIST_KEYS) }, YAML_OPTIONS));
  parts.push(stringify({ categories: data.categories.map(orderCategory) }, YAML_OPTIONS));
  if (data.entries.length === 0) parts.push("entries: []\n");
  else parts.push("entries:\n", ...data.entries.map((entry) => stringifyEntry(entry, 2)));
  return parts.join("");
}
