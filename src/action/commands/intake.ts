/**
 * `command: intake`. On an `issues` event: the submission in the event payload → comment, label, pull request.
 * On a push to main (or a manual run): every open submission pull request recomputed from its issue on top of
 * the new main, so two accepted submissions never conflict. An invalid submission is answered in its comment;
 * the step itself fails only when papershelf could not do its job.
 */
import { closePull, listOpenPullsByBranchPrefix, type PullRef } from "../../github/pulls.js";
import type { CommandContext, CommandResult } from "../context.js";
import { toIssueSnapshot, type IssueSnapshot } from "../event.js";
import {
  readSubmissionInputs,
  SUBMISSION_BRANCH_PREFIX,
  takeSubmission,
  type SubmissionInputs,
  type SubmissionOutcome,
} from "../submission.js";

const REFRESH_EVENTS = ["push", "workflow_dispatch", "schedule"];

function describe(issue: IssueSnapshot, outcome: SubmissionOutcome): string {
  if (outcome.status === "skipped") return `- #${issue.number}: skipped (${outcome.reason})`;
  const pull =
    outcome.proposal?.outcome === "proposed"
      ? `, pull request #${outcome.proposal.pull.number} ${outcome.proposal.pull.outcome}`
      : "";
  const comment = outcome.comment ? `, comment ${outcome.comment.outcome}` : "";
  return `- #${issue.number}: ${outcome.status} on ${outcome.baseSha.slice(0, 12)}${pull}${comment}`;
}

function outputsOf(outcome: SubmissionOutcome): Record<string, string> {
  if (outcome.status === "skipped")
    return { valid: "false", changed: "false", findings: "0", errors: "0", warnings: "0" };
  const { result, proposal, comment } = outcome;
  const errors = result.ok ? 0 : result.errors.length;
  const warnings = result.findings.length;
  return {
    valid: String(result.ok),
    changed: String(proposal?.outcome === "proposed" && proposal.branch !== "unchanged"),
    findings: String(errors + warnings),
    errors: String(errors),
    warnings: String(warnings),
    ...(proposal?.outcome === "proposed"
      ? { "pr-number": String(proposal.pull.number), "pr-url": proposal.pull.url }
      : {}),
    ...(comment ? { "comment-url": comment.url } : {}),
  };
}

async function takeIssueEvent(ctx: CommandContext, issue: IssueSnapshot): Promise<CommandResult> {
  const outcome = await takeSubmission(ctx, issue, await readSubmissionInputs(ctx));
  const lines = ["## papershelf intake", "", describe(issue, outcome)];
  if (outcome.status !== "skipped")
    lines.push("", "<details><summary>The comment</summary>", "", outcome.commentBody, "", "</details>");
  await ctx.reporter.appendSummary(`${lines.join("\n")}\n`);
  ctx.reporter.info(describe(issue, outcome).slice(2));
  return { outputs: outputsOf(outcome), errors: 0, warnings: 0 };
}

/** One open submission pull request recomputed from its issue: a line of the summary. */
async function refreshOne(ctx: CommandContext, pull: PullRef, shared: SubmissionInputs) {
  const gh = ctx.github();
  const repo = ctx.run.repo;
  const number = Number(pull.head.slice(SUBMISSION_BRANCH_PREFIX.length));
  if (!Number.isInteger(number) || number < 1) return undefined;
  const { data } = await gh.rest.issues.get({ ...repo, issue_number: number });
  const issue = toIssueSnapshot(data);
  if (!issue) return undefined;
  if (issue.state !== "open") {
    if (!ctx.inputs.dryRun)
      await closePull(gh, repo, pull, `#${number} was closed without this pull request: closing it too.`);
    return { line: `- #${number}: closed, so pull request #${pull.number} was closed`, changed: false };
  }
  const outcome = await takeSubmission(ctx, issue, shared);
  const changed =
    outcome.status !== "skipped" &&
    outcome.proposal?.outcome === "proposed" &&
    outcome.proposal.branch !== "unchanged";
  return { line: describe(issue, outcome), changed };
}

/**
 * Every open submission recomputed on the new main. Each is taken on its own: one that fails (a deleted issue,
 * a refusal from GitHub, a bug) is reported and the others still move, so one bad issue cannot leave every
 * other pull request on an old base; the step fails at the end so the failure is seen.
 */
async function refreshOpenSubmissions(ctx: CommandContext, shared: SubmissionInputs): Promise<CommandResult> {
  const pulls = await listOpenPullsByBranchPrefix(ctx.github(), ctx.run.repo, SUBMISSION_BRANCH_PREFIX);
  const lines: string[] = [];
  let changed = false;
  let failed = 0;
  for (const pull of pulls) {
    try {
      const done = await refreshOne(ctx, pull, shared);
      if (!done) continue;
      lines.push(done.line);
      changed ||= done.changed;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      const number = pull.head.slice(SUBMISSION_BRANCH_PREFIX.length);
      lines.push(`- #${number}: failed (${message.replace(/\s+/g, " ").slice(0, 300)})`);
      ctx.reporter.annotate(
        "error",
        `#${number} (pull request #${pull.number}) was not refreshed: ${message}`,
        {
          title: "papershelf intake",
        },
      );
    }
  }
  await ctx.reporter.appendSummary(
    `## papershelf intake: open submissions\n\n${lines.length ? lines.join("\n") : "No open submission pull requests."}\n`,
  );
  ctx.reporter.info(`${pulls.length} open submission pull request(s) recomputed, ${failed} failed`);
  return {
    outputs: { changed: String(changed) },
    errors: 0,
    warnings: 0,
    ...(failed > 0
      ? { failure: `${failed} of ${pulls.length} open submission(s) could not be refreshed` }
      : {}),
  };
}

export async function intakeCommand(ctx: CommandContext): Promise<CommandResult> {
  const { eventName, issue } = ctx.run;
  if (eventName === "issues") {
    if (!issue)
      return { outputs: {}, errors: 0, warnings: 0, failure: "the issues event payload has no issue" };
    return takeIssueEvent(ctx, issue);
  }
  if (REFRESH_EVENTS.includes(eventName)) {
    // Submission pull requests are built on the default branch: a push to (or a manual run on) any other
    // branch must not rebuild them on that branch's commit.
    const main = `refs/heads/${ctx.run.defaultBranch}`;
    if (ctx.run.ref !== main) {
      const why = `${ctx.run.ref || "this ref"} is not ${ctx.run.defaultBranch}`;
      await ctx.reporter.appendSummary(`## papershelf intake\n\nNo submission refreshed: ${why}.\n`);
      ctx.reporter.info(`intake refreshes submissions only on ${main}; ${why}`);
      return { outputs: { changed: "false" }, errors: 0, warnings: 0 };
    }
    return refreshOpenSubmissions(ctx, await readSubmissionInputs(ctx));
  }
  ctx.reporter.info(`intake has nothing to do on a "${eventName}" event`);
  return { outputs: {}, errors: 0, warnings: 0 };
}
