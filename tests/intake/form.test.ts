import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SUBMISSION_FIELDS } from "../../src/intake/build-record.js";
import { parseIssueForm } from "../../src/intake/form.js";
import { committedForm, ROOT } from "./helpers.js";

const templateDir = path.join(ROOT, ".github/ISSUE_TEMPLATE");
const read = (name: string) => readFileSync(path.join(templateDir, name), "utf8");

describe("the committed issue forms", () => {
  it("submit-paper.yml has every field the record builder reads, with stable ids", () => {
    const result = parseIssueForm(committedForm());
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.form.fields.map((f) => f.id)).toEqual([...SUBMISSION_FIELDS]);
    const required = result.form.fields.filter((f) => f.required).map((f) => f.id);
    // The title is filled from arXiv when left empty: only the link, the kind and the category are required.
    expect(required).toEqual(["url", "kind", "category"]);
    expect(result.form.fields.find((f) => f.id === "confirm")?.requiredOptions).toHaveLength(1);
  });

  it("labels every field in 中文 and English", () => {
    const result = parseIssueForm(committedForm());
    if (!result.ok) throw new Error(result.errors.join());
    for (const field of result.form.fields.filter((f) => f.id !== "arxiv"))
      expect(field.label, field.id).toMatch(/\p{Script=Han}.* \/ [A-Za-z]/u);
  });

  it("report-entry.yml parses, and no dropdown option anywhere contains a comma or is None", () => {
    for (const name of ["submit-paper.yml", "report-entry.yml"]) {
      const result = parseIssueForm(read(name));
      if (!result.ok) throw new Error(`${name}: ${result.errors.join()}`);
      for (const field of result.form.fields.filter((f) => f.type === "dropdown"))
        for (const option of field.options) {
          expect(option, `${name} ${field.id}`).not.toContain(",");
          expect(option).not.toBe("None");
        }
    }
    const report = parseIssueForm(read("report-entry.yml"));
    expect(report.ok && report.form.fields.map((f) => f.id)).toEqual(["entry", "problem", "details"]);
  });

  it("config.yml states whether blank issues are allowed", () => {
    expect(parse(read("config.yml"))).toEqual({ blank_issues_enabled: true });
  });
});

describe("parseIssueForm", () => {
  it("reports duplicate labels and ids, unknown types and dropdowns without options", () => {
    const result = parseIssueForm(`
name: x
body:
  - type: input
    id: a
    attributes: { label: Same }
  - type: textarea
    id: a
    attributes: { label: Same }
  - type: slider
    attributes: { label: S }
  - type: dropdown
    id: d
    attributes: { label: D }
`);
    expect(result).toEqual({
      ok: false,
      errors: [
        'body item 3: unknown type "slider"; expected markdown, input, textarea, dropdown, checkboxes',
        'body item 4 ("D"): a dropdown needs at least one option',
        'two fields share the id "a"',
        'two fields share the label "Same"',
      ],
    });
  });

  it("refuses text that is not a form", () => {
    expect(parseIssueForm("just: text").ok).toBe(false);
    expect(parseIssueForm("body: [").ok).toBe(false);
  });
});
