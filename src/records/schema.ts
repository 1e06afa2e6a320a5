/**
 * The record schema, written once. The JSON Schema file (schemas/papers.schema.json), the TypeScript types
 * below and the field table in docs are all derived from these definitions; `npm run generate` rewrites the
 * generated files and `papershelf build --check` fails when one is stale.
 */
import { Type, type Static, type TSchema } from "@sinclair/typebox";

const Markdown = (description: string) => Type.String({ description, minLength: 1 });

/** Kebab-case ids: stable, URL-safe, readable in diffs. */
export const ID_PATTERN = "^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$";
/** "2023", "2023-06" or "2023-06-27": the precision the source gives, no more. */
export const DATE_PATTERN = "^\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?$";
/** New-style arXiv ids (0704.0001 onwards) with an optional version; old-style ids like hep-th/9901001. */
export const ARXIV_PATTERN = "^(?:\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?$";
export const DOI_PATTERN = "^10\\.\\d{4,9}/\\S+$";
const HTTP_URL_PATTERN = "^https?://\\S+$";

const Url = (description: string) =>
  Type.String({ description: `an http(s) URL — ${description}`, pattern: HTTP_URL_PATTERN });
const DateString = (description: string) => Type.String({ description, pattern: DATE_PATTERN });

export const KINDS = ["paper", "dataset", "model", "resource"] as const;

export const RepositorySchema = Type.Object(
  {
    url: Url("Repository URL, e.g. https://github.com/owner/name."),
    label: Type.Optional(Type.String({ minLength: 1, description: "Text shown instead of owner/name." })),
    official: Type.Optional(Type.Boolean({ description: "true when the authors maintain it." })),
  },
  { additionalProperties: false },
);

export const LinkSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, description: "What the link is: Demo, Download, Project page…" }),
    url: Url("Where it points."),
  },
  { additionalProperties: false },
);

export const ImageSchema = Type.Object(
  {
    url: Url("Image URL."),
    width: Type.Optional(
      Type.Union(
        [Type.String({ pattern: "^(?:[1-9]\\d?|100)%$" }), Type.Integer({ minimum: 1, maximum: 4000 })],
        {
          description: 'Display width: a percentage ("50%") or pixels (640).',
        },
      ),
    ),
    alt: Type.Optional(Type.String({ description: "Alternative text." })),
  },
  { additionalProperties: false },
);

export const LintIgnoreSchema = Type.Record(
  Type.String({ pattern: "^[a-z][a-z0-9-]*$" }),
  Type.String({ minLength: 1, description: "Why this rule does not apply to this record." }),
  { description: "Silence lint rules for this record: rule id → reason." },
);

export const EntrySchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERN, description: "Stable unique id (kebab-case). Never reuse one." }),
    title: Type.String({ minLength: 1, description: "Title as published." }),
    url: Url("The main link: the paper's page, the dataset, the model card."),
    kind: Type.Unsafe<EntryKind>({ type: "string", enum: [...KINDS], description: "What it is." }),
    category: Type.String({ pattern: ID_PATTERN, description: "Id of the category it belongs to." }),
    date: Type.Optional(DateString("Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")),
    venue: Type.Optional(
      Type.String({ minLength: 1, description: "Where it appeared: CVPR 2023, ICML 2020…" }),
    ),
    arxiv: Type.Optional(Type.String({ pattern: ARXIV_PATTERN, description: "arXiv id, e.g. 2306.15195." })),
    doi: Type.Optional(Type.String({ pattern: DOI_PATTERN, description: "DOI, e.g. 10.1145/3490519." })),
    repos: Type.Optional(Type.Array(RepositorySchema, { description: "Code repositories." })),
    links: Type.Optional(
      Type.Array(LinkSchema, { description: "Other links: demo, download, project page." }),
    ),
    images: Type.Optional(Type.Array(ImageSchema, { description: "Figures shown with the entry." })),
    extra: Type.Optional(Markdown("Markdown shown before the 摘要: a formula, a table of requirements.")),
    summary: Type.Optional(Markdown("The 摘要 (summary), Markdown. Lists, tables and formulas are kept.")),
    note: Type.Optional(Markdown("A maintainer's note, shown after the entry, Markdown.")),
    aside: Type.Optional(
      Markdown(
        "Text shown before the entry, between it and the one above: an aside about what follows, Markdown.",
      ),
    ),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
    added: Type.Optional(DateString("When the entry joined the list.")),
    "lint-ignore": Type.Optional(LintIgnoreSchema),
  },
  { additionalProperties: false },
);

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

export const PapersFileSchema = Type.Object(
  {
    list: Type.Optional(ListSchema),
    categories: Type.Array(CategoryRef, { minItems: 1, description: "The category tree, in display order." }),
    entries: Type.Array(EntrySchema, { description: "The entries, in display order within each category." }),
  },
  { additionalProperties: false },
);

export type Entry = Static<typeof EntrySchema>;
export type Repository = Static<typeof RepositorySchema>;
export type Link = Static<typeof LinkSchema>;
export type Image = Static<typeof ImageSchema>;
export type EntryKind = (typeof KINDS)[number];
export type PapersFile = Static<typeof PapersFileSchema>;

export const SCHEMA_ID = "https://papershelf.dev/schemas/papers.schema.json";

/** The JSON Schema document editors and ajv use (draft 2020-12). */
export function buildJsonSchema(): Record<string, unknown> {
  const { $id: _ignored, ...root } = PapersFileSchema as TSchema & { $id?: string };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_ID,
    title: "papershelf list",
    description: "data/papers.yaml: the categories and entries of a papershelf list.",
    ...JSON.parse(JSON.stringify(root)),
    $defs: { category: JSON.parse(JSON.stringify(CategorySchema)) },
  };
}
