/**
 * The record schema. An entry's fields are declared once in the anatomy (src/records/anatomy/entry.ts); the
 * entry schema, the JSON Schema file (schemas/papers.schema.json) and the TypeScript types below are derived
 * from it. `npm run readme` rewrites the generated files and `papershelf build --check` fails when one is stale.
 */
import { Type, type Static, type TObject, type TSchema } from "@sinclair/typebox";
import { ENTRY_ANATOMY } from "./anatomy/entry.js";
import type { Anatomy } from "./anatomy/field.js";
import { recordSchemaOf } from "./anatomy/schema.js";
import {
  ID_PATTERN,
  Markdown,
  type ImageSchema,
  type LinkSchema,
  type RepositorySchema,
} from "./anatomy/parts.js";

export {
  ARXIV_PATTERN,
  DATE_PATTERN,
  DOI_PATTERN,
  HTTP_URL_PATTERN,
  ID_PATTERN,
  ImageSchema,
  KINDS,
  LinkSchema,
  LintIgnoreSchema,
  RepositorySchema,
  type EntryKind,
} from "./anatomy/parts.js";

/** The schema of one entry, derived from the anatomy (src/records/anatomy/entry.ts). */
export const EntrySchema = recordSchemaOf(ENTRY_ANATOMY);

export interface Category {
  id: string;
  title: string;
  intro?: string;
  children?: Category[];
}

const CategoryRef = Type.Unsafe<Category>({ $ref: "#/$defs/category" });

export const CategorySchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERN, description: "Stable unique id (kebab-case)." }),
    title: Type.String({ minLength: 1, description: "Heading shown in the README." }),
    intro: Type.Optional(Markdown("Text shown under the heading, before the entries.")),
    children: Type.Optional(Type.Array(CategoryRef, { description: "Subcategories, in display order." })),
  },
  { additionalProperties: false },
);

export const ListSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1 })),
    intro: Type.Optional(Markdown("Text shown at the top of the generated part of the README.")),
  },
  { additionalProperties: false },
);

/** The whole data file around an entry schema (the real one, or a test's anatomy's). */
function papersFileSchemaOf<E extends TSchema>(entry: E) {
  return Type.Object(
    {
      list: Type.Optional(ListSchema),
      categories: Type.Array(CategoryRef, {
        minItems: 1,
        description: "The category tree, in display order.",
      }),
      entries: Type.Array(entry, { description: "The entries, in display order within each category." }),
    },
    { additionalProperties: false },
  );
}

export const PapersFileSchema = papersFileSchemaOf(EntrySchema);

export type Entry = Static<typeof EntrySchema>;
export type Repository = Static<typeof RepositorySchema>;
export type Link = Static<typeof LinkSchema>;
export type Image = Static<typeof ImageSchema>;
export type PapersFile = Static<typeof PapersFileSchema>;

export const SCHEMA_ID = "https://papershelf.dev/schemas/papers.schema.json";

/** The JSON Schema document editors and ajv use (draft 2020-12); a test may pass its own anatomy. */
export function buildJsonSchema(anatomy: Anatomy = ENTRY_ANATOMY): Record<string, unknown> {
  const file: TObject =
    anatomy === ENTRY_ANATOMY ? PapersFileSchema : papersFileSchemaOf(recordSchemaOf(anatomy));
  const { $id: _ignored, ...root } = file as TSchema & { $id?: string };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_ID,
    title: "papershelf list",
    description: "data/papers.yaml: the categories and entries of a papershelf list.",
    ...JSON.parse(JSON.stringify(root)),
    $defs: { category: JSON.parse(JSON.stringify(CategorySchema)) },
  };
}
