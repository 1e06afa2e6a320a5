import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CpuBudget } from "../../src/intake/budget.js";
import { renderIssueForm } from "../../src/intake/form-categories.js";
import { createEntryRenderer } from "../../src/intake/preview.js";
import { runIntake, type IntakeInput, type IntakeLint, type IntakeResult } from "../../src/intake/run.js";
import { lintList } from "../../src/lint/index.js";
import { readTemplates } from "../../src/render/templates.js";
import { parseIssueForm, type IssueForm } from "../../src/intake/form.js";
import { parseRecords } from "../../src/records/parse.js";
import type { PapersFile } from "../../src/records/schema.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(ROOT, "tests/fixtures/intake");
/** A fixed clock: `added` and the date range depend on it. */
export const NOW = new Date("2026-03-15T12:00:00Z");

export const COMMITTED_FORM_FILE = path.join(ROOT, ".github/ISSUE_TEMPLATE/submit-paper.yml");
export const committedForm = (): string => readFileSync(COMMITTED_FORM_FILE, "utf8");

export const papersText = (): string => readFileSync(path.join(FIXTURES, "papers.yaml"), "utf8");

export function fixtureData(): PapersFile {
  const parsed = parseRecords(papersText(), "papers.yaml");
  if (!parsed.ok) throw new Error(`fixture papers.yaml is invalid: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** The committed form with its category options regenerated for the fixture list. */
export function fixtureTemplate(): string {
  const result = renderIssueForm(committedForm(), fixtureData().categories);
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result.text;
}

export function fixtureForm(): IssueForm {
  const result = parseIssueForm(fixtureTemplate());
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result.form;
}

/**
 * An issue body exactly as GitHub writes it: per field "### <label>", a blank line, the answer; empty
 * inputs and textareas as _No response_, empty dropdowns as None, checkboxes as "- [X] label".
 */
export function bodyFor(form: IssueForm, answers: Record<string, string | boolean>): string {
  return form.fields
    .map((field) => {
      const answer = answers[field.id];
      let value: string;
      if (field.type === "checkboxes")
        value = field.options.map((o) => `- [${answer === false ? " " : "X"}] ${o}`).join("\n");
      else if (typeof answer === "string" && answer !== "") value = answer;
      else value = field.type === "dropdown" ? "None" : "_No response_";
      return `### ${field.label}\n\n${value}`;
    })
    .join("\n\n");
}

/** Answers for a valid submission into the fixture list. */
export const VALID_ANSWERS: Record<string, string> = {
  title: "LISA: Reasoning Segmentation via Large Language Model",
  url: "https://arxiv.org/abs/2308.00692",
  date: "2023年8月1日",
  venue: "CVPR 2024",
  kind: "論文 / paper",
  category: "影像模型 › Segment Anything [segment-anything]",
  repos: "https://github.com/dvlab-research/LISA",
  summary: "推理分割：給定複雜的查詢文字，輸出分割遮罩。",
};

/** The intake's lint as the edges wire it: the whole list's rules, reported for the new entry only. */
export const fixtureLint: IntakeLint = ({ parsed, entryId, now }) =>
  lintList(parsed, { now, onlyEntryIds: new Set([entryId]) });

/** runIntake's input for these answers (on top of VALID_ANSWERS) into the fixture list, at NOW. */
export function fixtureInput(
  answers: Record<string, string | boolean> = {},
  extra: Partial<IntakeInput> = {},
): IntakeInput {
  return {
    body: bodyFor(fixtureForm(), { ...VALID_ANSWERS, ...answers }),
    template: fixtureTemplate(),
    papersText: papersText(),
    file: "papers.yaml",
    now: NOW,
    ...extra,
  };
}

/** The README's own entry renderer from the repository's templates/, as the CLI and the Action use it. */
export async function readmeEntryRenderer(): Promise<ReturnType<typeof createEntryRenderer>> {
  const templates = await readTemplates(path.join(ROOT, "templates"), (file) => readFile(file, "utf8"));
  if (!templates.ok) throw new Error(templates.errors[0]?.message);
  return createEntryRenderer(templates.templates);
}

/**
 * The intake on the fixture list as the edges run it, built once per test file: the form with its category
 * options, the list, and the README's own entry template for the preview. The hostile, time-bound and fuzz
 * tests all drive the intake through it.
 */
export interface IntakeHarness {
  form: IssueForm;
  /** The fixture list as read: an accepted submission's insertion must change no other byte of it. */
  original: string;
  /** The issue body GitHub writes for these answers, on top of VALID_ANSWERS. */
  body(answers?: Record<string, string>): string;
  /** Runs the intake on a body; `plain` swaps the README's template for the stand-in preview. */
  run(body: string, options?: { plain?: boolean; budget?: CpuBudget }): Promise<IntakeResult>;
}

export async function createIntakeHarness(): Promise<IntakeHarness> {
  const form = fixtureForm();
  const template = fixtureTemplate();
  const original = papersText();
  const renderEntry = await readmeEntryRenderer();
  return {
    form,
    original,
    body: (answers = {}) => bodyFor(form, { ...VALID_ANSWERS, ...answers }),
    run: (body, options = {}) =>
      runIntake({
        body,
        template,
        papersText: original,
        file: "papers.yaml",
        now: NOW,
        ...(options.plain ? {} : { renderEntry }),
        ...(options.budget ? { budget: options.budget } : {}),
      }),
  };
}
