/**
 * The one comment the Action posts on a submission and edits on every run: found again by its hidden
 * marker. Everything the submitter wrote is escaped or neutralised, so a submission cannot forge the
 * verdict, hide a second marker, or make the bot mention people.
 */
import { DEFAULT_LABEL_LANGUAGES, stringifyEntry, type LabelLanguage } from "../records/index.js";
import {
  blockquote,
  codeSpan,
  defuseMarkers,
  escapeCommentText,
  fencedBlock,
  neutralizeMarkdown,
} from "./markdown-safe.js";
import { showInvisible, type IntakeProblem } from "./problems.js";
import type { IntakeResult } from "./run.js";

/** The hidden marker the Action finds its comment by (together with a bot author). */
export const INTAKE_MARKER = "<!-- papershelf:intake -->";
/** GitHub refuses comment bodies over 65,536 characters; leave room for the Action's own footer. */
const MAX_COMMENT_CHARS = 60_000;

export interface CommentOptions {
  /** The pull request that adds the entry, when the Action has opened it. */
  pullRequestUrl?: string;
  /**
   * The list's languages (`languages` in .papershelf.yml): the comment speaks those, 中文 first when both.
   * An English list got a comment in Chinese and English (`init` makes English lists by default).
   */
  languages?: readonly LabelLanguage[];
}

/** Which of the two languages the comment speaks. */
interface Voice {
  zh: boolean;
  en: boolean;
}

function voiceOf(languages: readonly LabelLanguage[] = DEFAULT_LABEL_LANGUAGES): Voice {
  const zh = languages.includes("zh-TW");
  return { zh, en: languages.includes("en") || !zh };
}

/** "中文 / English" when the comment speaks both, else the one it speaks. */
const say2 = (v: Voice, zh: string, en: string, between = " / ") =>
  v.zh && v.en ? `${zh}${between}${en}` : v.zh ? zh : en;

/** The line where a problem is. */
const atLine = (v: Voice, p: IntakeProblem) =>
  p.line === undefined
    ? ""
    : v.zh
      ? `（第 ${p.line} 行${v.en ? ` / line ${p.line}` : ""}）`
      : ` (line ${p.line})`;

/** Only plain https links, or links inside the repository (the README), are shown as links. */
const isLinkable = (url: string) =>
  /^(?:https:\/\/[^\s<>()[\]]+|[\w./-]+\.md(?:#[\w%\-\u0080-\uFFFF]*)?)$/u.test(url);

/** A few choices are shown; the rest fold away, still there to copy. */
const SHOWN_CHOICES = 5;

/** The valid answers, closest first, each in a code span so it copies exactly as it must be written. */
function choiceLines(v: Voice, choices: readonly string[]): string[] {
  const item = (c: string) => `   - ${codeSpan(showInvisible(c))}`;
  const shown = choices.slice(0, SHOWN_CHOICES).map(item);
  const rest = choices.slice(SHOWN_CHOICES).map(item);
  if (rest.length === 0) return shown;
  return [
    ...shown,
    "",
    `   <details><summary>${say2(v, `其他 ${rest.length} 項`, `${rest.length} more`)}</summary>`,
    "",
    ...rest,
    "",
    "   </details>",
  ];
}

/**
 * One problem: its field, then the Chinese sentence and its fix, then the English ones, then what to copy
 * (the valid answers, or the entry a duplicate repeats). GitHub keeps a comment's line breaks.
 */
function problemItem(v: Voice, p: IntakeProblem, n: number): string[] {
  const where = p.label ? `**${escapeCommentText(p.label)}**${atLine(v, p)}` : atLine(v, p).trim();
  const zh = `${escapeCommentText(p.zh)}${escapeCommentText(p.hintZh)}`;
  const en = `${escapeCommentText(p.message)} ${escapeCommentText(p.hint)}`;
  const sentences = [...(v.zh ? [zh] : []), ...(v.en ? [en] : [])];
  const links = (p.links ?? [])
    .filter((l) => isLinkable(l.url))
    .map((l) => `   - [${escapeCommentText(l.text)}](${l.url})`);
  return [
    `${n}. ${where ? `${where}\n   ` : ""}${sentences[0] ?? ""}`,
    ...sentences.slice(1).map((line) => `   ${line}`),
    ...(links.length > 0 ? ["", ...links] : []),
    ...(p.choices && p.choices.length > 0 ? ["", ...choiceLines(v, p.choices)] : []),
    "",
  ];
}

/** A body full of bad lines must not produce a comment GitHub refuses: list the first ones, count the rest. */
const MAX_LISTED_PROBLEMS = 40;

function problemList(v: Voice, title: string, problems: readonly IntakeProblem[]): string[] {
  if (problems.length === 0) return [];
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).flatMap((p, i) => problemItem(v, p, i + 1));
  const rest = problems.length - MAX_LISTED_PROBLEMS;
  return ["", title, "", ...listed, ...(rest > 0 ? [say2(v, `還有 ${rest} 項。`, `${rest} more.`)] : [])];
}

/** What code may need to know about the problems (rule ids, the entry a duplicate repeats), out of sight. */
function codesMarker(result: IntakeResult): string {
  const problems = [...(result.ok ? [] : result.errors), ...result.findings];
  const codes = [...new Set(problems.map((p) => p.code).filter((c) => c !== undefined))];
  // Codes are ids (rule ids, entry ids): anything else is dropped, so the comment cannot close early.
  const safe = codes.map((c) => c.replace(/[^a-z0-9:._-]/gi, "").replace(/-{2,}/g, "-")).filter(Boolean);
  return safe.length === 0 ? "" : `\n<!-- papershelf:problems ${safe.join(" ")} -->`;
}

/** Record keys arXiv filled, named as the form names them. */
const FIELD_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  title: { zh: "標題", en: "title" },
  authors: { zh: "作者", en: "authors" },
  date: { zh: "日期", en: "date" },
  abstract: { zh: "英文摘要", en: "abstract" },
  doi: { zh: "DOI", en: "DOI" },
  "journal-ref": { zh: "期刊出處", en: "journal reference" },
  "arxiv-category": { zh: "arXiv 分類", en: "arXiv category" },
};
const fieldName = (key: string) => FIELD_NAMES[key] ?? { zh: key, en: key };

function previewSection(v: Voice, preview: string): string[] {
  return ["", `#### ${say2(v, "預覽", "Preview")}`, "", blockquote(neutralizeMarkdown(preview))];
}

function recordSection(v: Voice, result: IntakeResult): string[] {
  if (!result.entry) return [];
  return [
    "",
    `<details><summary>${say2(v, "資料", "Record")} (data/papers.yaml)</summary>`,
    "",
    fencedBlock(stringifyEntry(result.entry, 0).trimEnd(), "yaml"),
    "",
    "</details>",
  ];
}

/** The marker line first; below it no other marker can survive, wherever submitted text went. */
function assemble(parts: string[][], codes = ""): string {
  return `${INTAKE_MARKER}${codes}\n${defuseMarkers(parts.flat().join("\n"))}\n`;
}

/** The comment body for an intake result: the errors and how to fix them, or the preview and findings. */
export function renderIntakeComment(result: IntakeResult, options: CommentOptions = {}): string {
  const v = voiceOf(options.languages);
  /** Lines in the comment's languages: the Chinese one, then the English one. */
  const lines = (zh: string, en: string) => [...(v.zh ? [zh] : []), ...(v.en ? [en] : [])];
  const filled = result.ok ? result.fromArxiv.map(fieldName) : [];
  const head = result.ok
    ? [
        `### ✅ ${say2(v, "可以加入", "Ready to add")}`,
        "",
        ...lines(
          "這筆資料可以加入清單；下面的預覽就是 README 會顯示的樣子。要修改的話，編輯這個 issue 即可。",
          "The entry can be added; the preview below is how the README will show it. To change it, edit this issue.",
        ),
        ...(filled.length > 0
          ? [
              "",
              ...lines(
                `由 arXiv 自動填入：${filled.map((f) => f.zh).join("、")}。你填了的欄位以你寫的為準。`,
                `Filled in from arXiv: ${filled.map((f) => f.en).join(", ")}. Whatever you typed wins over arXiv.`,
              ),
            ]
          : []),
        // The URL comes from the GitHub API, not from the submitter; still, only a plain https URL is linked.
        ...(options.pullRequestUrl && /^https:\/\/[^\s<>()[\]]+$/.test(options.pullRequestUrl)
          ? ["", `${say2(v, "合併請求", "Pull request")}: ${options.pullRequestUrl}`]
          : []),
      ]
    : [
        `### ❌ ${say2(v, "需要修改", "Needs changes")}`,
        "",
        ...lines(
          "請編輯這個 issue，照下面的說明修正，機器人會再檢查一次。",
          "Edit this issue to fix the problems below; the bot checks again.",
        ),
        ...problemList(v, `**${say2(v, "問題", "Problems")}**`, result.errors),
      ];
  const findings = problemList(v, `**${say2(v, "注意", "Findings")}**`, result.findings);
  const preview = result.preview === undefined ? [] : previewSection(v, result.preview);
  const codes = codesMarker(result);
  const full = assemble([head, findings, preview, recordSection(v, result)], codes);
  if (full.length <= MAX_COMMENT_CHARS) return full;
  // Too long for one comment: the record is in the pull request anyway; then the preview goes too.
  const shorter = assemble([head, findings, preview], codes);
  if (shorter.length <= MAX_COMMENT_CHARS) return shorter;
  const note = [
    "",
    `_${say2(v, "預覽太長，請看 pull request。", "The preview is too long for a comment; see the pull request.")}_`,
  ];
  const minimal = assemble([head, findings, note], codes);
  return minimal.length <= MAX_COMMENT_CHARS
    ? minimal
    : assemble([head.slice(0, 2 + lines("", "").length), note], codes);
}
