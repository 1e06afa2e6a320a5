/**
 * The submission form's fields are generated from the record anatomy: `papershelf build` rewrites the lines
 * between the two marker comments of `.github/ISSUE_TEMPLATE/submit-paper.yml` with one form element per
 * anatomy field that has a `form` spec, in `form.order`. The rest of the form (name, intro text, the
 * confirmation checkbox, comments) stays hand-written and is kept byte for byte.
 */
import { stringify } from "yaml";
import {
  anatomyFields,
  DEFAULT_LABEL_LANGUAGES,
  ENTRY_ANATOMY,
  formIdOf,
  labelIn,
  type Anatomy,
  type Bilingual,
  type LabelLanguage,
  type NamedField,
} from "../records/index.js";

export const FIELDS_START_MARKER = "# papershelf:fields:start";
export const FIELDS_END_MARKER = "# papershelf:fields:end";

/** The anatomy fields the form asks for, in form order. */
export function formFields(anatomy: Anatomy = ENTRY_ANATOMY): (NamedField & { formId: string })[] {
  return anatomyFields(anatomy)
    .flatMap((f) => {
      const formId = formIdOf(f.key, f);
      return formId === undefined ? [] : [{ ...f, formId }];
    })
    .sort((a, b) => (a.form?.order ?? 0) - (b.form?.order ?? 0));
}

/** An example answer in the form's first language (an example is one answer, not a translation). */
function placeholderIn(placeholder: string | Bilingual, languages: readonly LabelLanguage[]): string {
  if (typeof placeholder === "string") return placeholder;
  return languages[0] === "en" ? placeholder.en : placeholder.zh;
}

/** One form element as GitHub's issue-form schema wants it, its words in the list's languages. */
function formElement(
  field: NamedField & { formId: string },
  languages: readonly LabelLanguage[],
): Record<string, unknown> {
  const form = field.form;
  if (!form) throw new Error(`field "${field.key}" has no form spec`);
  // The intake reads an enum answer by its English word ("論文 / paper" → paper), so its options keep it.
  const optionLanguages: readonly LabelLanguage[] =
    field.role === "enum" && !languages.includes("en") ? [...languages, "en"] : languages;
  // A category dropdown's options come from the category tree (form-categories.ts fills them in next).
  const options =
    field.role === "category" ? [] : form.options?.map((option) => labelIn(option, optionLanguages));
  return {
    type: form.type,
    id: field.formId,
    attributes: {
      label: labelIn(field.label, languages),
      description: labelIn(form.description, languages),
      ...(form.placeholder === undefined ? {} : { placeholder: placeholderIn(form.placeholder, languages) }),
      ...(options === undefined ? {} : { options: [...options] }),
      ...(form.default === undefined ? {} : { default: form.default }),
    },
    ...(form.required ? { validations: { required: true } } : {}),
  };
}

/** The YAML of the generated form elements, as items of the `body:` list (two spaces in). */
export function renderFormFields(
  anatomy: Anatomy = ENTRY_ANATOMY,
  languages: readonly LabelLanguage[] = DEFAULT_LABEL_LANGUAGES,
): string {
  const elements = formFields(anatomy).map((field) => formElement(field, languages));
  const yaml = stringify(elements, { lineWidth: 0 });
  return yaml
    .trimEnd()
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

export type FieldsZoneResult = { ok: true; text: string } | { ok: false; errors: string[] };

/**
 * Rewrites the lines between the field markers. A form without the markers is left as it is (a project's
 * own hand-made form); one with a single marker, or the end before the start, is an error.
 */
export function fillFormFields(
  template: string,
  anatomy: Anatomy = ENTRY_ANATOMY,
  languages: readonly LabelLanguage[] = DEFAULT_LABEL_LANGUAGES,
): FieldsZoneResult {
  const lines = template.split("\n");
  const start = lines.findIndex((l) => l.trim().startsWith(FIELDS_START_MARKER));
  const end = lines.findIndex((l) => l.trim().startsWith(FIELDS_END_MARKER));
  if (start === -1 && end === -1) return { ok: true, text: template };
  if (start === -1 || end === -1 || end < start)
    return {
      ok: false,
      errors: [
        `the generated fields need "${FIELDS_START_MARKER}" and then "${FIELDS_END_MARKER}", each on its own line`,
      ],
    };
  const text = [...lines.slice(0, start + 1), renderFormFields(anatomy, languages), ...lines.slice(end)].join(
    "\n",
  );
  return { ok: true, text };
}
