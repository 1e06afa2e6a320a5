/**
 * What the intake reports about a submission. Messages name the form field by its (bilingual) label and say
 * what was found and what was expected, so the issue comment tells the submitter how to fix the issue body.
 */
export interface IntakeProblem {
  severity: "error" | "warning";
  /** The form field id ("title", "date"…), absent when the problem is about the body as a whole. */
  field?: string;
  /** The field's label as the form shows it ("日期 / Date"), for messages. */
  label?: string;
  /** What is wrong, in one sentence; may quote the submitter's text (escape it before showing it). */
  message: string;
  /** How to fix it, with an example. */
  hint?: string;
  /** 1-based line in the issue body, when the problem has a place there. */
  line?: number;
}

/** A field-level error with its label. */
export function fieldError(
  field: { id: string; label: string },
  message: string,
  hint?: string,
): IntakeProblem {
  return { severity: "error", field: field.id, label: field.label, message, ...(hint ? { hint } : {}) };
}

/** A field-level warning with its label. */
export function fieldWarning(
  field: { id: string; label: string },
  message: string,
  hint?: string,
): IntakeProblem {
  return { severity: "warning", field: field.id, label: field.label, message, ...(hint ? { hint } : {}) };
}

/** Direction controls, invisible and control characters: never echoed as they are (Trojan Source). */
const UNSHOWABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

/** Text with every invisible or direction-changing character shown as <U+XXXX>. */
export function showInvisible(text: string): string {
  return text.replace(
    UNSHOWABLE,
    (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`,
  );
}

/** Quotes a piece of user text inside a message, shortened so one bad field cannot flood the comment. */
export function quoteValue(value: string, max = 80): string {
  const oneLine = showInvisible(value.replace(/\s+/g, " ").trim());
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}
