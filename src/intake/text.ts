/**
 * Text hygiene for submitted answers. The policy, per character class:
 * - bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) are REJECTED in every field: they make the
 *   text reviewers see differ from the text stored (Trojan Source, CVE-2021-42574), a paper's title or 摘要
 *   never needs them, and silently stripping them could change what the submitter meant to show;
 * - other control characters are rejected everywhere (tabs are allowed in Markdown);
 * - zero-width and other invisible characters (U+200B–200D, U+2060–2064, U+FEFF, U+00AD, tag characters) are
 *   STRIPPED from one-line fields, where they come from copy-pasting PDFs and only break search and
 *   duplicate detection, but kept in Markdown; a joiner that builds an emoji or shapes a Persian or Indic
 *   word is kept in one-line fields too (records/joiners.ts);
 * - URLs must be plain http(s) URLs: any invisible character there is an error.
 */
import type { FormField } from "./form.js";
import { checkMarkdownLimits, describeMarkdownLimit } from "../markdown/index.js";
import { isMeaningfulJoiner } from "../records/index.js";
import { trimUrl } from "../urls/index.js";
import { fieldError, fieldWarning, quoteValue, say, type Bilingual, type IntakeProblem } from "./problems.js";

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

/** The Markdown limit a field passed, in Chinese (describeMarkdownLimit says it in English). */
function markdownLimitZh(problem: NonNullable<ReturnType<typeof checkMarkdownLimits>>): string {
  const n = (value: number) => value.toLocaleString("en-US");
  switch (problem.limit) {
    case "depth":
      return `第 ${problem.line} 行的引用、清單或縮排有 ${n(problem.found)} 層，最多 ${problem.max} 層。`;
    case "lines":
      return `共有 ${n(problem.found)} 行，最多 ${n(problem.max)} 行。`;
    case "delimiters":
      return `強調符號與括號（* _ ~ [）超過 ${n(problem.max)} 個。`;
    case "containers":
      return `清單項目和引用符號有 ${n(problem.found)} 個，最多 ${n(problem.max)} 個。`;
    case "scans":
      return `同一段落裡的右方括號（]）或 HTML 註解、宣告的開頭（<!、<?）太多（計算量 ${n(problem.found)}，最多 ${n(problem.max)}）。`;
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function rejectControls(field: Field, value: string, pattern: RegExp, problems: IntakeProblem[]): boolean {
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) {
    problems.push(
      fieldError(
        field,
        say(
          `第 ${bidi.index + 1} 個字元是看不見的文字方向控制字元（${codePoint(bidi[0])}）。`,
          `Contains an invisible text-direction control (${codePoint(bidi[0])}) at character ${bidi.index + 1}.`,
        ),
        say(
          "請重新打字，不要貼上；方向控制字元會讓審閱者看到的和存下來的不一樣。",
          "Retype the text instead of pasting it; direction controls can make what reviewers see differ from what is saved.",
        ),
      ),
    );
    return false;
  }
  const control = pattern.exec(value);
  if (control) {
    problems.push(
      fieldError(
        field,
        say(
          `第 ${control.index + 1} 個字元是控制字元（${codePoint(control[0])}）。`,
          `Contains a control character (${codePoint(control[0])}) at character ${control.index + 1}.`,
        ),
        say("請重新打字，不要貼上。", "Retype the text instead of pasting it."),
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
    problems.push(
      fieldError(
        field,
        say("應該只有一行，但寫了好幾行。", "Should be one line, but has several."),
        say("請寫在同一行。", "Put it on a single line."),
      ),
    );
    return undefined;
  }
  const spaced = trimmed.replace(/[\t\u00A0\u3000]+/g, " ");
  if (!rejectControls(field, spaced, LINE_CONTROL, problems)) return undefined;
  // A joiner inside an emoji or a Persian or Indic word stays: it is part of the text (records/joiners.ts).
  const stripped = spaced.replace(INVISIBLE, (char: string, at: number, whole: string) =>
    isMeaningfulJoiner(whole, at) ? char : "",
  );
  if (stripped !== spaced)
    problems.push(
      fieldWarning(
        field,
        say("已移除看不見的零寬字元。", "Invisible zero-width characters were removed."),
        say(
          "不必處理：預覽顯示的就是會存下來的文字。",
          "Nothing to do: the preview shows the text as it will be saved.",
        ),
      ),
    );
  const result = stripped.replace(/ {2,}/g, " ").trim();
  if (result.length > MAX_LINE_CHARS) {
    problems.push(
      fieldError(
        field,
        say(
          `長度是 ${result.length} 個字元，最多 ${MAX_LINE_CHARS} 個。`,
          `Is ${result.length} characters long; at most ${MAX_LINE_CHARS}.`,
        ),
        say("請縮短到一行能讀完的長度。", "Shorten it to a line a reader takes in at once."),
      ),
    );
    return undefined;
  }
  return result;
}

/**
 * Markdown (摘要, note): direction and control characters rejected, nesting and size bounded (so no parser
 * downstream stalls or overflows its stack: see src/markdown/limits.ts), everything else kept as written.
 */
export function cleanMarkdown(field: Field, value: string, problems: IntakeProblem[]): string | undefined {
  if (!rejectControls(field, value, CONTROL, problems)) return undefined;
  const tooComplex = checkMarkdownLimits(value);
  if (tooComplex) {
    const { message, hint } = describeMarkdownLimit(tooComplex);
    problems.push(
      fieldError(
        field,
        say(markdownLimitZh(tooComplex), `The text ${message}.`),
        say("請改寫成一般的段落或少量清單（程式碼放進 ``` 區塊）；更長的內容請放在論文頁面。", hint),
      ),
    );
    return undefined;
  }
  // Unicode's line and paragraph separators, as the line breaks they stand for: kept raw, YAML 1.1 tools
  // read them as breaks and Markdown does not, so the stored text meant two things.
  return value
    .replace(/^\uFEFF/, "")
    .replace(/\u2029/g, "\n\n")
    .replace(/\u2028/g, "\n")
    .trimEnd();
}

/**
 * An http(s) URL as written, but for the punctuation of the sentence it was copied out of ("….15195." or
 * "….15195。"), which is cut off with a warning: kept, it made a dead link, and a duplicate of a listed
 * paper went unnoticed (no arXiv id is read from "2306.15195.").
 */
export function cleanUrl(
  field: Field,
  value: string,
  problems: IntakeProblem[],
  what: Bilingual = say("連結", "the link"),
): string | undefined {
  const written = value.trim();
  const trimmed = trimUrl(written);
  const url = trimmed === "" ? written : trimmed;
  if (url !== written) {
    const tail = quoteValue(written.slice(url.length));
    problems.push(
      fieldWarning(
        field,
        say(
          `已刪掉${what.zh}最後的標點 ${tail}。`,
          `Removed the punctuation ${tail} at the end of ${what.en}.`,
        ),
        say("不必處理，除非網址本來就以它結尾。", "Nothing to do, unless the address really ends in it."),
      ),
    );
  }
  const invisible = new RegExp(INVISIBLE.source, "u").exec(url);
  if (invisible) {
    problems.push(
      fieldError(
        field,
        say(
          `${what.zh}的第 ${invisible.index + 1} 個字元是看不見的字元（${codePoint(invisible[0])}）。`,
          `${capitalize(what.en)} contains an invisible character (${codePoint(invisible[0])}) at character ${invisible.index + 1}.`,
        ),
        say("請重新打字，不要貼上。", "Retype the URL instead of pasting it."),
      ),
    );
    return undefined;
  }
  if (!rejectControls(field, url, LINE_CONTROL, problems)) return undefined;
  if (!/^https?:\/\//i.test(url) || URL_BREAKERS.test(url) || !URL.canParse(url)) {
    problems.push(
      fieldError(
        field,
        say(
          `${what.zh} ${quoteValue(url)} 不是 http(s) 網址。`,
          `${capitalize(what.en)} ${quoteValue(url)} is not an http(s) URL.`,
        ),
        say(
          "請寫完整的網址，例如 https://arxiv.org/abs/2306.15195",
          "Write the full address, e.g. https://arxiv.org/abs/2306.15195",
        ),
      ),
    );
    return undefined;
  }
  if (url.length > MAX_URL_CHARS) {
    problems.push(
      fieldError(
        field,
        say(
          `${what.zh}長 ${url.length} 個字元，最多 ${MAX_URL_CHARS} 個。`,
          `${capitalize(what.en)} is ${url.length} characters long; at most ${MAX_URL_CHARS}.`,
        ),
        say("請用較短的網址（去掉追蹤參數）。", "Give a shorter address (without tracking parameters)."),
      ),
    );
    return undefined;
  }
  return url;
}
