/**
 * The issue form (`.github/ISSUE_TEMPLATE/*.yml`) as the intake needs it: its fields in order with ids,
 * labels, types and options. The body parser maps `### <label>` headings to field ids through this, so a
 * form edited by the maintainers (new labels, reordered fields) never needs a parser change.
 */
import { isMap, isSeq, parseDocument } from "yaml";
import { checkIssueFormSyntax, checkTemplateConfigSyntax } from "./form-syntax.js";

export type FormFieldType = "input" | "textarea" | "dropdown" | "checkboxes";

export interface FormField {
  /** Stable field id (the form's `id`, or the label when the form gives none). */
  id: string;
  type: FormFieldType;
  label: string;
  required: boolean;
  /** Dropdown options, or checkbox labels. */
  options: string[];
  /** Checkbox labels that must be ticked. */
  requiredOptions: string[];
  /** Dropdown allows several answers (GitHub joins them with ", "). */
  multiple: boolean;
  /** Textarea `render` language: GitHub wraps the answer in a code fence. */
  render?: string;
  /** The help line the form shows under the label ("中文 / English"): messages reuse it as a hint. */
  description?: string;
  /** The example the empty field shows. */
  placeholder?: string;
}

export interface IssueForm {
  name: string;
  /** The input fields in form order; `markdown` elements are not submitted and are left out. */
  fields: FormField[];
}

export type FormResult = { ok: true; form: IssueForm } | { ok: false; errors: string[] };

const FIELD_TYPES: readonly string[] = ["input", "textarea", "dropdown", "checkboxes"];
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

type Plain = Record<string, unknown>;

function asRecord(value: unknown): Plain | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Plain) : undefined;
}

function readField(element: Plain, index: number, errors: string[]): FormField | undefined {
  const where = `body item ${index + 1}`;
  const type = String(element.type ?? "");
  if (type === "markdown") return undefined;
  if (!FIELD_TYPES.includes(type)) {
    errors.push(`${where}: unknown type "${type}"; expected markdown, ${FIELD_TYPES.join(", ")}`);
    return undefined;
  }
  const attributes = asRecord(element.attributes) ?? {};
  const label = typeof attributes.label === "string" ? attributes.label.trim() : "";
  if (label === "") {
    errors.push(`${where}: a ${type} needs attributes.label`);
    return undefined;
  }
  const id = typeof element.id === "string" ? element.id : label;
  if (typeof element.id === "string" && !ID_PATTERN.test(element.id))
    errors.push(`${where}: id "${element.id}" may only contain letters, digits, "-" and "_"`);
  const rawOptions = Array.isArray(attributes.options) ? (attributes.options as unknown[]) : [];
  const options: string[] = [];
  const requiredOptions: string[] = [];
  for (const option of rawOptions) {
    const record = asRecord(option);
    const text = record ? String(record.label ?? "") : String(option);
    options.push(text);
    if (record?.required === true) requiredOptions.push(text);
  }
  if ((type === "dropdown" || type === "checkboxes") && options.length === 0)
    errors.push(`${where} ("${label}"): a ${type} needs at least one option`);
  const validations = asRecord(element.validations) ?? {};
  return {
    id,
    type: type as FormFieldType,
    label,
    required: validations.required === true,
    options,
    requiredOptions,
    multiple: attributes.multiple === true,
    ...(typeof attributes.render === "string" ? { render: attributes.render } : {}),
    ...(typeof attributes.description === "string" ? { description: attributes.description.trim() } : {}),
    ...(typeof attributes.placeholder === "string" ? { placeholder: attributes.placeholder.trim() } : {}),
  };
}

/** Parses an issue form's YAML. Pure; errors say which body item is wrong. */
export function parseIssueForm(text: string): FormResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    return { ok: false, errors: doc.errors.map((e) => `YAML syntax error: ${e.message.split("\n")[0]}`) };
  if (!isMap(doc.contents) || !isSeq(doc.get("body")))
    return { ok: false, errors: ['an issue form needs a "body:" list'] };
  const root = doc.toJS() as Plain;
  const errors: string[] = [];
  const fields: FormField[] = [];
  (root.body as unknown[]).forEach((item, index) => {
    const element = asRecord(item);
    if (!element) errors.push(`body item ${index + 1}: expected a mapping`);
    else {
      const field = readField(element, index, errors);
      if (field) fields.push(field);
    }
  });
  // Headings are matched to fields by label and answers are keyed by id: both must be unique.
  for (const key of ["id", "label"] as const) {
    const seen = new Set<string>();
    for (const field of fields) {
      if (seen.has(field[key])) errors.push(`two fields share the ${key} "${field[key]}"`);
      seen.add(field[key]);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, form: { name: String(root.name ?? ""), fields } };
}

/**
 * Every way an issue form's text breaks GitHub's form syntax and its "common validation errors" (form-syntax.ts);
 * empty when GitHub accepts it. `build --check` runs it, so a hand edit GitHub would refuse fails in CI.
 */
export function validateIssueForm(text: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return doc.errors.map((e) => `YAML syntax error: ${e.message.split("\n")[0]}`);
  return checkIssueFormSyntax(doc.toJS());
}

/** The same for the template chooser's `config.yml`. */
export function validateTemplateConfig(text: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return doc.errors.map((e) => `YAML syntax error: ${e.message.split("\n")[0]}`);
  return checkTemplateConfigSyntax(doc.toJS());
}

/** The field with this id; undefined when the form has none (a maintainer removed it). */
export function fieldById(form: IssueForm, id: string): FormField | undefined {
  return form.fields.find((f) => f.id === id);
}
