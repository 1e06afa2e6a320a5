/**
 * `command: intake`. On an `issues` event: the submission in the event payload → comment, label, pull request.
 * On a push to main (or a manual run): every open submission pull request recomputed from its issue on top of
 * the new main, so two accepted submissions never conflict. An invalid submission is answered in its comment;
 * the step itself fails only when papershelf could not do its job.
 *
 * `phase` splits the work in two jobs (finding 7 of the hardening issue): `compute`, with a read-only token,
 * parses the issue, validates, checks links and renders, and writes a plan file; an artifact carries it to
 * `publish`, with the write token, which validates the plan's schema and writes it without ever parsing issue
 * text. `all` (the default) does both in one step.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../errors.js";
import { closePull, listOpenPullsByBranchPrefix, type PullRef } from "../../github/index.js";
import type { CommandContext, CommandResult } from "../context.js";
import { toIssueSnapshot, type IssueSnapshot } from "../event.js";
import {
  computeSubmission,
  readSubmissionInputs,
  SUBMISSION_BRANCH_PREFIX,
  type SubmissionInputs,
} from "../submission.js";
import { publishSubmission, refusePlan, type PublishedSubmission } from "../submission-publish.js";
import {
  parsePlan,
  PLAN_VERSION,
  serializePlan,
  type PlanItem,
  type SubmissionPlan,
  type SubmissionPlanItem,
} from "../submission-plan.js";
import { collapseWhitespace } from "../../records/index.js";

const REFRESH_EVENTS = ["push", "workflow_dispatch", "schedule"];

/** An error as one line of at most 300 characters, for the summary of a run over many submissions. */
const errorLine = (error: unknown): string =>
  collapseWhitespace(error instanceof Error ? error.message : String(error)).slice(0, 300);

function describeComputed(item: PlanItem): string {
  switch (item.kind) {
    case "skip":
      return `- #${item.issue}: skipped (${item.reason})`;
    case "close-pull":
      return `- #${item.issue}: closed, so pull request #${item.pull} is to be closed`;
    case "failed":
      return `- #${item.issue}: failed (${item.message})`;
    case "submission":
      return `- #${item.issue}: ${item.status} on ${item.baseSha.slice(0, 12)}`;
  }
}

function describePublished(item: SubmissionPlanItem, done: PublishedSubmission): string {
  const { proposal, comment, kept, pull } = done;
  const pullLine =
    kept === "reviewed"
      ? `, pull request #${pull?.number} kept as reviewed (the change is shown on it)`
      : kept === "main-moved"
        ? `, pull request #${pull?.number} left for the refresh of the newer main`
        : proposal?.outcome === "proposed"
          ? `, pull request #${proposal.pull.number} ${proposal.pull.outcome}`
          : "";
  return `- #${item.issue}: ${item.status} on ${item.baseSha.slice(0, 12)}${pullLine}, comment ${comment.outcome}`;
}

function countOutputs(item: PlanItem | undefined): Record<string, string> {
  if (item?.kind !== "submission")
    return { valid: "false", changed: "false", findings: "0", errors: "0", warnings: "0" };
  const { errors, warnings } = item.counts;
  return {
    valid: String(item.status === "valid"),
    changed: "false",
    findings: String(errors + warnings),
    errors: String(errors),
    warnings: String(warnings),
  };
}

function publishedOutputs(done: PublishedSubmission): Record<string, string> {
  const { proposal, comment } = done;
  return {
    changed: String(proposal?.outcome === "proposed" && proposal.branch !== "unchanged"),
    ...(proposal?.outcome === "proposed"
      ? { "pr-number": String(proposal.pull.number), "pr-url": proposal.pull.url }
      : {}),
    "comment-url": comment.url,
  };
}

/** The plan for one issue event. */
async function planIssueEvent(ctx: CommandContext, issue: IssueSnapshot) {
  const computed = await computeSubmission(ctx, issue, await readSubmissionInputs(ctx));
  return { items: [computed.item], comments: computed.commentBody ? [computed.commentBody] : [] };
}

/** One open submission pull request recomputed from its issue. */
async function planOne(
  ctx: CommandContext,
  pull: PullRef,
  shared: SubmissionInputs,
): Promise<PlanItem | undefined> {
  const number = Number(pull.head.slice(SUBMISSION_BRANCH_PREFIX.length));
  if (!Number.isInteger(number) || number < 1) return undefined;
  const { data } = await ctx.github().rest.issues.get({ ...ctx.run.repo, issue_number: number });
  const issue = toIssueSnapshot(data);
  if (!issue) return undefined;
  if (issue.state !== "open") return { kind: "close-pull", issue: number, pull: pull.number };
  return (await computeSubmission(ctx, issue, shared)).item;
}

/**
 * Every open submission recomputed on the new main. Each is taken on its own: one that fails (a deleted issue,
 * a refusal from GitHub, a bug) is reported and the others still move, so one bad issue cannot leave every
 * other pull request on an old base; the publish step fails at the end so the failure is seen.
 */
async function planRefresh(ctx: CommandContext): Promise<{ items: PlanItem[]; note?: string }> {
  // Submission pull requests are built on the default branch: a push to (or a manual run on) any other
  // branch must not rebuild them on that branch's commit.
  const main = `refs/heads/${ctx.run.defaultBranch}`;
  if (ctx.run.ref !== main) {
    const why = `${ctx.run.ref || "this ref"} is not ${ctx.run.defaultBranch}`;
    ctx.reporter.info(`intake refreshes submissions only on ${main}; ${why}`);
    return { items: [], note: `No submission refreshed: ${why}.` };
  }
  const shared = await readSubmissionInputs(ctx);
  const pulls = await listOpenPullsByBranchPrefix(ctx.github(), ctx.run.repo, SUBMISSION_BRANCH_PREFIX);
  const items: PlanItem[] = [];
  for (const pull of pulls) {
    const number = Number(pull.head.slice(SUBMISSION_BRANCH_PREFIX.length));
    try {
      const item = await planOne(ctx, pull, shared);
      if (item) items.push(item);
    } catch (error) {
      const message = errorLine(error);
      if (Number.isInteger(number) && number > 0)
        items.push({ kind: "failed", issue: number, pull: pull.number, message });
    }
  }
  return { items };
}

/** The plan of this run: one issue event, or every open submission on a push to main. */
async function computePlan(
  ctx: CommandContext,
): Promise<{ plan?: SubmissionPlan; comments: string[]; done?: CommandResult }> {
  const { eventName, issue } = ctx.run;
  const repository = `${ctx.run.repo.owner}/${ctx.run.repo.repo}`;
  if (eventName === "issues") {
    if (!issue)
      return {
        comments: [],
        done: { outputs: {}, errors: 0, warnings: 0, failure: "the issues event payload has no issue" },
      };
    const { items, comments } = await planIssueEvent(ctx, issue);
    return { plan: { version: PLAN_VERSION, repository, mode: "issue", items }, comments };
  }
  if (REFRESH_EVENTS.includes(eventName)) {
    const { items, note } = await planRefresh(ctx);
    return {
      plan: { version: PLAN_VERSION, repository, mode: "refresh", items, ...(note ? { note } : {}) },
      comments: [],
    };
  }
  ctx.reporter.info(`intake has nothing to do on a "${eventName}" event`);
  return { comments: [], done: { outputs: {}, errors: 0, warnings: 0 } };
}

/** Publishes every item of a checked plan; one failure does not stop the others. */
async function publishPlan(
  ctx: CommandContext,
  plan: SubmissionPlan,
  checkMainMoved: boolean,
): Promise<CommandResult> {
  const refused = refusePlan(ctx, plan);
  if (refused) return { outputs: {}, errors: 0, warnings: 0, failure: refused };
  const gh = ctx.github();
  const lines: string[] = [];
  let outputs: Record<string, string> = plan.mode === "issue" ? countOutputs(plan.items[0]) : {};
  let changed = false;
  let failed = 0;
  for (const item of plan.items) {
    try {
      if (item.kind === "submission") {
        const done = await publishSubmission(ctx, item, { checkMainMoved });
        lines.push(describePublished(item, done));
        const published = publishedOutputs(done);
        changed ||= published.changed === "true";
        if (plan.mode === "issue") outputs = { ...outputs, ...published };
      } else if (item.kind === "close-pull") {
        const pull = await gh.rest.pulls.get({ ...ctx.run.repo, pull_number: item.pull });
        const ref: PullRef = { number: item.pull, url: pull.data.html_url, head: pull.data.head.ref };
        if (ref.head === `${SUBMISSION_BRANCH_PREFIX}${item.issue}` && pull.data.state === "open")
          await closePull(
            gh,
            ctx.run.repo,
            ref,
            `#${item.issue} was closed without this pull request: closing it too.`,
          );
        lines.push(`- #${item.issue}: closed, so pull request #${item.pull} was closed`);
      } else {
        if (item.kind === "failed") {
          failed++;
          const pull = item.pull === undefined ? "" : ` (pull request #${item.pull})`;
          ctx.reporter.annotate("error", `#${item.issue}${pull} was not refreshed: ${item.message}`, {
            title: "papershelf intake",
          });
        }
        lines.push(describeComputed(item));
      }
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      lines.push(`- #${item.issue}: failed (${errorLine(error)})`);
      ctx.reporter.annotate("error", `#${item.issue} was not published: ${message}`, {
        title: "papershelf intake",
      });
    }
  }
  const title = plan.mode === "issue" ? "## papershelf intake" : "## papershelf intake: open submissions";
  const text = plan.note ?? (lines.length ? lines.join("\n") : "No open submission pull requests.");
  await ctx.reporter.appendSummary(`${title}\n\n${text}\n`);
  ctx.reporter.info(`${plan.items.length} submission(s) published, ${failed} failed`);
  if (plan.mode === "refresh") outputs = { changed: String(changed) };
  return {
    outputs,
    errors: 0,
    warnings: 0,
    ...(failed > 0
      ? {
          failure:
            plan.mode === "refresh"
              ? `${failed} of ${plan.items.length} open submission(s) could not be refreshed`
              : `#${plan.items[0]?.issue} could not be published`,
        }
      : {}),
  };
}

function resultFile(ctx: CommandContext): string {
  if (!ctx.inputs.resultFile)
    throw new UsageError(`input "result-file" is required with phase: ${ctx.inputs.phase}`);
  return path.resolve(ctx.run.workspace, ctx.inputs.resultFile);
}

/** phase: compute. Reads, checks and renders with a read-only token; writes the plan for the publish job. */
async function computeOnly(ctx: CommandContext): Promise<CommandResult> {
  const { plan, comments, done } = await computePlan(ctx);
  if (done) return done;
  if (!plan) return { outputs: {}, errors: 0, warnings: 0 };
  await writeFile(resultFile(ctx), serializePlan(plan));
  const lines = ["## papershelf intake: computed", "", ...plan.items.map(describeComputed)];
  for (const comment of comments)
    lines.push("", "<details><summary>The comment</summary>", "", comment, "", "</details>");
  await ctx.reporter.appendSummary(`${lines.join("\n")}\n`);
  return { outputs: plan.mode === "issue" ? countOutputs(plan.items[0]) : {}, errors: 0, warnings: 0 };
}

/** phase: publish. Reads the plan file (never the issue), checks it, and writes it with the write token. */
async function publishOnly(ctx: CommandContext): Promise<CommandResult> {
  const file = resultFile(ctx);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the intake result ${ctx.inputs.resultFile}: ${(error as Error).message}`,
    );
  }
  const parsed = parsePlan(text, ctx.inputs.resultFile ?? file);
  if (!parsed.ok) return { outputs: {}, errors: 0, warnings: 0, failure: parsed.message };
  return publishPlan(ctx, parsed.plan, true);
}

/** phase: all (one job, the default): compute, then publish the plan in memory; dry-run stops after compute. */
async function computeAndPublish(ctx: CommandContext): Promise<CommandResult> {
  const { plan, comments, done } = await computePlan(ctx);
  if (done) return done;
  if (!plan) return { outputs: {}, errors: 0, warnings: 0 };
  if (ctx.inputs.dryRun) {
    const lines = ["## papershelf intake", "", ...plan.items.map(describeComputed)];
    for (const comment of comments)
      lines.push("", "<details><summary>The comment</summary>", "", comment, "", "</details>");
    await ctx.reporter.appendSummary(`${lines.join("\n")}\n`);
    return { outputs: plan.mode === "issue" ? countOutputs(plan.items[0]) : {}, errors: 0, warnings: 0 };
  }
  const result = await publishPlan(ctx, plan, false);
  if (comments.length > 0)
    await ctx.reporter.appendSummary(
      comments.map((c) => `\n<details><summary>The comment</summary>\n\n${c}\n\n</details>\n`).join(""),
    );
  return result;
}

/** Dispatches on `phase`: all (compute and publish in one job), compute, or publish. */
export async function intakeCommand(ctx: CommandContext): Promise<CommandResult> {
  switch (ctx.inputs.phase) {
    case "compute":
      return computeOnly(ctx);
    case "publish":
      return publishOnly(ctx);
    default:
      return computeAndPublish(ctx);
  }
}
