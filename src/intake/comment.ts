/**
 * The one comment the Action posts on a submission and edits on every run: found again by its hidden
 * marker. Everything the submitter wrote is escaped or neutralised, so a submission cannot forge the
 * verdict, hide a second marker, or make the bot mention people.
 */
import { stringifyEntry } from "../records/index.js";
import {
  blockquote,
  defuseMarkers,
  escapeMarkdownText,
  fencedBlock,
  neutralizeMarkdown,
} from "./markdown-safe.js";
import type { IntakeProblem } from "./problems.js";
import type { IntakeResult } from "./run.js";

/** The hidden marker the Action finds its comment by (together with a bot author). */
export const INTAKE_MARKER = "<!-- papershelf:intake -->";
/** GitHub refuses comment bodies over 65,536 characters; leave room for the Action's own footer. */
const MAX_COMMENT_CHARS = 60_000;

export interface CommentOptions {
  /** The pull request that adds the entry, when the Action has opened it. */
  pullRequestUrl?: string;
}

function problemLine(p: IntakeProblem): string {
  const where = p.label ? `**${escapeMarkdownText(p.label)}**: ` : "";
  const line = p.line === undefined ? "" : ` (line ${p.line})`;
  const hint = p.hint ? `\n  ${escapeMarkdownText(p.hint)}` : "";
  return `- ${where}${escapeMarkdownText(p.message)}${line}${hint}`;
}

/** A body full of bad lines must not produce a comment GitHub refuses: list the first ones, count the rest. */
const MAX_LISTED_PROBLEMS = 40;

function problemList(title: string, problems: readonly IntakeProblem[]): string[] {
  if (problems.length === 0) return [];
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(problemLine);
  const rest = problems.length - listed.length;
  return ["", title, "", ...listed, ...(rest > 0 ? [`- … ${rest} more / 還有 ${rest} 項`] : [])];
}

function previewSection(preview: string): string[] {
  return ["", "#### 預覽 / Preview", "", blockquote(neutralizeMarkdown(preview))];
}

function recordSection(result: IntakeResult): string[] {
  if (!result.entry) return [];
  return [
    "",
    "<details><summary>資料 / Record (data/papers.yaml)</summary>",
    "",
    fencedBlock(stringifyEntry(result.entry, 0).trimEnd(), "yaml"),
    "",
    "</details>",
  ];
}

/** The marker line first; below it no other marker can survive, wherever submitted text went. */
function assemble(parts: string[][]): string {
  return `${INTAKE_MARKER}\n${defuseMarkers(parts.flat().join("\n"))}\n`;
}

/** The comment body for an intake result: the errors and how to fix them, or the preview and findings. */
export function renderIntakeComment(result: IntakeResult, options: CommentOptions = {}): string {
  const head = result.ok
    ? [
        "### ✅ 可以加入 / Ready to add",
        "",
        `這筆資料會以 id ${escapeMarkdownText(`"${result.entry.id}"`)} 加入清單。 / The entry will be added as ${escapeMarkdownText(`"${result.entry.id}"`)}.`,
        ...(result.fromArxiv.length > 0
          ? [
              "",
              `由 arXiv 自動填入：${result.fromArxiv.join("、")}。填了的欄位以你寫的為準。`,
              `Filled in from arXiv: ${result.fromArxiv.join(", ")}. Whatever you typed wins over arXiv.`,
            ]
          : []),
        // The URL comes from the GitHub API, not from the submitter; still, only a plain https URL is linked.
        ...(options.pullRequestUrl && /^https:\/\/[^\s<>()[\]]+$/.test(options.pullRequestUrl)
          ? ["", `Pull request: ${options.pullRequestUrl}`]
          : []),
      ]
    : [
        "### ❌ 需要修改 / Needs changes",
        "",
        "請編輯這個 issue 修正以下問題，機器人會再檢查一次。 / Edit this issue to fix the problems below; the bot checks again.",
        ...problemList("**問題 / Problems**", result.errors),
      ];
  const findings = problemList("**注意 / Findings**", result.findings);
  const preview = result.preview === undefined ? [] : previewSection(result.preview);
  const full = assemble([head, findings, preview, recordSection(result)]);
  if (full.length <= MAX_COMMENT_CHARS) return full;
  // Too long for one comment: the record is in the pull request anyway; then the preview goes too.
  const shorter = assemble([head, findings, preview]);
  if (shorter.length <= MAX_COMMENT_CHARS) return shorter;
  const note = [
    "",
    "_預覽太長，請看 pull request。 / The preview is too long for a comment; see the pull request._",
  ];
  const minimal = assemble([head, findings, note]);
  return minimal.length <= MAX_COMMENT_CHARS ? minimal : assemble([head.slice(0, 3), note]);
}
