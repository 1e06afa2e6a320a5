/**
 * One submission issue → one comment, one state label, and (when valid) one pull request from
 * papershelf/issue-<n>, rebuilt on top of the base commit every time.
 */
import { readFile } from "node:fs/promises";
import { parseDocument } from "yaml";
import { upsertMarkedComment, type UpsertedComment } from "../github/comments.js";
import type { FileChange } from "../github/git-data.js";
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
  type IntakeLinkCheck,
  type IntakeLinkResult,
  type IntakeResult,
} from "../intake/index.js";
import type { CommandContext } from "./context.js";
import type { IssueSnapshot } from "./event.js";
import { createIntakeLinkCheck, createIntakeLint, createIntakeRenderer } from "./pipeline.js";
import { regenerateFiles } from "./regenerate.js";
import { createBaseReader, currentHead, workspaceBase, type SubmissionBase } from "./submission-base.js";

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
  /** Labels that mark a submission issue. */
  labels: string[];
  /** The base each submission is computed on and built on (see submission-base.ts). */
  readBase(): Promise<SubmissionBase>;
}

export type SubmissionOutcome =
  | { status: "skipped"; reason: string }
  | {
      status: "valid" | "invalid";
      result: IntakeResult;
      /** The commit the submission was computed on (and its pull request built on). */
      baseSha: string;
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
  // The labels decide whether an issue is a submission at all: the checkout's form is good enough for that.
  const template = await readFile(ctx.config.issueForm, "utf8");
  const dryRunBase = workspaceBase(ctx, ctx.inputs.baseSha ?? ctx.run.sha);
  return {
    labels: ctx.inputs.intakeLabel ? [ctx.inputs.intakeLabel] : formLabels(template),
    readBase: ctx.inputs.dryRun ? async () => dryRunBase : createBaseReader(ctx),
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

/** Link results of one submission, kept across recomputations on a newer main: each URL is requested once. */
function rememberLinkResults(check: IntakeLinkCheck): IntakeLinkCheck {
  const known = new Map<string, IntakeLinkResult>();
  return async (urls) => {
    const missing = urls.filter((url) => !known.has(url));
    if (missing.length > 0) for (const r of await check(missing)) known.set(r.url, r);
    return urls.flatMap((url) => known.get(url) ?? []);
  };
}

interface Computed {
  result: IntakeResult;
  /** The data file and the generated files, when the submission is valid. */
  files: FileChange[];
}

/** The intake on one base: its form, its list, its templates and generated files. */
async function computeOn(
  ctx: CommandContext,
  issue: IssueSnapshot,
  base: SubmissionBase,
  checkLinks: IntakeLinkCheck,
): Promise<Computed> {
  const file = ctx.relative(ctx.config.data);
  const template = await base.readText(ctx.config.issueForm);
  const papersText = await base.readText(ctx.config.data);
  if (template === undefined || papersText === undefined)
    throw new Error(
      `${template === undefined ? ctx.relative(ctx.config.issueForm) : file} is missing at ${base.sha}`,
    );
  const renderEntry = await createIntakeRenderer(ctx, base.readText);
  const result = await runIntake({
    body: issue.body,
    template,
    papersText,
    file,
    now: ctx.now,
    lint: createIntakeLint(ctx),
    checkLinks,
    ...(renderEntry ? { renderEntry } : {}),
  });
  if (!result.ok) return { result, files: [] };
  const generated = await regenerateFiles(ctx, result.newText, base.readText);
  return { result, files: [{ path: file, content: result.newText }, ...generated] };
}

/** How often a submission is computed when main keeps moving under it; the next refresh catches up anyway. */
const MAX_BASE_READS = 3;

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

  const checkLinks = rememberLinkResults(createIntakeLinkCheck(ctx));
  let base = await shared.readBase();
  let { result, files } = await computeOn(ctx, issue, base, checkLinks);
  // Main can move while the links are checked (a merge, main.yml's README commit): publish only on the head
  // as it is now, or the pull request would land back on an older main than the push's refresh gave it.
  for (let read = 1; read < MAX_BASE_READS && !ctx.inputs.dryRun; read++) {
    if ((await currentHead(ctx)) === base.sha) break;
    base = await shared.readBase();
    ({ result, files } = await computeOn(ctx, issue, base, checkLinks));
  }
  const status = result.ok ? "valid" : "invalid";
  if (ctx.inputs.dryRun)
    return { status, result, baseSha: base.sha, commentBody: renderIntakeComment(result) };

  const gh = ctx.github();
  const repo = ctx.run.repo;
  const branch = `${SUBMISSION_BRANCH_PREFIX}${issue.number}`;
  let proposal: ProposalResult | undefined;
  if (result.ok) {
    proposal = await proposeChange(gh, repo, {
      branch,
      base: ctx.run.defaultBranch,
      parentSha: base.sha,
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
  return { status, result, baseSha: base.sha, comment, proposal, commentBody };
}
