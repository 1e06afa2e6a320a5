/**
 * Reads one form answer into a record value by the field's role in the anatomy: the intake's mapping from
 * form answers to a record, written once per role instead of once per field.
 */
import type { NamedField } from "../records/index.js";
import { readArxivId, readImage, readLinks, readRepos } from "./answers.js";
import { DATE_HINT, normalizeDate } from "./dates.js";
import { fieldError, quoteValue, say, type IntakeProblem } from "./problems.js";
import { cleanLine, cleanMarkdown, cleanUrl, type Field } from "./text.js";

/** The value a dropdown answer names: "論文 / paper" → paper. Empty (field removed from the form) → the default. */
function readChoice(
  spec: NamedField,
  field: Field,
  answer: string,
  problems: IntakeProblem[],
): string | undefined {
  const values = spec.values ?? [];
  if (answer.trim() === "") return values[spec.form?.default ?? 0];
  const words = answer.toLowerCase().split(/[^a-z0-9-]+/);
  const value = values.find((v) => words.includes(v));
  if (value !== undefined) return value;
  problems.push({
    ...fieldError(
      field,
      say(
        `${quoteValue(answer)} 不是可選的${field.label.split(" / ")[0] ?? spec.key}。`,
        `${quoteValue(answer)} is not a ${spec.key}.`,
      ),
      say(`請從下面選一項：${values.join("、")}。`, `Choose one of: ${values.join(", ")}.`),
    ),
    choices: values,
  });
  return undefined;
}

/** One name (or tag) per line; blank lines skipped, each line cleaned like any one-line answer. */
function readLines(field: Field, answer: string, problems: IntakeProblem[]): string[] | undefined {
  const out: string[] = [];
  for (const line of answer.split("\n")) {
    const text = cleanLine(field, line, problems);
    if (text) out.push(text);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * The record value of one answer, or undefined when the answer is empty or wrong (the problem is recorded).
 * `now` reads relative dates and bounds years.
 */
export function readAnswer(
  spec: NamedField,
  field: Field,
  answer: string,
  problems: IntakeProblem[],
  now: Date,
): unknown {
  switch (spec.role) {
    case "line":
      return cleanLine(field, answer, problems) || undefined;
    case "markdown":
      return cleanMarkdown(field, answer, problems) || undefined;
    case "names":
    case "tags":
      return readLines(field, answer, problems);
    case "url":
      return answer.trim() === "" ? undefined : cleanUrl(field, answer, problems);
    case "enum": {
      const text = cleanLine(field, answer, problems);
      return text === undefined ? undefined : readChoice(spec, field, text, problems);
    }
    case "date": {
      const text = cleanLine(field, answer, problems);
      if (!text) return undefined;
      const result = normalizeDate(text, now);
      if (result.ok) return result.date;
      problems.push(
        fieldError(
          field,
          say(result.zh, `${result.message.charAt(0).toUpperCase()}${result.message.slice(1)}.`),
          DATE_HINT,
        ),
      );
      return undefined;
    }
    case "arxiv":
      return readArxivId(field, answer, problems) ?? undefined;
    case "labelled-urls": {
      if (spec.item === "repo") return nonEmpty(readRepos(field, answer, problems));
      if (spec.item === "link") return nonEmpty(readLinks(field, answer, problems));
      const image = readImage(field, answer, problems);
      return image ? [image] : undefined;
    }
    default:
      // id, category, doi, ignores: not asked for in a form, or read by buildRecord itself (the category).
      return undefined;
  }
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
