/** The anatomy itself: consistent declarations, and the new fields reaching lint and link extraction. */
import { describe, expect, it } from "vitest";
import { extractRecordUrls } from "../../src/check/index.js";
import { formFields } from "../../src/intake/form-fields.js";
import {
  anatomyFields,
  ENTRY_ANATOMY,
  EntrySchema,
  parseRecords,
  walkRecordUrls,
  type FieldRole,
} from "../../src/records/index.js";
import { lintText } from "../lint/helpers.js";

/** The JSON type each role's value must have. */
const ROLE_TYPE: Record<FieldRole, string> = {
  id: "string",
  line: "string",
  markdown: "string",
  url: "string",
  enum: "string",
  category: "string",
  date: "string",
  arxiv: "string",
  doi: "string",
  "labelled-urls": "array",
  names: "array",
  tags: "array",
  ignores: "object",
  history: "array",
};

const LIST = `categories:
  - id: llm
    title: LLM
    intro: See [the survey](https://example.org/survey).
entries:
  - id: one
    title: One
    authors:
      - Ada Lovelace
      - ${"Very Long Name ".repeat(8).trim()}
    url: https://example.org/one
    kind: paper
    category: llm
    repos:
      - url: https://github.com/o/one
    summary: 摘要。
    abstract: |
      We build on [prior work](https://example.org/prior) and
      ${"more words ".repeat(300).trim()}
`;

describe("the entry anatomy", () => {
  it("is the entry schema: same keys, same order, required exactly where declared", () => {
    expect(Object.keys(EntrySchema.properties)).toEqual(Object.keys(ENTRY_ANATOMY));
    const required = anatomyFields(ENTRY_ANATOMY)
      .filter((f) => f.required)
      .map((f) => f.key);
    expect(EntrySchema.required).toEqual(required);
  });

  it("gives each field a schema of its role's type, a bilingual label, and lists their parts", () => {
    for (const f of anatomyFields(ENTRY_ANATOMY)) {
      expect(f.schema.type, f.key).toBe(ROLE_TYPE[f.role]);
      expect(f.label.zh && f.label.en, f.key).toBeTruthy();
      if (f.role === "labelled-urls") expect(f.item, f.key).toBeDefined();
      if (f.role === "enum") expect(f.schema.enum, f.key).toEqual(f.values);
      if (f.role === "names" || f.role === "tags") expect(f.schema.items?.type, f.key).toBe("string");
    }
  });

  it("asks for each form field once, at a distinct position, bilingually", () => {
    const fields = formFields();
    expect(new Set(fields.map((f) => f.formId)).size).toBe(fields.length);
    expect(new Set(fields.map((f) => f.form?.order)).size).toBe(fields.length);
    for (const f of fields) expect(f.form?.description.zh && f.form.description.en, f.key).toBeTruthy();
  });

  it("makes authors and abstract optional everywhere: schema, form", () => {
    expect(EntrySchema.required).not.toContain("authors");
    expect(EntrySchema.required).not.toContain("abstract");
    const asked = formFields().filter((f) => f.key === "authors" || f.key === "abstract");
    expect(asked.map((f) => [f.formId, f.form?.required, f.form?.type])).toEqual([
      ["authors", false, "textarea"],
      ["abstract", false, "textarea"],
    ]);
  });
});

describe("the new fields in the walkers", () => {
  const parsed = parseRecords(LIST, "papers.yml");
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));

  it("the URL walker lists intros, URL fields and Markdown fields (the abstract too), in file order", () => {
    expect(walkRecordUrls(parsed.data).map((s) => `${s.kind} ${s.name}`)).toEqual([
      'markdown intro of category "llm"',
      "field url",
      "field repos[0].url",
      "markdown summary",
      "markdown abstract",
    ]);
  });

  it("link extraction finds a link inside the abstract at its line (the column of the Markdown link)", () => {
    const prior = extractRecordUrls(parsed.data, parsed.source).find(
      (t) => t.url === "https://example.org/prior",
    );
    expect(prior?.locations).toEqual([{ file: "papers.yml", line: 18, column: 19, entryId: "one" }]);
  });

  it("text-length warns on an author name and an abstract past their anatomy limits", () => {
    const found = lintText(LIST)
      .filter((d) => d.ruleId === "text-length")
      .map((d) => [d.line, d.message.replace(/ \(.*\)/, "")]);
    expect(found).toEqual([
      [10, "authors[1] is 119 characters; expected at most 100"],
      [17, "abstract is 3356 characters; expected at most 3000"],
    ]);
  });
});
