/**
 * What the intake reports about a submission. Every problem is said twice, 中文 first, then English (the
 * submission form is bilingual and so are its submitters), and always says how to fix it. Messages name the
 * form field by its (bilingual) label; internal ids (rule ids, entry ids) stay out of the sentences.
 */
import { oneLine, shorten } from "../records/index.js";

export interface IntakeProblem {
  severity: "error" | "warning";
  /** The form field id ("title", "date"…), absent when the problem is about the body as a whole. */
  field?: string;
  /** The field's label as the form shows it ("日期 / Date"), for messages. */
  label?: string;
  /** What is wrong, in one English sentence; may quote the submitter's text (escape it before showing it). */
  message: string;
  /** The same in Chinese, shown first. */
  zh: string;
  /** How to fix it, with an example. */
  hint: string;
  /** The same in Chinese. */
  hintZh: string;
  /** 1-based line in the issue body, when the problem has a place there. */
  line?: number;
  /** What kind of problem this is for code (a lint rule id, "duplicate"): kept out of the visible comment. */
  code?: string;
  /** The valid answers to copy under the field's heading, closest to what was typed first. */
  choices?: readonly string[];
  /** Markdown links the comment shows under the problem (the listed entry a duplicate repeats). */
  links?: readonly ProblemLink[];
}

/** A link a problem points the submitter to; both parts are plain text, escaped where shown. */
export interface ProblemLink {
  text: string;
  url: string;
}

/** One thing said in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** `say("中文", "English")`: a sentence in both languages, Chinese first as the comment shows it. */
export function say(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** A problem about the whole body or the list (no field). */
export function bodyProblem(
  severity: IntakeProblem["severity"],
  message: Bilingual,
  hint: Bilingual,
  extra: Pick<IntakeProblem, "line" | "code" | "links" | "choices"> = {},
): IntakeProblem {
  return { severity, message: message.en, zh: message.zh, hint: hint.en, hintZh: hint.zh, ...extra };
}

/** A field-level error with its label. */
export function fieldError(
  field: { id: string; label: string },
  message: Bilingual,
  hint: Bilingual,
): IntakeProblem {
  return { ...bodyProblem("error", message, hint), field: field.id, label: field.label };
}

/** A field-level warning with its label. */
export function fieldWarning(
  field: { id: string; label: string },
  message: Bilingual,
  hint: Bilingual,
): IntakeProblem {
  return { ...bodyProblem("warning", message, hint), field: field.id, label: field.label };
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
  return JSON.stringify(shorten(showInvisible(oneLine(value)), max));
}
