/**
 * Reads one form answer into a record value by the field's role in the anatomy: the intake's mapping from
 * form answers to a record, written once per role instead of once per field.
 */
import type { NamedField } from "../records/index.js";
import { readArxivId, readImage, readLinks, readRepos } from "./answers.js";
import { DATE_HINT, normalizeDate } from "./dates.js";
import { fieldError, fieldWarning, quoteValue, say, type IntakeProblem } from "./problems.js";
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

/** A Markdown list marker at the start of a line: "- ", "* ", "+ ", "1. ", "1) ". */
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

/**
 * The items of a one-line answer that lists several: "A B, C D, E F", "陳克勤、張釗", "A; B". A single comma
 * between one-word parts ("Chen, Keqin") is one name written surname first, and stays whole.
 */
function listedOnOneLine(line: string): string[] | undefined {
  if (/[、;；]/.test(line)) return line.split(/[、;；,，]/);
  const parts = line.split(/[,，]/).map((part) => part.trim());
  if (parts.length > 2 || (parts.length === 2 && parts.every((p) => /\S\s+\S/.test(p)))) return parts;
  return undefined;
}

/**
 * One name (or tag) per line; blank lines skipped, list markers dropped ("- Keqin Chen" was saved with its
 * dash), each line cleaned like any one-line answer. A single line that lists several is split, with a
 * warning that says so (a name list on one line was saved as one author).
 */
function readLines(field: Field, answer: string, problems: IntakeProblem[]): string[] | undefined {
  const lines = answer
    .split("\n")
    .map((line) => line.replace(LIST_MARKER, ""))
    .filter((line) => line.trim() !== "");
  const split = lines.length === 1 ? listedOnOneLine(lines[0] as string) : undefined;
  const out: string[] = [];
  for (const line of split ?? lines) {
    const text = cleanLine(field, line, problems);
    if (text) out.push(text);
  }
  if (split !== undefined && out.length > 1)
    problems.push(
      fieldWarning(
        field,
        say(
          `已拆成 ${out.length} 項：${out.join("、")}。`,
          `Read as ${out.length} items: ${out.join("; ")}.`,
        ),
        say("不必處理；下次請一行寫一項。", "Nothing to do; next time, put one per line."),
      ),
    );
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
