/**
 * GitHub's issue form syntax ("Syntax for issue forms", "Syntax for GitHub's form schema") and the checks of
 * its "Common validation errors", so that `build --check` refuses a form GitHub would refuse (issue 12,
 * finding 9): unknown keys, a missing label, duplicate ids or labels, duplicate or empty options, the reserved
 * option "None", `render` outside a textarea, a `default` out of range, an id GitHub would not accept.
 * SchemaStore's github-issue-forms.json was the reference read; the checks are the project's own.
 */

type Plain = Record<string, unknown>;

const TOP_KEYS = ["name", "description", "body", "title", "labels", "assignees", "projects", "type"];
const REQUIRED_TOP = ["name", "description", "body"];
/** Per element type: the keys its `attributes` may have, and whether it may carry `id` and `validations`. */
const ELEMENTS: Record<string, { attributes: string[]; required: string[]; submitted: boolean }> = {
  markdown: { attributes: ["value"], required: ["value"], submitted: false },
  input: {
    attributes: ["label", "description", "placeholder", "value"],
    required: ["label"],
    submitted: true,
  },
  textarea: {
    attributes: ["label", "description", "placeholder", "value", "render"],
    required: ["label"],
    submitted: true,
  },
  dropdown: {
    attributes: ["label", "description", "multiple", "options", "default"],
    required: ["label", "options"],
    submitted: true,
  },
  checkboxes: {
    attributes: ["label", "description", "options"],
    required: ["label", "options"],
    submitted: true,
  },
};
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

function asRecord(value: unknown): Plain | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Plain) : undefined;
}

function unknownKeys(record: Plain, allowed: readonly string[], where: string, errors: string[]): void {
  for (const key of Object.keys(record))
    if (!allowed.includes(key))
      errors.push(`${where}: unknown key "${key}"; expected one of ${allowed.join(", ")}`);
}

function checkOptions(type: string, attributes: Plain, where: string, errors: string[]): void {
  const options = attributes.options;
  if (!Array.isArray(options) || options.length === 0) {
    errors.push(`${where}: options must be a non-empty list`);
    return;
  }
  const seen = new Set<string>();
  options.forEach((option: unknown, i) => {
    const record = asRecord(option);
    if (type === "checkboxes") {
      if (!record || typeof record.label !== "string") {
        errors.push(`${where}: option ${i + 1} needs a label`);
        return;
      }
      unknownKeys(record, ["label", "required"], `${where} option ${i + 1}`, errors);
      if (record.required !== undefined && typeof record.required !== "boolean")
        errors.push(`${where} option ${i + 1}: required must be true or false`);
    } else if (typeof option !== "string" && typeof option !== "number") {
      errors.push(`${where}: option ${i + 1} must be text`);
      return;
    }
    const text = String(record ? record.label : option).trim();
    if (text === "") errors.push(`${where}: option ${i + 1} is empty`);
    if (type === "dropdown" && text.toLowerCase() === "none")
      errors.push(`${where}: "None" is a reserved word and cannot be an option`);
    if (seen.has(text)) errors.push(`${where}: option "${text}" appears twice; options must be unique`);
    seen.add(text);
  });
  if (type === "dropdown" && attributes.default !== undefined) {
    const d = attributes.default;
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0 || d >= options.length)
      errors.push(`${where}: default must be the index of an option, 0 to ${options.length - 1}`);
  }
}

function checkElement(element: Plain, index: number, errors: string[]): void {
  const where = `body[${index}]`;
  const type = typeof element.type === "string" ? element.type : "";
  const spec = ELEMENTS[type];
  if (!spec) {
    errors.push(`${where}: type must be one of ${Object.keys(ELEMENTS).join(", ")}`);
    return;
  }
  unknownKeys(
    element,
    spec.submitted ? ["type", "id", "attributes", "validations"] : ["type", "attributes"],
    where,
    errors,
  );
  if (element.id !== undefined && (typeof element.id !== "string" || !ID_PATTERN.test(element.id)))
    errors.push(`${where}: id may only contain letters, digits, "-" and "_"`);
  const attributes = asRecord(element.attributes);
  if (!attributes) {
    errors.push(`${where}: attributes must be a mapping`);
    return;
  }
  if (type === "dropdown" || type === "checkboxes") checkOptions(type, attributes, where, errors);
  if ("render" in attributes && type !== "textarea")
    errors.push(`${where}: render is only allowed on a textarea`);
  unknownKeys(attributes, spec.attributes, `${where}.attributes`, errors);
  for (const key of spec.required)
    if (
      key !== "options" &&
      (typeof attributes[key] !== "string" || (attributes[key] as string).trim() === "")
    )
      errors.push(`${where}: attributes.${key} is required and must be non-empty text`);
  const validations = element.validations;
  if (validations !== undefined) {
    const record = asRecord(validations);
    if (!record) errors.push(`${where}: validations must be a mapping`);
    else {
      unknownKeys(record, ["required"], `${where}.validations`, errors);
      if (record.required !== undefined && typeof record.required !== "boolean")
        errors.push(`${where}: validations.required must be true or false`);
    }
  }
}

/** Every way `root` (an issue form's parsed YAML) breaks GitHub's form syntax; empty when GitHub accepts it. */
export function checkIssueFormSyntax(root: unknown): string[] {
  const errors: string[] = [];
  const form = asRecord(root);
  if (!form) return ["an issue form must be a mapping"];
  unknownKeys(form, TOP_KEYS, "top level", errors);
  for (const key of REQUIRED_TOP) if (form[key] === undefined) errors.push(`top level: ${key} is required`);
  for (const key of ["name", "description", "title"])
    if (form[key] !== undefined && typeof form[key] !== "string")
      errors.push(`top level: ${key} must be text`);
  const body = form.body;
  if (!Array.isArray(body) || body.length === 0) return [...errors, "body must be a non-empty list"];
  const ids = new Set<string>();
  const labels = new Set<string>();
  let submitted = 0;
  body.forEach((item: unknown, index) => {
    const element = asRecord(item);
    if (!element) return errors.push(`body[${index}]: expected a mapping`);
    checkElement(element, index, errors);
    if (element.type !== "markdown") submitted++;
    if (typeof element.id === "string") {
      if (ids.has(element.id))
        errors.push(`body[${index}]: id "${element.id}" is used twice; ids must be unique`);
      ids.add(element.id);
    }
    const label = asRecord(element.attributes)?.label;
    if (typeof label === "string" && element.type !== "markdown") {
      if (labels.has(label))
        errors.push(`body[${index}]: label "${label}" is used twice; labels must be unique`);
      labels.add(label);
    }
  });
  if (submitted === 0) errors.push("body must contain at least one non-markdown field");
  return errors;
}

/** Every way `root` (`.github/ISSUE_TEMPLATE/config.yml`, parsed) breaks GitHub's template chooser syntax. */
export function checkTemplateConfigSyntax(root: unknown): string[] {
  if (root === null || root === undefined) return [];
  const config = asRecord(root);
  if (!config) return ["config.yml must be a mapping"];
  const errors: string[] = [];
  unknownKeys(config, ["blank_issues_enabled", "contact_links"], "config.yml", errors);
  if (config.blank_issues_enabled !== undefined && typeof config.blank_issues_enabled !== "boolean")
    errors.push("config.yml: blank_issues_enabled must be true or false");
  if (config.contact_links !== undefined) {
    if (!Array.isArray(config.contact_links)) errors.push("config.yml: contact_links must be a list");
    else
      config.contact_links.forEach((item: unknown, i) => {
        const link = asRecord(item);
        const where = `config.yml contact_links[${i}]`;
        if (!link) return errors.push(`${where}: expected a mapping`);
        unknownKeys(link, ["name", "url", "about"], where, errors);
        for (const key of ["name", "url", "about"])
          if (typeof link[key] !== "string" || (link[key] as string).trim() === "")
            errors.push(`${where}: ${key} is required and must be non-empty text`);
        if (typeof link.url === "string" && !/^https?:\/\//i.test(link.url))
          errors.push(`${where}: url must be an http(s) URL`);
      });
  }
  return errors;
}
