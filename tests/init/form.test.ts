/**
 * init's submission form comes from the same generator as `papershelf build` (the record anatomy's form
 * fields, between the papershelf:fields markers), not a copy of its own: every anatomy field is asked for, in
 * the list's languages, and a field papershelf adds to its anatomy later reaches the adopter's form on the
 * adopter's next build, with the adopter's own text around the markers kept.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAPERSHELF_REPOSITORY } from "../../src/papershelf-repository.js";
import { parseCategories, scaffoldList, type InitAnswers } from "../../src/init/index.js";
import {
  FIELDS_END_MARKER,
  FIELDS_START_MARKER,
  formFields,
  parseIssueForm,
  renderIssueForm,
  type IssueForm,
} from "../../src/intake/index.js";
import { KINDS, labelIn, parseRecords, type LabelLanguage } from "../../src/records/index.js";
import { FIXTURE_ANATOMY } from "../anatomy/fixture-anatomy.js";

const TEMPLATES = Object.fromEntries(
  readdirSync("templates", { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative("templates", path.join(e.parentPath, e.name)))
    .map((f) => [f, readFileSync(path.join("templates", f), "utf8")]),
);
const PIN = { repository: PAPERSHELF_REPOSITORY, commit: "c".repeat(40), version: "1.0.0" };
const FORM = ".github/ISSUE_TEMPLATE/submit-paper.yml";

async function scaffold(languages: LabelLanguage[]): Promise<Map<string, string>> {
  const categories = parseCategories("Vision, Language");
  if (!categories.ok) throw new Error(categories.message);
  const answers: InitAnswers = { name: "List", languages, categories: categories.value };
  const result = await scaffoldList({ answers, templates: TEMPLATES, pin: PIN });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return new Map(result.files.map((f) => [f.path, f.text]));
}

function form(text: string): IssueForm {
  const parsed = parseIssueForm(text);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.form;
}

/** The lines between the field markers. */
function zone(text: string): string {
  const start = text.indexOf(FIELDS_START_MARKER);
  const end = text.indexOf(FIELDS_END_MARKER);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text.slice(text.indexOf("\n", start) + 1, text.lastIndexOf("\n", end));
}

describe("init's submission form", () => {
  it.each<[LabelLanguage[]]>([[["en"]], [["zh-TW", "en"]], [["en", "zh-TW"]], [["zh-TW"]]])(
    "asks for every field of the anatomy, in form order, labelled in %j",
    async (languages) => {
      const files = await scaffold(languages);
      const fields = form(files.get(FORM) ?? "").fields;
      const asked = formFields();
      expect(fields.map((f) => f.id)).toEqual([...asked.map((f) => f.formId), "confirm"]);
      for (const spec of asked)
        expect(fields.find((f) => f.id === spec.formId)?.label).toBe(labelIn(spec.label, languages));
      // The intake reads the kind by its English word, so the options keep it in every language.
      const kindWords = fields.find((f) => f.id === "kind")?.options.map((o) => o.split(/[^a-z]+/));
      expect(kindWords?.map((words, i) => words.includes(KINDS[i] ?? ""))).toEqual(KINDS.map(() => true));
      expect(files.get(".papershelf.yml")).toContain(`languages: [${languages.join(", ")}]`);
    },
  );

  it("says each label in the languages' order", async () => {
    expect(form((await scaffold(["zh-TW", "en"])).get(FORM) ?? "").fields[0]?.label).toBe("標題 / Title");
    expect(form((await scaffold(["en", "zh-TW"])).get(FORM) ?? "").fields[0]?.label).toBe("Title / 標題");
    const kind = form((await scaffold(["zh-TW"])).get(FORM) ?? "").fields.find((f) => f.id === "kind");
    expect(kind?.label).toBe("類型");
    expect(kind?.options[0]).toBe("論文 / paper");
  });

  it("gives examples in the form's first language", async () => {
    const en = (await scaffold(["en", "zh-TW"])).get(FORM) ?? "";
    const zh = (await scaffold(["zh-TW", "en"])).get(FORM) ?? "";
    expect(en).toContain("placeholder: 2023-06-27\n");
    expect(en).toContain("Project page | https://example.org/project");
    expect(zh).toContain("placeholder: 2023年6月27日\n");
    expect(zh).toContain("專案頁 | https://example.org/project");
  });

  it("is what `papershelf build` generates: building it again changes nothing", async () => {
    const files = await scaffold(["en"]);
    const text = files.get(FORM) ?? "";
    const data = parseRecords(files.get("data/papers.yaml") ?? "");
    if (!data.ok) throw new Error("invalid data");
    const rebuilt = renderIssueForm(text, data.data.categories, "category", undefined, ["en"]);
    expect(rebuilt).toEqual({ ok: true, text });
  });

  it("gets a field papershelf adds to its anatomy on the adopter's next build, keeping the adopter's text", async () => {
    const files = await scaffold(["en"]);
    const edited = (files.get(FORM) ?? "").replace(
      "Thanks for contributing!",
      "Thanks for contributing to our reading group!",
    );
    const data = parseRecords(files.get("data/papers.yaml") ?? "");
    if (!data.ok) throw new Error("invalid data");
    const built = renderIssueForm(edited, data.data.categories, "category", FIXTURE_ANATOMY, ["en"]);
    if (!built.ok) throw new Error(built.errors.join("\n"));
    const fields = form(built.text).fields;
    expect(fields.find((f) => f.id === "license")?.label).toBe("License");
    expect(fields.find((f) => f.id === "slides")?.label).toBe("Slides");
    expect(zone(built.text)).toContain("id: license");
    // Outside the markers, every byte the adopter wrote stays.
    const outside = (text: string) => text.replace(zone(text), "");
    expect(outside(built.text)).toBe(outside(edited));
    expect(built.text).toContain("Thanks for contributing to our reading group!");
  });
});
