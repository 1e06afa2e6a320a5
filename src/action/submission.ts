/**
 * One submission issue → its plan (submission-plan.ts): the files of its pull request from
 * papershelf/issue-<n>, rebuilt on top of the base commit every time, and the texts of its comment. This is the
 * compute half: it parses the issue, validates, checks links and renders, and needs only read access.
 * submission-publish.ts writes the plan with the write token.
 */
import { readFile } from "node:fs/promises";
import { createPaperLookup } from "../arxiv/index.js";
import { parseDocument } from "yaml";
import { type FileChange, findOpenPull, fitBody, type LabelSpec } from "../github/index.js";
import {
  blockquote,
  neutralizeMarkdown,
  renderIntakeComment,
  type IntakeArxivLookup,
  type IntakeLinkCheck,
  type IntakeLinkResult,
  type IntakeResult,
} from "../intake/index.js";
import type { CommandContext } from "./context.js";
import type { IssueSnapshot } from "./event.js";
import { intakeSubmission } from "../project/index.js";
import { formatDiagnostic } from "../records/index.js";
import { blobUrl, createIntakeLinkCheck } from "./pipeline.js";
import { regenerateFiles } from "./regenerate.js";
import { createBaseReader, currentHead, workspaceBase, type SubmissionBase } from "./submission-base.js";
import {
  addedEntry,
  entryDiff,
  entryOnBranch,
  readReviewState,
  REFRESH_LABEL,
  renderChangedComment,
} from "./submission-freeze.js";
import { PULL_URL_PLACEHOLDER, type PlanItem, type SubmissionPlanItem } from "./submission-plan.js";

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
export const STATE_LABELS = [READY_LABEL, NEEDS_CHANGES_LABEL];
/** Marks papershelf's pull request bodies (never used to find them: the branch name does that). */
export const PULL_MARKER = "<!-- papershelf:intake-pr -->";
/** GitHub shows about 70 characters of a title; a longer one is cut with an ellipsis. */
const PULL_TITLE_MAX_CHARS = 90;

/** What every submission of one run shares: read once. */
export interface SubmissionInputs {
  /** Labels that mark a submission issue. */
  labels: string[];
  /** The base each submission is computed on and built on (see submission-base.ts). */
  readBase(): Promise<SubmissionBase>;
}

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

/**
 * The pull request title: `Add <id>`, never the submitted title. The default merge commit message holds the
 * title, and a closing keyword there ("Fixes #12: …") would close an issue once merged (issue 12).
 */
export function pullTitle(id: string): string {
  return `Add ${id.slice(0, PULL_TITLE_MAX_CHARS)}`;
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
    "papershelf rebuilds this branch from the issue on every edit of the issue and on every push to main " +
      "until a maintainer approves it (or labels it `papershelf: frozen`): edit the issue, not this branch.",
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
  /** The data file at the base, to tell which entry the submission adds. */
  papersText: string;
}

/** The intake on one base: its form, its list, its templates and generated files. */
async function computeOn(
  ctx: CommandContext,
  issue: IssueSnapshot,
  base: SubmissionBase,
  checkLinks: IntakeLinkCheck,
  lookupArxiv: IntakeArxivLookup,
): Promise<Computed> {
  const file = ctx.relative(ctx.config.data);
  const template = await base.readText(ctx.config.issueForm);
  const papersText = await base.readText(ctx.config.data);
  if (template === undefined || papersText === undefined)
    throw new Error(
      `${template === undefined ? ctx.relative(ctx.config.issueForm) : file} is missing at ${base.sha}`,
    );
  const { result, templateErrors } = await intakeSubmission({
    config: ctx.config,
    body: issue.body,
    template,
    papersText,
    file,
    now: ctx.now,
    readText: base.readText,
    displayPath: ctx.relative,
    readmeUrl: blobUrl(ctx, base.sha, ctx.relative(ctx.config.readme)),
    checkLinks,
    lookupArxiv,
  });
  // Broken templates are the maintainers' problem (build reports them): the submitter gets the plain preview.
  for (const d of templateErrors)
    ctx.reporter.annotate("warning", `${formatDiagnostic(d)} (plain preview instead)`);
  if (!result.ok) return { result, files: [], papersText };
  const generated = await regenerateFiles(ctx, result.newText, base.readText);
  return { result, files: [{ path: file, content: result.newText }, ...generated], papersText };
}

/** How often a submission is computed when main keeps moving under it; the next refresh catches up anyway. */
const MAX_BASE_READS = 3;

/** What the compute job tells about one submission beyond its plan: the comment, for the job summary. */
export interface ComputedSubmission {
  item: PlanItem;
  commentBody?: string;
}

/** How the submission's entry compares with the one its open pull request holds, and whether that is reviewed. */
async function compareWithReview(
  ctx: CommandContext,
  issue: IssueSnapshot,
  computed: Computed,
): Promise<Pick<SubmissionPlanItem, "reviewed" | "changedComment">> {
  const none = { reviewed: false, changedComment: "" };
  if (ctx.inputs.dryRun) return none;
  const gh = ctx.github();
  const branch = `${SUBMISSION_BRANCH_PREFIX}${issue.number}`;
  const open = await findOpenPull(gh, ctx.run.repo, branch);
  if (!open) return none;
  const dataPath = ctx.relative(ctx.config.data);
  const onBranch = (await entryOnBranch(gh, ctx.run.repo, branch, dataPath)) ?? [];
  const edited = computed.result.ok ? addedEntry(computed.papersText, computed.result.newText) : [];
  const diff = entryDiff(onBranch, edited);
  if (diff === "") return none;
  const review = await readReviewState(gh, ctx.run.repo, open.number);
  return {
    reviewed: review.reviewed,
    changedComment: renderChangedComment({
      issue: issue.number,
      branch,
      diff,
      stillValid: computed.result.ok,
    }),
  };
}

/** Runs the intake for one issue and plans what to publish. Reads only: publishing is submission-publish.ts. */
export async function computeSubmission(
  ctx: CommandContext,
  issue: IssueSnapshot,
  shared: SubmissionInputs,
): Promise<ComputedSubmission> {
  const skip = (reason: string): ComputedSubmission => ({
    item: { kind: "skip", issue: issue.number, reason },
  });
  if (issue.isPullRequest) return skip(`#${issue.number} is a pull request`);
  if (issue.state !== "open") return skip(`#${issue.number} is closed`);
  if (shared.labels.length > 0 && !issue.labels.some((l) => shared.labels.includes(l)))
    return skip(`#${issue.number} has none of the labels ${shared.labels.join(", ")}`);

  const checkLinks = rememberLinkResults(createIntakeLinkCheck(ctx));
  // Asked once per submission, however often main moves under it.
  const lookupArxiv = createPaperLookup(ctx.arxiv());
  let base = await shared.readBase();
  let computed = await computeOn(ctx, issue, base, checkLinks, lookupArxiv);
  // Main can move while the links are checked (a merge, main.yml's README commit): publish only on the head
  // as it is now, or the pull request would land back on an older main than the push's refresh gave it.
  for (let read = 1; read < MAX_BASE_READS && !ctx.inputs.dryRun; read++) {
    if ((await currentHead(ctx)) === base.sha) break;
    base = await shared.readBase();
    computed = await computeOn(ctx, issue, base, checkLinks, lookupArxiv);
  }
  const { result, files } = computed;
  // The list's languages: an English list's bot answers in English.
  const { languages } = ctx.config;
  const item: SubmissionPlanItem = {
    kind: "submission",
    issue: issue.number,
    status: result.ok ? "valid" : "invalid",
    counts: { errors: result.ok ? 0 : result.errors.length, warnings: result.findings.length },
    labels: issue.labels,
    baseSha: base.sha,
    files,
    ...(result.ok
      ? {
          commitMessage: `papershelf: add ${result.entry.id} (#${issue.number})`,
          pull: { title: pullTitle(result.entry.id), body: pullBody(issue, result) },
        }
      : {}),
    commentWithPull: renderIntakeComment(result, { pullRequestUrl: PULL_URL_PLACEHOLDER, languages }),
    commentWithoutPull: renderIntakeComment(result, { languages }),
    reapply: issue.labels.includes(REFRESH_LABEL.name),
    ...(await compareWithReview(ctx, issue, computed)),
  };
  return { item, commentBody: renderIntakeComment(result, { languages }) };
}
