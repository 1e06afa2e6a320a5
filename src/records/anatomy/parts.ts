/**
 * The patterns and nested shapes the anatomy's fields are made of (a repository, a link, an image, the
 * lint-ignore map). Kept apart from `schema.ts` so the anatomy can use them and the schema can be built
 * from the anatomy without an import cycle.
 */
import { Type } from "@sinclair/typebox";

/** Kebab-case ids: stable, URL-safe, readable in diffs. */
export const ID_PATTERN = "^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$";
/** "2023", "2023-06" or "2023-06-27": the precision the source gives, no more. */
export const DATE_PATTERN = "^\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?$";
/**
 * An arXiv id: YYMM.NNNN from April 2007 to 2014, YYMM.NNNNN since 2015 (arxiv.org/help/arxiv_identifier;
 * "2308.0069" is no id, and was accepted), or an old-style archive/YYMMNNN; optionally versioned.
 */
export const ARXIV_PATTERN =
  "^(?:(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\\.\\d{4}|(?:1[5-9]|[2-9]\\d)(?:0[1-9]|1[0-2])\\.\\d{5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?$";
export const DOI_PATTERN = "^10\\.\\d{4,9}/\\S+$";
export const HTTP_URL_PATTERN = "^https?://\\S+$";

/**
 * What a value of each pattern looks like, as a validation message says it ("id is "A B"; expected …"): the
 * schema's descriptions say what a field is for, which reads oddly after "expected".
 */
export const PATTERN_EXPECTED: Readonly<Record<string, string>> = {
  [ID_PATTERN]:
    'a kebab-case id: lowercase letters a–z, digits and hyphens, starting and ending with a letter or digit, at most 80 characters (e.g. "segment-anything")',
  [DATE_PATTERN]: 'a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2023-06")',
  [ARXIV_PATTERN]:
    'an arXiv id without the "arXiv:" prefix (e.g. 2306.15195, 2306.15195v2 or hep-th/9901001)',
  [DOI_PATTERN]: 'a DOI without the "https://doi.org/" prefix (e.g. 10.1145/3490519)',
  [HTTP_URL_PATTERN]: "an http(s) URL with no spaces (e.g. https://arxiv.org/abs/2306.15195)",
};

export const KINDS = ["paper", "dataset", "model", "resource"] as const;
export type EntryKind = (typeof KINDS)[number];

export const Url = (description: string) =>
  Type.String({ description: `an http(s) URL — ${description}`, pattern: HTTP_URL_PATTERN });
export const Markdown = (description: string) => Type.String({ description, minLength: 1 });
export const DateString = (description: string) => Type.String({ description, pattern: DATE_PATTERN });

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
