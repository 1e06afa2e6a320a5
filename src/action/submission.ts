/**
 * One submission issue → one comment, one state label, and (when valid) one pull request from
 * papershelf/issue-<n>, rebuilt on top of the base commit every time.
 */
import { readFile } from "node:fs/promises";
import { parseDocument } from "yaml";
import { upsertMarkedComment, type UpsertedComment } from "../github/comments.js";
import { setStateLabel, type LabelSpec } from "../github/labels.js";
import { proposeChange, type ProposalResult } from "../github/publish.js";
import { closePull, findOpenPull } from "../github/pulls.js";
import { fitBody } from "../github/rolling-issue.js";
import {
  blockquote,
  INTAKE_MARKER,
  neutralizeMarkdown,
  renderIntakeComment,
  runIntake,
  type IntakeResult,
} from "../intake/index.js";
import type { CommandContext } from "./context.js";
import type { IssueSnapshot } from "./event.js";
import { createIntakeLinkCheck, createIntakeLint, createIntakeRenderer } from "./pipeline.js";
import { regenerateFiles } from "./regenerate.js";

export const SUBMISSION_BRANCH_PREFIX = "papershelf/issue-";
export const READY_LABEL: LabelSpec = {
  name: "papershelf: ready",
  color: "0e8a16",
  description: "The submission is valid; its pull request is open",
};
export const NEEDS_CHANGES_LABEL: LabelSpec = {
  name: "papershelf: needs-changes",
  color: "d93f0b",
  description: "The submission needs changes; see papershelf's comment",
};
const STATE_LABELS = [READY_LABEL, NEEDS_CHANGES_LABEL];
/** Marks papershelf's pull request bodies (never used to find them: the branch name does that). */
const PULL_MARKER = "<!-- papershelf:intake-pr -->";
/** GitHub shows about 70 characters of a title; a longer one is cut with an ellipsis. */
const PULL_TITLE_MAX_CHARS = 90;

/** What every submission of one run shares: read once. */
export interface SubmissionInputs {
  template: string;
  papersText: string;
  /** Labels that mark a submission issue. */
  labels: string[];
  /** The commit the workspace holds: every proposal is built on it. */
  baseSha: string;
}

export type SubmissionOutcome =
  | { status: "skipped"; reason: string }
  | {
      status: "valid" | "invalid";
      result: IntakeResult;
      comment?: UpsertedComment;
      proposal?: ProposalResult;
      commentBody: string;
    };

/** The labels the submission form puts on its issues (`labels:` in the form's YAML). */
export function formLabels(template: string): string[] {
  const labels: unknown = parseDocument(template).get("labels");
  const plain: unknown =
    labels && typeof labels === "object" && "toJSON" in labels
      ? (labels as { toJSON(): unknown }).toJSON()
      : labels;
  if (Array.isArray(plain)) return plain.filter((l): l is string => typeof l === "string");
  return typeof plain === "string"
    ? plain
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

export async function readSubmissionInputs(ctx: CommandContext): Promise<SubmissionInputs> {
  const template = await readFile(ctx.config.issueForm, "utf8");
  return {
    template,
    papersText: await readFile(ctx.config.data, "utf8"),
    labels: ctx.inputs.intakeLabel ? [ctx.inputs.intakeLabel] : formLabels(template),
    baseSha: ctx.inputs.baseSha ?? ctx.run.sha,
  };
}

/** A plain-text pull request title from the (already cleaned) record title. */
export function pullTitle(title: string): string {
  const flat = title.replace(/\s+/g, " ").trim();
  const cut = flat.length > PULL_TITLE_MAX_CHARS ? `${flat.slice(0, PULL_TITLE_MAX_CHARS - 1)}…` : flat;
  return `Add "${cut}"`;
}

/**
 * GitHub refuses pull request bodies over 65,536 characters (422), and the preview alone can pass that: every
 * line gains "> " and every mention a zero-width break. Like the comment, keep room and drop the preview first.
 */
const MAX_PULL_BODY_CHARS = 60_000;

function pullBody(issue: IssueSnapshot, result: Extract<IntakeResult, { ok: true }>): string {
  const head = [
    PULL_MARKER,
    `Adds \`${result.entry.id}\` to \`${result.entry.category}\`, as submitted in #${issue.number}.`,
    "",
    `Closes #${issue.number}`,
  ];
  const foot = [
    "",
    "---",
    "papershelf rebuilds this branch from the issue on every edit of the issue and on every push to main: " +
      "edit the issue, not this branch.",
    "",
  ];
  const preview = ["", "#### 預覽 / Preview", "", blockquote(neutralizeMarkdown(result.preview))];
  const full = [...head, ...preview, ...foot].join("\n");
  if (full.length <= MAX_PULL_BODY_CHARS) return full;
  const note = [
    "",
    "_The preview is too long for a pull request body: see the files changed (the README shows the entry)._",
  ];
  return fitBody([...head, ...note, ...foot].join("\n"), "The body is cut here; see the files changed.");
}

/** Runs the intake for one issue and publishes the outcome (unless dry-run). */
export async function takeSubmission(
  ctx: CommandContext,
  issue: IssueSnapshot,
  shared: SubmissionInputs,
): Promise<SubmissionOutcome> {
  if (issue.isPullRequest) return { status: "skipped", reason: `#${issue.number} is a pull request` };
  if (issue.state !== "open") return { status: "skipped", reason: `#${issue.number} is closed` };
  if (shared.labels.length > 0 && !issue.labels.some((l) => shared.labels.includes(l)))
    return {
      status: "skipped",
      reason: `#${issue.number} has none of the labels ${shared.labels.join(", ")}`,
    };

  const file = ctx.relative(ctx.config.data);
  const renderEntry = await createIntakeRenderer(ctx);
  const result = await runIntake({
    body: issue.body,
    template: shared.template,
    papersText: shared.papersText,
    file,
    now: ctx.now,
    lint: createIntakeLint(ctx),
    checkLinks: createIntakeLinkCheck(ctx),
    ...(renderEntry ? { renderEntry } : {}),
  });
  const status = result.ok ? "valid" : "invalid";
  if (ctx.inputs.dryRun) return { status, result, commentBody: renderIntakeComment(result) };

  const gh = ctx.github();
  const repo = ctx.run.repo;
  const branch = `${SUBMISSION_BRANCH_PREFIX}${issue.number}`;
  let proposal: ProposalResult | undefined;
  if (result.ok) {
    const files = [{ path: file, content: result.newText }, ...(await regenerateFiles(ctx, result.newText))];
    proposal = await proposeChange(gh, repo, {
      branch,
      base: ctx.run.defaultBranch,
      parentSha: shared.baseSha,
      files,
      commitMessage: `papershelf: add ${result.entry.id} (#${issue.number})`,
      pull: { title: pullTitle(result.entry.title), body: pullBody(issue, result) },
    });
  } else {
    const open = await findOpenPull(gh, repo, branch);
    if (open)
      await closePull(
        gh,
        repo,
        open,
        `${PULL_MARKER}\n#${issue.number} no longer passes papershelf's checks (see the comment there). ` +
          "A new pull request opens once the issue is fixed.",
      );
  }
  const pullRequestUrl = proposal?.outcome === "proposed" ? proposal.pull.url : undefined;
  const commentBody = renderIntakeComment(result, pullRequestUrl ? { pullRequestUrl } : {});
  const comment = await upsertMarkedComment(gh, repo, issue.number, INTAKE_MARKER, commentBody);
  await setStateLabel(
    gh,
    repo,
    issue.number,
    result.ok ? READY_LABEL : NEEDS_CHANGES_LABEL,
    STATE_LABELS,
    issue.labels,
  );
  return { status, result, comment, proposal, commentBody };
}
