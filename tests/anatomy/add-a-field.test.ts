/**
 * The promise of the anatomy (issue 8, point 1): a field declared in an anatomy reaches the issue form, the
 * JSON Schema, the intake, the lint and link walkers and the README, with no other edit. The fields live in
 * a test fixture's anatomy (fixture-anatomy.ts), so this test fails if any reader keeps its own field list.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildRecord } from "../../src/intake/build-record.js";
import { renderIssueForm } from "../../src/intake/form-categories.js";
import { parseIssueForm } from "../../src/intake/form.js";
import { createEntryRenderer } from "../../src/intake/preview.js";
import { buildJsonSchema, entryShortTexts, walkRecordUrls, type Entry } from "../../src/records/index.js";
import { renderReadme } from "../../src/render/readme.js";
import { readTemplates } from "../../src/render/templates.js";
import { bodyFor, committedForm, fixtureData, NOW, ROOT, VALID_ANSWERS } from "../intake/helpers.js";
import { parseIssueBody } from "../../src/intake/body.js";
import { FIXTURE_ANATOMY, TEMPLATE_LINE } from "./fixture-anatomy.js";

const ANSWERS = { ...VALID_ANSWERS, license: "MIT <3", slides: "https://example.org/lisa-slides.pdf" };

function fixtureFormText(): string {
  const result = renderIssueForm(committedForm(), fixtureData().categories, "category", FIXTURE_ANATOMY);
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result.text;
}

/** The repository's templates, with the one line the new fields take added to the entry template. */
async function templatesWithLine() {
  const result = await readTemplates(path.join(ROOT, "templates"), async (file) => {
    const text = await readFile(file, "utf8");
    return file.endsWith("entry.md.hbs")
      ? text.replace("{{#if note}}", `${TEMPLATE_LINE}{{#if note}}`)
      : text;
  });
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.templates;
}

/** The new entry, taken from an issue body through the fixture form, as the intake does. */
function submittedEntry(): Entry {
  const form = parseIssueForm(fixtureFormText());
  if (!form.ok) throw new Error(form.errors.join("; "));
  const answers = parseIssueBody(bodyFor(form.form, ANSWERS), form.form);
  if (!answers.ok) throw new Error(answers.errors.map((e) => e.message).join("; "));
  const data = fixtureData();
  const built = buildRecord(answers.answers, {
    form: form.form,
    categories: data.categories,
    existingIds: new Set(data.entries.map((e) => e.id)),
    now: NOW,
    anatomy: FIXTURE_ANATOMY,
  });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join("; "));
  return built.entry;
}

describe("a field added to the anatomy, and nowhere else", () => {
  it("appears in the issue form, bilingual, in its place, optional", () => {
    const form = parseIssueForm(fixtureFormText());
    if (!form.ok) throw new Error(form.errors.join("; "));
    const ids = form.form.fields.map((f) => f.id);
    expect(ids.slice(ids.indexOf("links"), ids.indexOf("image") + 2)).toEqual([
      "links",
      "license",
      "slides",
      "image",
      "summary",
    ]);
    expect(form.form.fields.find((f) => f.id === "license")).toMatchObject({
      type: "input",
      label: "授權 / License",
      required: false,
    });
    // The real form does not have it: the fixture anatomy is what put it there.
    expect(committedForm()).not.toContain("id: license");
  });

  it("appears in the JSON Schema: a record with it validates, and only under that anatomy", () => {
    const data = { ...fixtureData(), entries: [{ ...fixtureData().entries[0], license: "MIT" }] };
    const compile = (schema: Record<string, unknown>) => {
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats.default(ajv);
      return ajv.compile(schema);
    };
    const withField = compile(buildJsonSchema(FIXTURE_ANATOMY));
    expect(withField(data)).toBe(true);
    expect(withField({ ...data, entries: [{ ...data.entries[0], license: "" }] })).toBe(false);
    expect(compile(buildJsonSchema())(data)).toBe(false);
  });

  it("is read by the intake from the issue body, by its role", () => {
    const entry = submittedEntry() as Entry & { license?: string; slides?: string };
    expect(entry.license).toBe("MIT <3");
    expect(entry.slides).toBe("https://example.org/lisa-slides.pdf");
  });

  it("is visited by the lint walker (with its limit) and the URL walker", () => {
    const entry = submittedEntry();
    expect(entryShortTexts(entry, 0, FIXTURE_ANATOMY)).toContainEqual({
      path: ["entries", 0, "license"],
      value: "MIT <3",
      name: "license",
      limit: 40,
    });
    const sites = walkRecordUrls({ categories: [], entries: [entry] }, FIXTURE_ANATOMY);
    expect(sites.filter((s) => s.kind === "field").map((s) => s.value)).toContain(
      "https://example.org/lisa-slides.pdf",
    );
  });

  it("shows in the README and the intake preview through its template line, escaped", async () => {
    const templates = await templatesWithLine();
    const entry = submittedEntry();
    const data = fixtureData();
    const readme = [
      "# List",
      "<!-- papershelf:begin toc -->\n<!-- papershelf:end toc -->",
      "<!-- papershelf:begin entries -->\n<!-- papershelf:end entries -->\n",
    ].join("\n\n");
    const result = renderReadme(
      readme,
      "README.md",
      { ...data, entries: [...data.entries, entry] },
      templates,
      FIXTURE_ANATOMY,
    );
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const line = "License: MIT &lt;3 · [Slides](https://example.org/lisa-slides.pdf)";
    expect(result.text).toContain(line);
    expect(createEntryRenderer(templates, FIXTURE_ANATOMY)(entry)).toContain(line);
  });
});
