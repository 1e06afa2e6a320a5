/**
 * The issue body GitHub writes for an issue form, back to answers keyed by field id. GitHub writes each field
 * as `### <label>`, a blank line, the answer; we split only on `### ` lines whose text is a label of the
 * form, in form order, outside fences, so a `###` typed inside an answer stays part of it.
 */
import { closesFence, openingFence, type Fence, oneLine } from "../records/index.js";
import { parseAtxHeading } from "../markdown/index.js";
import type { FormField, IssueForm } from "./form.js";
import { bodyProblem, fieldError, fieldWarning, quoteValue, say, type IntakeProblem } from "./problems.js";
import { requiredFieldProblem } from "./required-hints.js";

/** GitHub refuses issue bodies over 65,536 characters; anything longer did not come from GitHub. */
export const MAX_BODY_CHARS = 65_536;

const NO_RESPONSE = "_No response_";
/** What GitHub writes for a dropdown left empty. Only dropdowns: a typed "None" in a textarea is an answer. */
const NO_SELECTION = "None";

/** Text answers are strings ("" when empty); multi-select dropdowns and checkboxes are lists of labels. */
export type IssueAnswers = Record<string, string | string[]>;

export type BodyResult =
  | { ok: true; answers: IssueAnswers; warnings: IntakeProblem[] }
  | {
      ok: false;
      errors: IntakeProblem[];
      answers: IssueAnswers;
      warnings: IntakeProblem[];
      /** The body could not be split into fields (too long, a heading repeated): the answers mean nothing. */
      unreadable?: true;
    };

interface Section {
  field: FormField;
  /** 1-based body line of the heading. */
  line: number;
  lines: string[];
}

const normalizeLabel = (label: string) => oneLine(label.normalize("NFC")).toLowerCase();

/**
 * A field heading outside code fences more than once: GitHub writes each heading once, so one copy was typed
 * into an answer, and which one is a guess (`intro\n### 備註 / Note\nmore` in the 摘要 would cut it in two).
 */
function repeatedHeading(label: string, lines: readonly number[]): IntakeProblem {
  const shown = lines.slice(0, 5).map((l) => l + 1);
  const where =
    lines.length > 5 ? `${shown.join(", ")}, …` : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  const heading = quoteValue(`### ${label}`);
  return bodyProblem(
    "error",
    say(
      `標題行 ${heading} 出現了 ${lines.length} 次（第 ${shown.join("、")}${lines.length > 5 ? "…" : ""} 行），但 GitHub 每個欄位只寫一次。`,
      `The heading ${heading} appears ${lines.length} times (lines ${where}); GitHub writes each field's heading once.`,
    ),
    say(
      "如果它是你答案的一部分，請放進程式碼區塊（```）或去掉開頭的「### 」，機器人才分得出答案在哪裡結束。",
      'Where it is part of your answer, put it inside a code fence (```) or write it without "### ", so the bot need not guess where the answer ends.',
    ),
  );
}

/**
 * Splits the body into one section per field heading. A `### <label>` line (or any ATX heading GitHub
 * shows) starts a field when it names a later field than the current one, or one whose section
 * has not begun (the headings moved around), and is outside a code fence. Inside a fence it is still the field's
 * heading when no later line repeats it: GitHub writes each heading once, after the answers before it, so
 * a fence a submitter forgot to close cannot swallow the fields after it. Fences never span fields.
 * A field heading found more than once outside fences is an error (`repeatedHeading`), not a guess.
 */
function splitSections(
  lines: readonly string[],
  form: IssueForm,
  warnings: IntakeProblem[],
  errors: IntakeProblem[],
): Section[] {
  const byLabel = new Map(form.fields.map((field, index) => [normalizeLabel(field.label), { field, index }]));
  // Any heading GitHub shows: a submitter who edits the issue may write `## Summary`, ` ### Summary` or
  // `### Summary ###`, and the bot read none of them as the field's.
  const fieldOf = (line: string) => {
    const heading = parseAtxHeading(line);
    return heading === undefined ? undefined : byLabel.get(normalizeLabel(heading.content));
  };
  const lastLine = new Map<number, number>();
  lines.forEach((line, i) => {
    const match = fieldOf(line);
    if (match) lastLine.set(match.index, i);
  });
  /** Fields whose section has begun. */
  const started = new Set<number>();
  const sections: Section[] = [];
  /** Lines of each field's heading outside fences, by field index. */
  const unfenced = new Map<number, number[]>();
  /** Field headings read as text: a warning, unless the repeat is an error anyway. */
  const keptAsText: { index: number; warning: IntakeProblem }[] = [];
  let currentIndex = -1;
  let fence: Fence | undefined;
  lines.forEach((line, i) => {
    const current = sections[sections.length - 1];
    const match = fieldOf(line);
    if (match || line.startsWith("### ")) {
      const heading = parseAtxHeading(line)?.content ?? line.slice(4);
      if (match && !fence) unfenced.set(match.index, [...(unfenced.get(match.index) ?? []), i]);
      // A later field, or one whose section has not begun (a body edited into another order).
      const opens = match !== undefined && (match.index > currentIndex || !started.has(match.index));
      if (match && opens && (!fence || lastLine.get(match.index) === i)) {
        sections.push({ field: match.field, line: i + 1, lines: [] });
        started.add(match.index);
        currentIndex = match.index;
        fence = undefined;
        return;
      }
      if (!fence) {
        const shown = quoteValue(heading);
        const inAnswer = current ? `「${current.field.label}」的答案裡` : "";
        const where = current ? `inside the answer to "${current.field.label}"` : "before the first field";
        const message = !current
          ? say(
              `第一個欄位之前的標題行 ${shown} 不是這個表單的欄位，已略過。`,
              `The heading ${shown} ${where} is not a field of this form; it was ignored.`,
            )
          : match
            ? say(
                `標題行 ${shown} 在${inAnswer}又出現一次，已當作文字保留。`,
                `The heading ${shown} appears again ${where}; it was kept as text.`,
              )
            : say(
                `標題行 ${shown} 不是這個表單的欄位，已當作${inAnswer}的文字保留。`,
                `The heading ${shown} is not a field of this form; it was kept as text ${where}.`,
              );
        const warning: IntakeProblem = {
          ...bodyProblem(
            "warning",
            message,
            say(
              "若這不是你的本意，請編輯 issue，刪掉這一行開頭的「### 」。",
              'If that is not what you meant, edit the issue and remove the "### " at the start of that line.',
            ),
            { line: i + 1 },
          ),
          ...(current ? { field: current.field.id, label: current.field.label } : {}),
        };
        if (match) keptAsText.push({ index: match.index, warning });
        else warnings.push(warning);
        if (!current) return;
      }
    }
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else fence = openingFence(line);
    if (current) current.lines.push(line);
    else if (line.trim() !== "")
      warnings.push(
        bodyProblem(
          "warning",
          say("第一個欄位之前的文字已略過。", "Text before the first field was ignored."),
          say(
            "請把它移到適當的欄位（例如 備註 / Note）裡。",
            "Move it into the field it belongs to (the note, for example).",
          ),
          { line: i + 1 },
        ),
      );
  });
  for (const [index, at] of unfenced)
    if (at.length > 1) errors.push(repeatedHeading(form.fields[index]?.label ?? "", at));
  for (const { index, warning } of keptAsText)
    if ((unfenced.get(index)?.length ?? 0) <= 1) warnings.push(warning);
  return sections;
}

/** Removes the blank lines GitHub puts around an answer, and trailing spaces. */
function trimBlankLines(lines: readonly string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? "").trim() === "") start++;
  while (end > start && (lines[end - 1] ?? "").trim() === "") end--;
  return lines.slice(start, end).join("\n").trimEnd();
}

/** A `render:` textarea arrives as ```lang … ```; the answer is what is inside. */
function unwrapRendered(value: string): string {
  const lines = value.split("\n");
  const first = lines[0] ?? "";
  const last = lines[lines.length - 1] ?? "";
  if (lines.length >= 2 && /^```[^`]*$/.test(first) && /^```\s*$/.test(last))
    return trimBlankLines(lines.slice(1, -1));
  return value;
}

/**
 * Splits a multi-select answer. GitHub joins options with ", ", so an option that itself contains ", "
 * cannot be split on commas: match the known options from the left instead.
 */
function splitMultiple(value: string, options: readonly string[]): string[] | undefined {
  if (value === "") return [];
  const sorted = [...options].sort((a, b) => b.length - a.length);
  // Memoised by offset: options that prefix each other must not make the backtracking exponential.
  const memo = new Map<number, string[] | undefined>();
  const walk = (at: number): string[] | undefined => {
    if (memo.has(at)) return memo.get(at);
    let found: string[] | undefined;
    for (const option of sorted) {
      if (value.length - at === option.length && value.endsWith(option)) found = [option];
      else if (value.startsWith(`${option}, `, at)) {
        const tail = walk(at + option.length + 2);
        if (tail) found = [option, ...tail];
      }
      if (found) break;
    }
    memo.set(at, found);
    return found;
  };
  return walk(0);
}

function readCheckboxes(field: FormField, value: string, errors: IntakeProblem[]): string[] {
  const checked: string[] = [];
  for (const line of value.split("\n")) {
    if (line.trim() === "") continue;
    const match = /^\s*[-*] \[([ xX])\] (.*)$/.exec(line);
    const label = match?.[2]?.trim();
    if (!match || label === undefined || !field.options.includes(label)) {
      errors.push(
        fieldError(
          field,
          say(
            `${quoteValue(line)} 不是這個欄位的勾選項目。`,
            `${quoteValue(line)} is not one of this field's checkboxes.`,
          ),
          say(
            "請編輯 issue，勾選表單原有的方框，不要改動它們的文字。",
            "Edit the issue and tick the boxes of the form instead of changing their text.",
          ),
        ),
      );
      continue;
    }
    if (match[1] !== " ") checked.push(label);
  }
  return checked;
}

function readAnswer(section: Section | undefined, field: FormField, errors: IntakeProblem[]) {
  let value = section ? trimBlankLines(section.lines) : "";
  if (field.type === "checkboxes") return readCheckboxes(field, value, errors);
  if (value === NO_RESPONSE) value = "";
  // Text written under the placeholder when the issue was edited later: the placeholder is not the answer.
  else if (value.startsWith(`${NO_RESPONSE}\n`)) value = trimBlankLines(value.split("\n").slice(1));
  if (field.type === "textarea" && field.render !== undefined) value = unwrapRendered(value);
  if (field.type === "input") value = value.trim();
  if (field.type !== "dropdown") return value;
  if (value === NO_SELECTION) value = "";
  if (!field.multiple) return value;
  // A multi-select answer that is not a join of the current options (the form changed since the issue was
  // opened, or the body was edited) falls back to GitHub's own separator.
  return splitMultiple(value, field.options) ?? value.split(", ").filter((v) => v !== "");
}

function isEmpty(answer: string | string[]): boolean {
  return Array.isArray(answer) ? answer.length === 0 : answer === "";
}

/**
 * Parses an issue body through its form: every field of the form gets an answer ("" or [] when empty or
 * missing). Pure; never throws. Errors name the field and say what was expected. Dropdown answers are
 * returned as written, not checked against the options: the category options are regenerated as the list
 * grows, so an answer from an older form must still reach `buildRecord`, which maps it by its id.
 */
export function parseIssueBody(body: string, form: IssueForm): BodyResult {
  const warnings: IntakeProblem[] = [];
  if (body.length > MAX_BODY_CHARS)
    return {
      ok: false,
      unreadable: true,
      answers: {},
      warnings,
      errors: [
        bodyProblem(
          "error",
          say(
            `issue 內文有 ${body.length} 個字元，GitHub 最多只允許 ${MAX_BODY_CHARS} 個。`,
            `The issue body has ${body.length} characters; GitHub allows at most ${MAX_BODY_CHARS}.`,
          ),
          say("請縮短 摘要 / Summary 後再送出。", "Shorten the 摘要 / Summary and submit again."),
        ),
      ],
    };
  // A body saved by an editor that starts files with a byte-order mark (`intake --body file.md`) would hide
  // its first heading, and with it the first field.
  const lines = body
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const errors: IntakeProblem[] = [];
  const sections = splitSections(lines, form, warnings, errors);
  // Where a heading repeats, the sections are a guess: report that alone, not what the guess would say.
  if (errors.length > 0) return { ok: false, unreadable: true, errors, answers: {}, warnings: [] };
  const answers: IssueAnswers = {};
  for (const field of form.fields) {
    const section = sections.find((s) => s.field === field);
    const answer = readAnswer(section, field, errors);
    answers[field.id] = answer;
    const required = field.required || field.requiredOptions.length > 0;
    if (!section) {
      const problem = (required ? fieldError : fieldWarning)(
        field,
        say("issue 內文裡少了這個欄位。", "This field is missing from the issue body."),
        required
          ? say(
              `請編輯 issue，加上一行「### ${field.label}」，下面空一行再寫答案。`,
              `Edit the issue and add the line "### ${field.label}", then a blank line and your answer.`,
            )
          : say(
              `不必處理；要填的話，加上一行「### ${field.label}」，下面空一行再寫答案。`,
              `Nothing to do; to answer it, add the line "### ${field.label}", then a blank line and your answer.`,
            ),
      );
      (required ? errors : warnings).push(problem);
    } else if (field.required && isEmpty(answer)) {
      errors.push(requiredFieldProblem(field));
    }
    const ticked = Array.isArray(answer) ? answer : [];
    for (const option of field.requiredOptions)
      if (section && !ticked.includes(option))
        errors.push(
          fieldError(
            field,
            say(`還沒有勾選 ${quoteValue(option)}。`, `${quoteValue(option)} is not ticked.`),
            say(
              "請編輯 issue，確認之後勾選這個方框。",
              "Edit the issue and tick this box once you have checked it.",
            ),
          ),
        );
  }
  if (errors.length > 0) return { ok: false, errors, answers, warnings };
  return { ok: true, answers, warnings };
}
