/**
 * Text hygiene for submitted answers. The policy, per character class:
 * - bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) are REJECTED in every field: they make the
 *   text reviewers see differ from the text stored (Trojan Source, CVE-2021-42574), a paper's title or 摘要
 *   never needs them, and silently stripping them could change what the submitter meant to show;
 * - other control characters are rejected everywhere (tabs are allowed in Markdown);
 * - zero-width and other invisible characters (U+200B–200D, U+2060–2064, U+FEFF, U+00AD, tag characters) are
 *   STRIPPED from one-line fields, where they come from copy-pasting PDFs and only break search and
 *   duplicate detection, but kept in Markdown, where ZWJ builds emoji and ZWNJ is needed by some scripts;
 * - URLs must be plain http(s) URLs: any invisible character there is an error.
 */
import type { FormField } from "./form.js";
import { checkMarkdownLimits, describeMarkdownLimit } from "../records/index.js";
import { fieldError, fieldWarning, quoteValue, type IntakeProblem } from "./problems.js";

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex -- as above, plus the newline and tab one-line fields refuse
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF\u{E0000}-\u{E007F}]/gu;
/** Characters that are never part of a URL as written, and that would end a Markdown link or HTML attribute. */
const URL_BREAKERS = /[\s<>"'`\\]/u;
/** Longer URLs are not links to papers; browsers and GitHub start truncating near here. */
const MAX_URL_CHARS = 2_000;
/** Titles, venues, labels: a line, not a paragraph. */
const MAX_LINE_CHARS = 500;

export type Field = Pick<FormField, "id" | "label">;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function rejectControls(field: Field, value: string, pattern: RegExp, problems: IntakeProblem[]): boolean {
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) {
    problems.push(
      fieldError(
        field,
        `contains an invisible text-direction control (${codePoint(bidi[0])}) at character ${bidi.index + 1}`,
        "Retype the text instead of pasting it; direction controls can make what reviewers see differ from what is saved.",
      ),
    );
    return false;
  }
  const control = pattern.exec(value);
  if (control) {
    problems.push(
      fieldError(
        field,
        `contains a control character (${codePoint(control[0])}) at character ${control.index + 1}`,
        "Retype the text instead of pasting it.",
      ),
    );
    return false;
  }
  return true;
}

/** A one-line answer: trimmed, inner whitespace collapsed, invisible characters stripped (with a warning). */
export function cleanLine(field: Field, value: string, problems: IntakeProblem[]): string | undefined {
  const trimmed = value.trim();
  if (/[\r\n]/.test(trimmed)) {
    problems.push(fieldError(field, "should be one line, but has several", "Put it on a single line."));
    return undefined;
  }
  const spaced = trimmed.replace(/[\t\u00A0\u3000]+/g, " ");
  if (!rejectControls(field, spaced, LINE_CONTROL, problems)) return undefined;
  const stripped = spaced.replace(INVISIBLE, "");
  if (stripped !== spaced) problems.push(fieldWarning(field, "invisible zero-width characters were removed"));
  const result = stripped.replace(/ {2,}/g, " ").trim();
  if (result.length > MAX_LINE_CHARS) {
    problems.push(fieldError(field, `is ${result.length} characters long; at most ${MAX_LINE_CHARS}`));
    return undefined;
  }
  return result;
}

/**
 * Markdown (摘要, note): direction and control characters rejected, nesting and size bounded (so no parser
 * downstream stalls or overflows its stack: see markdown-limits.ts), everything else kept as written.
 */
export function cleanMarkdown(field: Field, value: string, problems: IntakeProblem[]): string | undefined {
  if (!rejectControls(field, value, CONTROL, problems)) return undefined;
  const tooComplex = checkMarkdownLimits(value);
  if (tooComplex) {
    const { message, hint } = describeMarkdownLimit(tooComplex);
    problems.push(fieldError(field, message, hint));
    return undefined;
  }
  return value.replace(/^\uFEFF/, "").trimEnd();
}

/** An http(s) URL as written (never rewritten: the submitter's link is kept byte for byte). */
export function cleanUrl(
  field: Field,
  value: string,
  problems: IntakeProblem[],
  what = "the link",
): string | undefined {
  const url = value.trim();
  const invisible = new RegExp(INVISIBLE.source, "u").exec(url);
  if (invisible) {
    problems.push(
      fieldError(
        field,
        `${what} contains an invisible character (${codePoint(invisible[0])}) at character ${invisible.index + 1}`,
        "Retype the URL instead of pasting it.",
      ),
    );
    return undefined;
  }
  if (!rejectControls(field, url, LINE_CONTROL, problems)) return undefined;
  if (!/^https?:\/\//i.test(url) || URL_BREAKERS.test(url) || !URL.canParse(url)) {
    problems.push(
      fieldError(
        field,
        `${what} ${quoteValue(url)} is not an http(s) URL`,
        "Write the full address, e.g. https://arxiv.org/abs/2306.15195",
      ),
    );
    return undefined;
  }
  if (url.length > MAX_URL_CHARS) {
    problems.push(fieldError(field, `${what} is ${url.length} characters long; at most ${MAX_URL_CHARS}`));
    return undefined;
  }
  return url;
}
