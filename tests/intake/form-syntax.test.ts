/** Issue 12, finding 9: forms are checked as GitHub checks them, so `build --check` refuses what GitHub would. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateIssueForm, validateTemplateConfig } from "../../src/intake/form.js";
import { ROOT } from "./helpers.js";

const DIR = path.join(ROOT, ".github/ISSUE_TEMPLATE");
const form = (body: string, top = "name: x\ndescription: d\n") => `${top}body:\n${body}`;

describe("validateIssueForm", () => {
  it("accepts every committed form and config.yml", () => {
    for (const file of readdirSync(DIR)) {
      const text = readFileSync(path.join(DIR, file), "utf8");
      expect(file === "config.yml" ? validateTemplateConfig(text) : validateIssueForm(text), file).toEqual(
        [],
      );
    }
  });

  it.each([
    [
      "duplicate options",
      "  - type: dropdown\n    id: d\n    attributes: { label: D, options: [a, a] }\n",
      /appears twice/,
    ],
    [
      "a None option",
      "  - type: dropdown\n    id: d\n    attributes: { label: D, options: [a, None] }\n",
      /reserved/,
    ],
    [
      "render on an input",
      "  - type: input\n    id: i\n    attributes: { label: I, render: shell }\n",
      /render is only allowed on a textarea/,
    ],
    [
      "a default out of range",
      "  - type: dropdown\n    id: d\n    attributes: { label: D, options: [a, b], default: 2 }\n",
      /default must be the index/,
    ],
    [
      "an unknown key",
      "  - type: input\n    id: i\n    attributes: { label: I }\n    required: true\n",
      /unknown key "required"/,
    ],
    [
      "an unknown attribute",
      "  - type: input\n    id: i\n    attributes: { label: I, multiple: true }\n",
      /unknown key "multiple"/,
    ],
    [
      "duplicate ids",
      "  - type: input\n    id: i\n    attributes: { label: A }\n  - type: input\n    id: i\n    attributes: { label: B }\n",
      /id "i" is used twice/,
    ],
    [
      "duplicate labels",
      "  - type: input\n    id: a\n    attributes: { label: L }\n  - type: input\n    id: b\n    attributes: { label: L }\n",
      /label "L" is used twice/,
    ],
    ["a bad id", "  - type: input\n    id: a b\n    attributes: { label: L }\n", /id may only contain/],
    [
      "a missing label",
      "  - type: textarea\n    id: t\n    attributes: { description: x }\n",
      /attributes.label is required/,
    ],
    ["only markdown", "  - type: markdown\n    attributes: { value: hi }\n", /at least one non-markdown/],
    [
      "an id on markdown",
      "  - type: markdown\n    id: m\n    attributes: { value: hi }\n  - type: input\n    attributes: { label: L }\n",
      /unknown key "id"/,
    ],
  ])("refuses %s", (_name, body, message) => {
    const errors = validateIssueForm(form(body));
    expect(errors.join("\n")).toMatch(message);
  });

  it("refuses unknown and missing top-level keys", () => {
    const body = "  - type: input\n    attributes: { label: L }\n";
    expect(validateIssueForm(form(body, "name: x\n")).join("\n")).toMatch(/description is required/);
    expect(validateIssueForm(form(body, "name: x\ndescription: d\nlabel: bug\n")).join("\n")).toMatch(
      /unknown key "label"/,
    );
    expect(validateIssueForm(form(body))).toEqual([]);
  });

  it("checks config.yml's keys and contact links", () => {
    expect(validateTemplateConfig("blank_issues_enabled: yes please\n").join()).toMatch(/true or false/);
    expect(validateTemplateConfig("contact_links:\n  - name: x\n    url: ftp://x\n").join("\n")).toMatch(
      /about is required[^]*http/,
    );
    expect(validateTemplateConfig("blank_issue_enabled: true\n").join()).toMatch(/unknown key/);
  });
});
