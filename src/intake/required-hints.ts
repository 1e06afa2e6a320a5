/**
 * The answer to a required field left empty: what the field wants, in the form's own words. The form's
 * description is "中文 / English" (generated from the record anatomy), its placeholder an example; a dropdown's
 * options are listed, since an issue being edited shows its raw Markdown, not the dropdown.
 */
import type { FormField } from "./form.js";
import { fieldError, say, type Bilingual, type IntakeProblem } from "./problems.js";
import { oneLine } from "../records/index.js";

/** The field's description split into its Chinese and English halves (the whole text for both when unsplit). */
function describe(field: Pick<FormField, "description">): Bilingual | undefined {
  const text = field.description === undefined ? undefined : oneLine(field.description);
  if (!text) return undefined;
  const at = text.indexOf(" / ");
  if (at === -1) return { zh: text, en: text };
  return { zh: text.slice(0, at).trim(), en: text.slice(at + 3).trim() };
}

/** Ends a sentence that may already end in punctuation. */
const sentence = (text: string, stop: string) => (/[.。!！?？]$/.test(text) ? text : `${text}${stop}`);

/** How to fill a field in: its description and example, or its options. */
export function fillInHint(
  field: Pick<FormField, "type" | "description" | "placeholder" | "options">,
): Bilingual {
  const about = describe(field);
  const example = field.placeholder?.split("\n")[0]?.trim();
  if (field.type === "dropdown" && field.options.length > 0)
    return say(
      "請編輯 issue，在這個標題下照抄下面其中一項。",
      "Edit the issue and write one of these under the heading, exactly as shown.",
    );
  const zh = about ? `請編輯 issue 填寫：${sentence(about.zh, "。")}` : "請編輯 issue，填寫這個欄位。";
  const en = about
    ? `Edit the issue and fill it in: ${sentence(about.en, ".")}`
    : "Edit the issue and fill this field in.";
  return example ? say(`${zh}例如：${example}`, `${en} For example: ${example}`) : say(zh, en);
}

/** A required field left empty, with the hint the form itself gives. */
export function requiredFieldProblem(
  field: Pick<FormField, "id" | "label" | "type" | "description" | "placeholder" | "options">,
  hint: Bilingual = fillInHint(field),
): IntakeProblem {
  const problem = fieldError(
    field,
    say("這個欄位必填，但沒有填寫。", "This field is required but was left empty."),
    hint,
  );
  return field.type === "dropdown" && field.options.length > 0
    ? { ...problem, choices: field.options }
    : problem;
}
