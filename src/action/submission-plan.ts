/**
 * The intake's result as data: what the compute job (read-only token: it parses the issue, validates, checks
 * links and renders) hands to the publish job (write token: it only writes what the plan says). The plan travels
 * as a workflow artifact, so the publisher treats it as untrusted input: it validates it against this schema
 * with ajv, accepts only papershelf's own branch names and the data and generated files, and never reads or
 * parses issue text (the comment and pull request texts arrive rendered and made inert by the compute job).
 */
import { Type, type Static } from "@sinclair/typebox";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { parseJsonText } from "../json-text.js";

export const PLAN_VERSION = 1;
/** Stands in, in the comment the compute job renders, for the pull request URL only the publisher learns. */
export const PULL_URL_PLACEHOLDER = "https://papershelf.invalid/pull-request-url";

/** GitHub's limit for comment and pull request bodies. */
const BODY_CHARS = 65_536;
const Sha = Type.String({ pattern: "^[0-9a-f]{40}$" });
const IssueNumber = Type.Integer({ minimum: 1 });
const Body = Type.String({ maxLength: BODY_CHARS });

const FileChangeSchema = Type.Object(
  { path: Type.String({ minLength: 1, maxLength: 500 }), content: Type.String() },
  { additionalProperties: false },
);

const Counts = Type.Object(
  { errors: Type.Integer({ minimum: 0 }), warnings: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

/** A submission computed on `baseSha`: the files of its pull request and the texts of its answers. */
const SubmissionItem = Type.Object(
  {
    kind: Type.Literal("submission"),
    issue: IssueNumber,
    status: Type.Union([Type.Literal("valid"), Type.Literal("invalid")]),
    counts: Counts,
    /** The issue's labels when it was read (the publisher adds and removes state labels against them). */
    labels: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }),
    baseSha: Sha,
    /** The data file and the regenerated files; empty when the submission is invalid. */
    files: Type.Array(FileChangeSchema, { maxItems: 50 }),
    /** Valid submissions only: the commit and the pull request. */
    commitMessage: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000 })),
    pull: Type.Optional(
      Type.Object(
        { title: Type.String({ minLength: 1, maxLength: 256 }), body: Body },
        { additionalProperties: false },
      ),
    ),
    /** The issue comment with PULL_URL_PLACEHOLDER where the pull request's URL goes. */
    commentWithPull: Body,
    /** The issue comment when there is no pull request (an invalid submission). */
    commentWithoutPull: Body,
    /** The compute job saw the pull request approved by a maintainer, or labelled frozen. */
    reviewed: Type.Boolean(),
    /**
     * The comment for the pull request when the entry differs from the one its branch holds (with the diff);
     * "" when there is no open pull request or the entry is the same. A reviewed pull request gets this comment
     * instead of a rewritten branch.
     */
    changedComment: Body,
    /** The issue carried the re-apply label: rebuild even a reviewed pull request, then take the label off. */
    reapply: Type.Boolean(),
  },
  { additionalProperties: false },
);

const SkipItem = Type.Object(
  { kind: Type.Literal("skip"), issue: IssueNumber, reason: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);

/** A pull request whose issue was closed: close it too. */
const ClosePullItem = Type.Object(
  { kind: Type.Literal("close-pull"), issue: IssueNumber, pull: IssueNumber },
  { additionalProperties: false },
);

/** A submission the compute job could not compute: reported, and the publish step fails at the end. */
const FailedItem = Type.Object(
  {
    kind: Type.Literal("failed"),
    issue: IssueNumber,
    pull: Type.Optional(IssueNumber),
    message: Type.String({ maxLength: 2_000 }),
  },
  { additionalProperties: false },
);

export const SubmissionPlanSchema = Type.Object(
  {
    version: Type.Literal(PLAN_VERSION),
    /** owner/name: a plan made for another repository is refused. */
    repository: Type.String({ minLength: 3, maxLength: 200 }),
    mode: Type.Union([Type.Literal("issue"), Type.Literal("refresh")]),
    items: Type.Array(Type.Union([SubmissionItem, SkipItem, ClosePullItem, FailedItem]), { maxItems: 1_000 }),
    /** Refresh only: set when the run was not on the default branch, so nothing is refreshed. */
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export type SubmissionPlan = Static<typeof SubmissionPlanSchema>;
export type PlanItem = SubmissionPlan["items"][number];
export type SubmissionPlanItem = Extract<PlanItem, { kind: "submission" }>;

let validator: ValidateFunction | undefined;

export type PlanParse = { ok: true; plan: SubmissionPlan } | { ok: false; message: string };

/** Reads a plan file's text: JSON, then the schema. The message says what is wrong and where. */
export function parsePlan(text: string, file: string): PlanParse {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, message: `${file}: ${json.message}` };
  const value = json.value;
  validator ??= new Ajv2020({ allErrors: true, strict: true }).compile(SubmissionPlanSchema);
  if (validator(value)) return { ok: true, plan: value as SubmissionPlan };
  const problems = (validator.errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return { ok: false, message: `${file} is not a papershelf intake result:\n${problems.join("\n")}` };
}

/** The plan as the compute job writes it. */
export function serializePlan(plan: SubmissionPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
