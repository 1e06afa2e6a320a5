/**
 * The anatomy of an entry: every field of a record, declared once, in record key order. Adding an optional
 * field takes an entry here and a line in templates/entry.md.hbs; docs/architecture.md walks through it.
 */
import { Type } from "@sinclair/typebox";
import { field } from "./field.js";
import {
  ARXIV_PATTERN,
  DOI_PATTERN,
  DateString,
  ID_PATTERN,
  ImageSchema,
  KINDS,
  LinkSchema,
  LintIgnoreSchema,
  Markdown,
  RepositorySchema,
  Url,
  type EntryKind,
} from "./parts.js";

export const ENTRY_ANATOMY = {
  id: field({
    role: "id",
    required: true,
    schema: Type.String({
      pattern: ID_PATTERN,
      description: "Stable unique id (kebab-case). Never reuse one.",
    }),
    label: { zh: "代號", en: "Id" },
    shown: false,
  }),
  title: field({
    role: "line",
    required: true,
    schema: Type.String({ minLength: 1, description: "Title as published." }),
    label: { zh: "標題", en: "Title" },
    maxChars: 300,
    shown: true,
    form: {
      order: 10,
      type: "input",
      // An arXiv link is enough: the intake fills the title from arXiv.
      required: false,
      description: {
        zh: "發表時的完整標題；有 arXiv 連結時可留空，會自動填入",
        en: "The title as published; leave empty with an arXiv link and it is filled in.",
      },
      placeholder: "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic",
    },
  }),
  authors: field({
    role: "names",
    required: false,
    schema: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      description: "Authors in the order the paper lists them, one name each.",
    }),
    label: { zh: "作者", en: "Authors" },
    // The longest names on arXiv run to about 60 characters; past 100 it is a list pasted into one name.
    maxChars: 100,
    shown: true,
    form: {
      order: 15,
      type: "textarea",
      required: false,
      description: {
        zh: "每行一位作者，依論文順序；可留空",
        en: "One author per line, in the paper's order; may be left empty.",
      },
      placeholder: "Keqin Chen\nZhao Zhang",
    },
  }),
  url: field({
    role: "url",
    required: true,
    schema: Url("The main link: the paper's page, the dataset, the model card."),
    label: { zh: "連結", en: "Link" },
    shown: true,
    form: {
      order: 20,
      type: "input",
      required: true,
      description: {
        zh: "主要連結：論文頁面（建議 arXiv abs）、資料集或模型頁",
        en: "The main link: the paper's page (arXiv abs preferred), the dataset or the model card.",
      },
      placeholder: "https://arxiv.org/abs/2306.15195",
    },
  }),
  kind: field({
    role: "enum",
    required: true,
    schema: Type.Unsafe<EntryKind>({ type: "string", enum: [...KINDS], description: "What it is." }),
    label: { zh: "類型", en: "Kind" },
    values: KINDS,
    shown: true,
    form: {
      order: 60,
      type: "dropdown",
      required: true,
      description: {
        zh: "論文、資料集、模型或其他資源",
        en: "A paper, a dataset, a model or another resource.",
      },
      options: [
        { zh: "論文", en: "paper" },
        { zh: "資料集", en: "dataset" },
        { zh: "模型", en: "model" },
        { zh: "資源", en: "resource" },
      ],
      default: 0,
    },
  }),
  category: field({
    role: "category",
    required: true,
    schema: Type.String({ pattern: ID_PATTERN, description: "Id of the category it belongs to." }),
    label: { zh: "分類", en: "Category" },
    shown: true,
    form: {
      order: 70,
      type: "dropdown",
      required: true,
      description: {
        zh: "放在哪個分類下",
        en: "Where the entry goes. Missing a category? Say so in the note.",
      },
    },
  }),
  date: field({
    role: "date",
    required: false,
    schema: DateString("Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
    label: { zh: "日期", en: "Date" },
    shown: true,
    form: {
      order: 40,
      type: "input",
      required: false,
      description: {
        zh: "發表日期",
        en: "Publication date — 2023-06-27, 2023/6/27, 2023年6月27日, 2023-06 or 2023.",
      },
      placeholder: { zh: "2023年6月27日", en: "2023-06-27" },
    },
  }),
  venue: field({
    role: "line",
    required: false,
    schema: Type.String({ minLength: 1, description: "Where it appeared: CVPR 2023, ICML 2020…" }),
    label: { zh: "會議或期刊", en: "Venue" },
    maxChars: 100,
    shown: true,
    form: {
      order: 50,
      type: "input",
      required: false,
      description: { zh: "例如 CVPR 2023；預印本可留空", en: "e.g. CVPR 2023; leave empty for a preprint." },
      placeholder: "CVPR 2023",
    },
  }),
  arxiv: field({
    role: "arxiv",
    required: false,
    schema: Type.String({ pattern: ARXIV_PATTERN, description: "arXiv id, e.g. 2306.15195." }),
    label: { zh: "arXiv ID", en: "arXiv ID" },
    shown: true,
    form: {
      order: 30,
      type: "input",
      required: false,
      description: {
        zh: "例如 2306.15195；連結是 arxiv.org 時可留空",
        en: "e.g. 2306.15195; leave empty when the link is on arxiv.org.",
      },
      placeholder: "2306.15195",
    },
  }),
  doi: field({
    role: "doi",
    required: false,
    schema: Type.String({ pattern: DOI_PATTERN, description: "DOI, e.g. 10.1145/3490519." }),
    label: { zh: "DOI", en: "DOI" },
    shown: true,
  }),
  "arxiv-category": field({
    role: "line",
    required: false,
    schema: Type.String({
      pattern: "^[a-z-]+(?:\\.[A-Za-z-]+)?$",
      description: "arXiv's primary category, e.g. cs.CV (filled by `papershelf enrich`).",
    }),
    label: { zh: "arXiv 主分類", en: "arXiv primary category" },
    maxChars: 40,
    shown: true,
  }),
  "journal-ref": field({
    role: "line",
    required: false,
    schema: Type.String({
      minLength: 1,
      description:
        "Where the paper was published, as arXiv's journal reference gives it (filled by `papershelf enrich`).",
    }),
    label: { zh: "期刊出處", en: "Journal reference" },
    maxChars: 300,
    shown: true,
  }),
  repos: field({
    role: "labelled-urls",
    item: "repo",
    required: false,
    schema: Type.Array(RepositorySchema, { description: "Code repositories." }),
    label: { zh: "程式碼", en: "Repositories" },
    maxChars: 100,
    shown: true,
    form: {
      order: 80,
      type: "textarea",
      required: false,
      description: {
        zh: "每行一個網址，可在前面加標籤「標籤 | 網址」",
        en: 'One URL per line, optionally "label | URL".',
      },
      placeholder:
        "https://github.com/shikras/shikra\nUnofficial PyTorch port | https://github.com/someone/shikra-pytorch",
    },
  }),
  links: field({
    role: "labelled-urls",
    item: "link",
    required: false,
    schema: Type.Array(LinkSchema, { description: "Other links: demo, download, project page." }),
    label: { zh: "其他連結", en: "Other links" },
    maxChars: 100,
    shown: true,
    form: {
      order: 90,
      type: "textarea",
      required: false,
      description: {
        zh: "每行「標籤 | 網址」：示範、專案頁、下載",
        en: 'One "label | URL" per line: demo, project page, download.',
      },
      placeholder: {
        zh: "Demo | https://huggingface.co/spaces/someone/demo\n專案頁 | https://example.org/project",
        en: "Demo | https://huggingface.co/spaces/someone/demo\nProject page | https://example.org/project",
      },
    },
  }),
  images: field({
    role: "labelled-urls",
    item: "image",
    required: false,
    schema: Type.Array(ImageSchema, { description: "Figures shown with the entry." }),
    label: { zh: "圖片", en: "Image" },
    maxChars: 300,
    shown: true,
    form: {
      id: "image",
      order: 100,
      type: "input",
      required: false,
      description: {
        zh: "圖片網址，可在後面加寬度",
        en: 'An image URL, optionally followed by a width — "https://…/teaser.jpg 50%" or "… 640".',
      },
      placeholder: "https://raw.githubusercontent.com/shikras/shikra/main/assets/teaser.jpg 50%",
    },
  }),
  extra: field({
    role: "markdown",
    required: false,
    schema: Markdown("Markdown shown before the 摘要: a formula, a table of requirements."),
    label: { zh: "補充", en: "Extra" },
    maxChars: 3000,
    shown: true,
  }),
  summary: field({
    role: "markdown",
    required: false,
    schema: Markdown("The 摘要 (summary), Markdown. Lists, tables and formulas are kept."),
    label: { zh: "摘要", en: "Summary" },
    // The longest 摘要 in the seed is about 1,500 characters (a survey with a nested table).
    maxChars: 4000,
    shown: true,
    form: {
      order: 110,
      type: "textarea",
      required: false,
      description: {
        zh: "繁體中文摘要，支援 Markdown（清單、表格、公式）",
        en: "A summary in the list's language; Markdown lists, tables and formulas are kept.",
      },
    },
  }),
  abstract: field({
    role: "markdown",
    required: false,
    schema: Markdown("The English abstract as published (arXiv's summary), Markdown or plain text."),
    label: { zh: "英文摘要", en: "Abstract" },
    // arXiv caps abstracts at 1,920 characters; journal abstracts run a little longer. Past 3,000 it is a page.
    maxChars: 3000,
    shown: true,
    form: {
      order: 115,
      type: "textarea",
      required: false,
      description: {
        zh: "論文的英文摘要；可留空",
        en: "The paper's English abstract, as published; may be left empty.",
      },
    },
  }),
  note: field({
    role: "markdown",
    required: false,
    schema: Markdown("A maintainer's note, shown after the entry, Markdown."),
    label: { zh: "備註", en: "Note" },
    maxChars: 1500,
    shown: true,
    form: {
      order: 120,
      type: "textarea",
      required: false,
      description: {
        zh: "給讀者或維護者的補充",
        en: "Anything readers or maintainers should know (shown with the entry).",
      },
    },
  }),
  aside: field({
    role: "markdown",
    required: false,
    schema: Markdown(
      "Text shown before the entry, between it and the one above: an aside about what follows, Markdown.",
    ),
    label: { zh: "旁註", en: "Aside" },
    maxChars: 1500,
    shown: true,
  }),
  tags: field({
    role: "tags",
    required: false,
    schema: Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true }),
    label: { zh: "標籤", en: "Tags" },
    maxChars: 40,
    shown: true,
  }),
  added: field({
    role: "date",
    required: false,
    schema: DateString("When the entry joined the list."),
    label: { zh: "加入日期", en: "Added" },
    shown: true,
  }),
  "previous-urls": field({
    role: "history",
    required: false,
    schema: Type.Array(Url("what a link of this entry was before `papershelf fix` replaced it."), {
      uniqueItems: true,
      description:
        "Links this entry pointed to before `papershelf fix` replaced them (paperswithcode pages, old repository names): kept for history, neither shown nor checked.",
    }),
    label: { zh: "舊連結", en: "Previous links" },
    shown: false,
  }),
  "lint-ignore": field({
    role: "ignores",
    required: false,
    schema: LintIgnoreSchema,
    label: { zh: "略過的檢查", en: "Ignored lint rules" },
    shown: false,
  }),
};

/** The anatomy as the generic readers take it. */
export type EntryAnatomy = typeof ENTRY_ANATOMY;
