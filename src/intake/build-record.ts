/**
 * Answers of the submission form → one record (an `Entry`), or every problem at once, per field. The
 * record is then inserted and re-validated by the whole-file schema in `runIntake`; this step only turns
 * loosely written answers (dates, arXiv links, "label | URL" lines) into the schema's shapes.
 */
import { KINDS, type Category, type Entry, type EntryKind } from "../records/schema.js";
import { arxivIdFromUrl, readArxivId, readImage, readLinks, readRepos } from "./answers.js";
import type { IssueAnswers } from "./body.js";
import { normalizeDate } from "./dates.js";
import { categoryIdFromOption } from "./form-categories.js";
import { fieldById, type IssueForm } from "./form.js";
import { baseIdFromTitle, uniqueId } from "./ids.js";
import { fieldError, quoteValue, type IntakeProblem } from "./problems.js";
import { cleanLine, cleanMarkdown, cleanUrl, type Field } from "./text.js";

/** The submission form's field ids: the contract between .github/ISSUE_TEMPLATE/submit-paper.yml and here. */
export const SUBMISSION_FIELDS = [
  "title",
  "url",
  "arxiv",
  "date",
  "venue",
  "kind",
  "category",
  "repos",
  "links",
  "image",
  "summary",
  "note",
  "confirm",
] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

export interface BuildContext {
  form: IssueForm;
  categories: readonly Category[];
  /** Ids already in the list: the new id is made different from all of them. */
  existingIds: ReadonlySet<string>;
  /** The clock, passed in: `added` is today's date (UTC). */
  now: Date;
}

export type BuildResult =
  | { ok: true; entry: Entry; warnings: IntakeProblem[] }
  | { ok: false; errors: IntakeProblem[]; warnings: IntakeProblem[] };

/** The kind a dropdown answer names: "論文 / paper" → paper. Empty (field removed from the form) → paper. */
function readKind(field: Field, answer: string, problems: IntakeProblem[]): EntryKind | undefined {
  if (answer.trim() === "") return "paper";
  const words = answer.toLowerCase().split(/[^a-z]+/);
  const kind = KINDS.find((k) => words.includes(k));
  if (kind) return kind;
  problems.push(
    fieldError(field, `${quoteValue(answer)} is not a kind`, `Choose one of: ${KINDS.join(", ")}.`),
  );
  return undefined;
}

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

/** Builds the record from parsed answers. Pure; collects every problem instead of stopping at the first. */
export function buildRecord(answers: IssueAnswers, context: BuildContext): BuildResult {
  const problems: IntakeProblem[] = [];
  const field = (id: SubmissionField): Field => fieldById(context.form, id) ?? { id, label: id };
  const text = (id: SubmissionField): string => {
    const answer = answers[id];
    return typeof answer === "string" ? answer : "";
  };

  const title = cleanLine(field("title"), text("title"), problems);
  if (title === "") problems.push(fieldError(field("title"), "is required", "Write the paper's title."));
  const url = text("url").trim() === "" ? "" : cleanUrl(field("url"), text("url"), problems);
  if (url === "")
    problems.push(
      fieldError(
        field("url"),
        "is required",
        "Paste the paper's page, e.g. https://arxiv.org/abs/2306.15195",
      ),
    );

  const typedArxiv = readArxivId(field("arxiv"), text("arxiv"), problems);
  const linkedArxiv = url ? arxivIdFromUrl(url) : undefined;
  if (typedArxiv && linkedArxiv && typedArxiv.replace(/v\d+$/, "") !== linkedArxiv.replace(/v\d+$/, ""))
    problems.push(
      fieldError(
        field("arxiv"),
        `the arXiv id ${typedArxiv} differs from the one in the link (${linkedArxiv})`,
        "Fix one of them, or leave the arXiv id empty.",
      ),
    );
  const arxiv = typedArxiv ?? linkedArxiv;

  // One-line answers go through the same hygiene as the title before they are read or quoted back.
  const line = (id: SubmissionField) => cleanLine(field(id), text(id), problems);
  let date: string | undefined;
  const dateText = line("date");
  if (dateText) {
    const result = normalizeDate(dateText, context.now);
    if (result.ok) date = result.date;
    else problems.push(fieldError(field("date"), result.message));
  }
  const venue = line("venue");
  const kindText = line("kind");
  const kind = kindText === undefined ? undefined : readKind(field("kind"), kindText, problems);

  let category: string | undefined;
  const categoryText = line("category");
  const categoryAnswer = categoryIdFromOption(categoryText ?? "", context.categories);
  if (categoryAnswer.ok) category = categoryAnswer.id;
  else if (categoryText !== undefined)
    problems.push(
      fieldError(
        field("category"),
        categoryText === "" ? "is required" : categoryAnswer.message,
        "Choose a category from the list.",
      ),
    );

  const repos = readRepos(field("repos"), text("repos"), problems);
  const links = readLinks(field("links"), text("links"), problems);
  const image = readImage(field("image"), text("image"), problems);
  const summary = cleanMarkdown(field("summary"), text("summary"), problems);
  const note = cleanMarkdown(field("note"), text("note"), problems);

  const warnings = problems.filter((p) => p.severity === "warning");
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !title || !url || !kind || !category) return { ok: false, errors, warnings };

  const id = uniqueId(baseIdFromTitle(title, arxiv ? `arxiv-${arxiv}` : ""), context.existingIds);
  const entry: Entry = {
    id,
    title,
    url,
    kind,
    category,
    ...(date ? { date } : {}),
    ...(venue ? { venue } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(repos.length ? { repos } : {}),
    ...(links.length ? { links } : {}),
    ...(image ? { images: [image] } : {}),
    ...(summary ? { summary } : {}),
    ...(note ? { note } : {}),
    added: todayUtc(context.now),
  };
  return { ok: true, entry, warnings };
}
