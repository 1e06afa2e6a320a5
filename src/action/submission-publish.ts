/**
 * The publish half of the intake: writes what a plan says (submission-plan.ts) with the write token. It never
 * reads issue text: the texts arrive rendered, and everything it writes is either one of them or its own words.
 * A plan from an artifact is untrusted, so before anything is written the whole plan is checked: the repository
 * it was made for, and the files it may touch (the data file and the generated files, nothing else).
 */
import path from "node:path";
import {
  closePull,
  findOpenPull,
  getBranchHead,
  type ProposalResult,
  proposeChange,
  type PullRef,
  setStateLabel,
  type UpsertedComment,
  upsertMarkedComment,
} from "../github/index.js";
import { INTAKE_MARKER } from "../intake/index.js";
import { GENERATORS } from "../build/index.js";
import type { CommandContext } from "./context.js";
import {
  NEEDS_CHANGES_LABEL,
  PULL_MARKER,
  READY_LABEL,
  STATE_LABELS,
  SUBMISSION_BRANCH_PREFIX,
} from "./submission.js";
import { CHANGED_MARKER, readReviewState, REFRESH_LABEL } from "./submission-freeze.js";
import { PULL_URL_PLACEHOLDER, type SubmissionPlan, type SubmissionPlanItem } from "./submission-plan.js";

export interface PublishedSubmission {
  comment: UpsertedComment;
  proposal?: ProposalResult;
  /** Why the branch was left as it was, when it was. */
  kept?: "reviewed" | "main-moved";
  pull?: PullRef;
}

/** The repository paths a plan may write: the data file and every generated file. */
export function publishablePaths(ctx: CommandContext): Set<string> {
  const resolve = (file: string) => ctx.relative(path.resolve(ctx.run.workspace, file));
  return new Set([ctx.relative(ctx.config.data), ...GENERATORS.map((g) => resolve(g.path(ctx.config)))]);
}

/** Why this plan must not be published, or undefined. Checked for the whole plan before any write. */
export function refusePlan(ctx: CommandContext, plan: SubmissionPlan): string | undefined {
  const repository = `${ctx.run.repo.owner}/${ctx.run.repo.repo}`;
  if (plan.repository.toLowerCase() !== repository.toLowerCase())
    return `the intake result was made for ${plan.repository}, not ${repository}`;
  const allowed = publishablePaths(ctx);
  for (const item of plan.items) {
    if (item.kind !== "submission") continue;
    const outside = item.files.find((f) => !allowed.has(f.path));
    if (outside)
      return `the intake result for #${item.issue} writes ${outside.path}, which is neither the data file nor a generated file`;
    if (item.status === "valid" && (item.pull === undefined || item.commitMessage === undefined))
      return `the intake result for #${item.issue} is valid but has no pull request`;
  }
  return undefined;
}

/** Writes one submission: its branch and pull request (or keeps them as reviewed), its comment and label. */
export async function publishSubmission(
  ctx: CommandContext,
  item: SubmissionPlanItem,
  options: { checkMainMoved: boolean },
): Promise<PublishedSubmission> {
  const gh = ctx.github();
  const repo = ctx.run.repo;
  const branch = `${SUBMISSION_BRANCH_PREFIX}${item.issue}`;
  const open = await findOpenPull(gh, repo, branch);
  const entryChanged = item.changedComment !== "";
  // Reviewed at compute time, or approved since (checked again right before writing).
  const reviewed =
    open !== undefined &&
    entryChanged &&
    !item.reapply &&
    (item.reviewed || (await readReviewState(gh, repo, open.number)).reviewed);
  let proposal: ProposalResult | undefined;
  let kept: PublishedSubmission["kept"];
  if (reviewed && open) {
    await upsertMarkedComment(gh, repo, open.number, CHANGED_MARKER, item.changedComment);
    kept = "reviewed";
  } else if (
    options.checkMainMoved &&
    open !== undefined &&
    (await getBranchHead(gh, repo, ctx.run.defaultBranch)) !== item.baseSha
  ) {
    // Main moved between the two jobs: the push that moved it refreshes this pull request on the new main;
    // writing this older result now could move the branch back under it.
    kept = "main-moved";
  } else if (item.status === "valid" && item.pull && item.commitMessage) {
    proposal = await proposeChange(gh, repo, {
      branch,
      base: ctx.run.defaultBranch,
      parentSha: item.baseSha,
      files: item.files,
      commitMessage: item.commitMessage,
      pull: item.pull,
    });
  } else if (open) {
    await closePull(
      gh,
      repo,
      open,
      `${PULL_MARKER}\n#${item.issue} no longer passes papershelf's checks (see the comment there). ` +
        "A new pull request opens once the issue is fixed.",
    );
  }
  const pullUrl = proposal?.outcome === "proposed" ? proposal.pull.url : kept ? open?.url : undefined;
  const body = pullUrl
    ? item.commentWithPull.split(PULL_URL_PLACEHOLDER).join(pullUrl)
    : item.commentWithoutPull;
  const comment = await upsertMarkedComment(gh, repo, item.issue, INTAKE_MARKER, body);
  const state = item.status === "valid" ? READY_LABEL : NEEDS_CHANGES_LABEL;
  // The re-apply label is used up once the edit is applied.
  const others = item.reapply && !kept ? [...STATE_LABELS, REFRESH_LABEL] : STATE_LABELS;
  await setStateLabel(gh, repo, item.issue, state, others, item.labels);
  return {
    comment,
    ...(proposal ? { proposal } : {}),
    ...(kept ? { kept } : {}),
    ...(open ? { pull: open } : {}),
  };
}
