/**
 * Answers of the submission form → one record (an `Entry`), or every problem at once, per field. The
 * record is then inserted and re-validated by the whole-file schema in `runIntake`; this step only turns
 * loosely written answers (dates, arXiv links, "label | URL" lines) into the schema's shapes.
 */
import { missingFromArxiv, type ArxivPaper } from "../arxiv/index.js";
import { type Anatomy, type Category, type Entry, ENTRY_ANATOMY, parseArxivId } from "../records/index.js";
import { arxivIdFromUrl, readArxivId } from "./answers.js";
import type { IssueAnswers } from "./body.js";
import { categoryIdFromOption } from "./form-categories.js";
import { formFields } from "./form-fields.js";
import { fieldById, type FormField, type IssueForm } from "./form.js";
import { addressName, baseIdFromTitle, uniqueId } from "./ids.js";
import { fieldError, say, type IntakeProblem } from "./problems.js";
import { readAnswer } from "./read-answer.js";
import { requiredFieldProblem } from "./required-hints.js";

const IS_REQUIRED = say("這個欄位必填，但沒有填寫。", "This field is required but was left empty.");
import { cleanLine, cleanUrl, type Field } from "./text.js";

/**
 * The submission form's field ids, in form order: one per anatomy field with a form spec, then the
 * confirmation checkbox. The contract between .github/ISSUE_TEMPLATE/submit-paper.yml (generated from the
 * same anatomy) and here.
 */
export const SUBMISSION_FIELDS: readonly string[] = [...formFields().map((f) => f.formId), "confirm"];
export type SubmissionField = string;

/**
 * Fields every anatomy has and that this builder reads itself: they make the id, cross-check each other
 * (the arXiv id against the link) or map through the category tree. Every other field is read by its role.
 */
const CORE_FIELDS: ReadonlySet<string> = new Set(["id", "title", "url", "arxiv", "category", "added"]);

export interface BuildContext {
  form: IssueForm;
  categories: readonly Category[];
  /** Ids already in the list: the new id is made different from all of them. */
  existingIds: ReadonlySet<string>;
  /** The clock, passed in: `added` is today's date (UTC). */
  now: Date;
  /** The record anatomy the form was generated from; the real one unless a test brings its own. */
  anatomy?: Anatomy;
  /**
   * What arXiv said of the submission's paper: its metadata (fills what the submitter left empty), that it
   * has no such paper, or why it could not be asked.
   */
  arxiv?: { paper: ArxivPaper } | { unknown: string } | { unreachable: string };
}

export type BuildResult =
  /** `fromArxiv`: the record keys whose values came from arXiv, for the preview to say so. */
  | { ok: true; entry: Entry; warnings: IntakeProblem[]; fromArxiv: string[] }
  | { ok: false; errors: IntakeProblem[]; warnings: IntakeProblem[] };

/** The category a dropdown answer names, by the bracketed id or the title path. */
function readCategory(
  field: Field,
  answer: string,
  categories: readonly Category[],
  problems: IntakeProblem[],
): string | undefined {
  // One-line answers go through the same hygiene as the title before they are read or quoted back.
  const text = cleanLine(field, answer, problems);
  const found = categoryIdFromOption(text ?? "", categories);
  if (found.ok) return found.id;
  if (text !== undefined)
    problems.push({
      ...fieldError(
        field,
        found.message,
        say(
          text === ""
            ? "請編輯 issue，在「分類」標題下寫上下面其中一項（照抄整行）。"
            : "請編輯 issue，把答案換成下面其中一項（照抄整行，最接近你寫的排在最前面）。",
          text === ""
            ? "Edit the issue and write one of these under the category heading, copied as it is."
            : "Edit the issue and replace the answer with one of these, copied as it is (the closest to yours first).",
        ),
      ),
      choices: found.choices,
    });
  return undefined;
}

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

/** Builds the record from parsed answers. Pure; collects every problem instead of stopping at the first. */
export function buildRecord(answers: IssueAnswers, context: BuildContext): BuildResult {
  const problems: IntakeProblem[] = [];
  const formField = (id: string): FormField =>
    fieldById(context.form, id) ?? {
      id,
      label: id,
      type: "input",
      required: true,
      options: [],
      requiredOptions: [],
      multiple: false,
    };
  const field = (id: string): Field => formField(id);
  const text = (id: string): string => {
    const answer = answers[id];
    return typeof answer === "string" ? answer : "";
  };

  const paper = context.arxiv && "paper" in context.arxiv ? context.arxiv.paper : undefined;
  const typedTitle = cleanLine(field("title"), text("title"), problems);
  const title = typedTitle === "" && paper ? paper.title : typedTitle;
  if (title === "")
    problems.push(
      fieldError(
        field("title"),
        IS_REQUIRED,
        context.arxiv && "unreachable" in context.arxiv
          ? say(
              "剛才問不到 arXiv：請寫上論文標題，或稍後再編輯 issue 重試。",
              "arXiv could not be asked for it just now: write the paper's title, or edit the issue later to try again.",
            )
          : say(
              "請寫上論文標題，或在連結欄給 arXiv 連結或編號，標題會自動填入。",
              "Write the paper's title, or give an arXiv link or id so it is filled in.",
            ),
      ),
    );
  // A bare arXiv id in the link field ("2306.15195") means its abstract page.
  const bareId = parseArxivId(text("url"));
  const urlText =
    bareId && !/^https?:/i.test(text("url").trim()) ? `https://arxiv.org/abs/${bareId}` : text("url");
  const url = urlText.trim() === "" ? "" : cleanUrl(field("url"), urlText, problems);
  if (url === "")
    problems.push(
      fieldError(
        field("url"),
        IS_REQUIRED,
        say(
          "請貼上論文的頁面，例如 https://arxiv.org/abs/2306.15195",
          "Paste the paper's page, e.g. https://arxiv.org/abs/2306.15195",
        ),
      ),
    );

  const typedArxiv = readArxivId(field("arxiv"), text("arxiv"), problems);
  const linkedArxiv = url ? arxivIdFromUrl(url) : undefined;
  if (typedArxiv && linkedArxiv && typedArxiv.replace(/v\d+$/, "") !== linkedArxiv.replace(/v\d+$/, ""))
    problems.push(
      fieldError(
        field("arxiv"),
        say(
          `arXiv 編號 ${typedArxiv} 和連結裡的（${linkedArxiv}）不一樣。`,
          `The arXiv id ${typedArxiv} differs from the one in the link (${linkedArxiv}).`,
        ),
        say("請改正其中一個，或把 arXiv 編號留空。", "Fix one of them, or leave the arXiv id empty."),
      ),
    );
  const arxiv = typedArxiv ?? linkedArxiv;
  if (context.arxiv && "unknown" in context.arxiv)
    problems.push(
      fieldError(
        typedArxiv ? field("arxiv") : field("url"),
        say(
          `arXiv 沒有編號 ${context.arxiv.unknown} 的論文。`,
          `arXiv has no paper ${context.arxiv.unknown}.`,
        ),
        say(
          "請對照論文在 arxiv.org 的頁面檢查編號（例如 2306.15195），再編輯 issue。",
          "Check the id against the paper's arxiv.org page (e.g. 2306.15195), then edit the issue.",
        ),
      ),
    );

  // Every other field the form asks for, read by its role in the anatomy, in form order (so problems are).
  let category: string | undefined;
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const spec of formFields(context.anatomy ?? ENTRY_ANATOMY)) {
    if (spec.role === "category")
      category = readCategory(field(spec.formId), text(spec.formId), context.categories, problems);
    if (CORE_FIELDS.has(spec.key)) continue;
    const answer = text(spec.formId);
    const value = readAnswer(spec, field(spec.formId), answer, problems, context.now);
    if (value !== undefined) values[spec.key] = value;
    else if (spec.required) missing.push(spec.key);
    if (value === undefined && spec.form?.required && answer.trim() === "" && spec.role !== "enum")
      problems.push(requiredFieldProblem(formField(spec.formId)));
  }

  const warnings = problems.filter((p) => p.severity === "warning");
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !title || !url || !category || missing.length > 0)
    return { ok: false, errors, warnings };

  const repos = values.repos as { url: string }[] | undefined;
  const id = uniqueId(
    baseIdFromTitle(title, arxiv ? `arxiv-${arxiv}` : addressName(repos?.[0]?.url ?? url)),
    context.existingIds,
  );
  // Key order does not matter here: insertEntry writes every record in the anatomy's key order.
  const typed = {
    id,
    title,
    url,
    category,
    ...values,
    ...(arxiv ? { arxiv } : {}),
    added: todayUtc(context.now),
  } as Entry;
  // What the submitter typed wins; arXiv fills only what was left empty.
  const filled = paper ? missingFromArxiv(typed, paper) : {};
  const fromArxiv = [...(typedTitle === "" && paper ? ["title"] : []), ...Object.keys(filled)];
  const entry = { ...typed, ...filled } as Entry;
  return { ok: true, entry, warnings, fromArxiv };
}
