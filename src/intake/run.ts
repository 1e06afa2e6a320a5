/**
 * The whole intake step, pure except for the injected lint, link check and renderer: issue body → answers →
 * record → inserted into the list's text → the whole new list re-validated and linted → preview. The CLI
 * and the Action call this same function; only they read files, post comments or write the data file.
 */
import {
  type Anatomy,
  arxivIdFromUrl,
  type Diagnostic,
  type Entry,
  ENTRY_ANATOMY,
  EntrySchema,
  entryUrls as recordEntryUrls,
  flattenCategories,
  formIdOf,
  insertEntry,
  type PapersFile,
  parseArxivId,
  parseRecords,
  type ParseResult,
  type RecordSource,
} from "../records/index.js";
import type { ArxivPaper } from "../arxiv/index.js";
import { parseIssueBody } from "./body.js";
import { overBudget, startCpuBudget, type CpuBudget } from "./budget.js";
import { buildRecord, type BuildContext } from "./build-record.js";
import { parseIssueForm, type IssueForm } from "./form.js";
import { renderFallbackPreview } from "./preview.js";
import type { IntakeProblem } from "./problems.js";

/**
 * The list after insertion, for the lint: the whole list, so duplicates of existing entries are found.
 * The lint returns findings about `entryId` (and the entries it relates to); others are not the submitter's.
 */
export interface IntakeLintInput {
  parsed: Extract<ParseResult, { ok: true }>;
  entryId: string;
  now: Date;
}
export type IntakeLint = (input: IntakeLintInput) => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;
/** What the intake needs of a link check result; the check stage's `LinkResult` fits as it is. */
export interface IntakeLinkResult {
  url: string;
  /** ok, redirect, soft404, dead, suspect, blocked, timeout, error, excluded. */
  verdict: string;
  message: string;
}
export type IntakeLinkCheck = (urls: readonly string[]) => Promise<readonly IntakeLinkResult[]>;
/** The entry's Markdown as the README shows it. */
export type IntakeRenderEntry = (entry: Entry, data: PapersFile) => string;

/**
 * Asks arXiv for one paper: its metadata, `paper: undefined` when arXiv has no such paper, or why it could
 * not be asked. One request per submission.
 */
export type IntakeArxivLookup = (
  id: string,
) => Promise<{ ok: true; paper: ArxivPaper | undefined } | { ok: false; message: string }>;

export interface IntakeInput {
  body: string;
  /** The submission form's YAML (.github/ISSUE_TEMPLATE/submit-paper.yml). */
  template: string;
  /** data/papers.yaml as it is now. */
  papersText: string;
  /** How the data file is named in messages. */
  file?: string;
  now: Date;
  lint?: IntakeLint;
  checkLinks?: IntakeLinkCheck;
  renderEntry?: IntakeRenderEntry;
  /** Fills what the submitter left empty (title, authors, date, abstract…) from arXiv. */
  lookupArxiv?: IntakeArxivLookup;
  /** CPU seconds this intake may take (default: INTAKE_CPU_BUDGET_SECONDS from the start of the call). */
  budget?: CpuBudget;
}

export type IntakeResult =
  | {
      ok: true;
      entry: Entry;
      newText: string;
      preview: string;
      findings: IntakeProblem[];
      /** Record keys whose values came from arXiv (the submitter left them empty). */
      fromArxiv: string[];
    }
  /** `entry` and `preview` are there when the record was built but the list's rules refuse it. */
  | { ok: false; errors: IntakeProblem[]; findings: IntakeProblem[]; entry?: Entry; preview?: string };

/** Link verdicts that mean the submitted link is wrong now (404, 410, no such host): the submitter must fix it. */
const BROKEN_VERDICTS: readonly string[] = ["dead", "suspect"];
/** Verdicts that say nothing about the link itself. */
const QUIET_VERDICTS: readonly string[] = ["ok", "excluded"];

/** The one note when the link check could not reach the network: the links are neither right nor wrong. */
const LINKS_NOT_CHECKED: IntakeProblem = {
  severity: "warning",
  message: "links not checked: the network was unavailable when the bot ran",
  hint: "Nothing to do: a maintainer, or the next edit of this issue, checks them again.",
};

function listProblem(message: string, hint?: string): IntakeProblem {
  return { severity: "error", message, ...(hint ? { hint } : {}) };
}

/** The form field a finding inside the new entry is about: the entry key whose value holds `line`. */
function fieldAtLine(source: RecordSource, index: number, line: number, form: IssueForm): string | undefined {
  // Every record key: the ones the form has no field for (id, added…) are filtered out below.
  const keys = Object.keys(EntrySchema.properties);
  const key = keys.find((k) => {
    if (source.nodeAt(["entries", index, k]) === undefined) return false;
    const value = source.position(["entries", index, k]);
    const start = source.keyPosition(["entries", index], k)?.line ?? value.line;
    // A block value's range ends at column 1 of the next key's line: that line belongs to the next key.
    const end = value.endColumn === 1 && value.endLine > start ? value.endLine - 1 : value.endLine;
    return line >= start && line <= end;
  });
  const spec = key === undefined ? undefined : (ENTRY_ANATOMY as Anatomy)[key];
  const id = key === undefined || spec === undefined ? undefined : formIdOf(key, spec);
  return id !== undefined && form.fields.some((f) => f.id === id) ? id : undefined;
}

function fromDiagnostic(d: Diagnostic, source: RecordSource, index: number, form: IssueForm): IntakeProblem {
  const field = fieldAtLine(source, index, d.line, form);
  const label = form.fields.find((f) => f.id === field)?.label;
  return {
    severity: d.severity,
    message: `${d.message} (${d.ruleId})`,
    ...(field ? { field } : {}),
    ...(label ? { label } : {}),
  };
}

/** The links a submission's check requests: every URL field but images (the image-url rule vets those). */
function entryUrls(entry: Entry): string[] {
  return recordEntryUrls(entry, 0)
    .filter((f) => f.role !== "image")
    .map((f) => f.value);
}

function fromLinkResult(result: IntakeLinkResult): IntakeProblem {
  const broken = BROKEN_VERDICTS.includes(result.verdict);
  return {
    severity: broken ? "error" : "warning",
    message: `${result.url}: ${result.message} (${result.verdict})`,
    ...(broken ? { hint: "Check the address; the link must open for everyone." } : {}),
  };
}

/**
 * Body problems win: a field the body parser already rejected gets no second, derived complaint. Listed in
 * form order, so the comment reads top to bottom like the form (problems about the whole body first).
 */
function mergeProblems(first: IntakeProblem[], second: IntakeProblem[], form: IssueForm): IntakeProblem[] {
  const reported = new Set(first.map((p) => p.field).filter((f) => f !== undefined));
  const merged = [...first, ...second.filter((p) => p.field === undefined || !reported.has(p.field))];
  const order = (p: IntakeProblem) => form.fields.findIndex((f) => f.id === p.field);
  return merged.sort((a, b) => order(a) - order(b));
}

/** The answer to a submission that spent its CPU budget: bilingual, and what to do about it. */
export function tooComplexProblem(budget: CpuBudget): IntakeProblem {
  return listProblem(
    `這份提交太複雜，無法在 ${budget.limitSeconds} 秒的處理時間內完成。 / This submission is too complex to process within its budget of ${budget.limitSeconds} CPU seconds.`,
    "請把摘要與備註改成較短的純文字段落，再編輯這個 issue。 / Write the 摘要 and the note as shorter plain paragraphs, then edit the issue.",
  );
}

/** The arXiv id the answers name (the arXiv field, else the link, else a bare id in the link field). */
function arxivIdOfAnswers(answers: Readonly<Record<string, unknown>>): string | undefined {
  const text = (id: string) => (typeof answers[id] === "string" ? (answers[id] as string).trim() : "");
  return parseArxivId(text("arxiv")) ?? arxivIdFromUrl(text("url")) ?? parseArxivId(text("url"));
}

async function askArxiv(
  answers: Readonly<Record<string, unknown>>,
  lookup: IntakeArxivLookup | undefined,
): Promise<BuildContext["arxiv"]> {
  const id = lookup ? arxivIdOfAnswers(answers) : undefined;
  if (!lookup || id === undefined) return undefined;
  const answer = await lookup(id);
  if (!answer.ok) return { unreachable: answer.message };
  return answer.paper ? { paper: answer.paper } : { unknown: id.replace(/v\d+$/, "") };
}

/** Runs the intake on one issue body. Never throws on bad input; returns the record or every problem. */
export async function runIntake(input: IntakeInput): Promise<IntakeResult> {
  const budget = input.budget ?? startCpuBudget();
  const spent = () => overBudget(budget);
  const file = input.file ?? "data/papers.yaml";
  const formResult = parseIssueForm(input.template);
  if (!formResult.ok)
    return {
      ok: false,
      findings: [],
      errors: formResult.errors.map((e) =>
        listProblem(`the submission form is broken: ${e}`, "A maintainer must fix the form."),
      ),
    };
  const { form } = formResult;
  const list = parseRecords(input.papersText, file);
  if (!list.ok)
    return {
      ok: false,
      findings: [],
      errors: [
        listProblem(
          `${file} has ${list.errors.length} error(s) (first: line ${list.errors[0]?.line}: ${list.errors[0]?.message})`,
          "Not your submission's fault: a maintainer must fix the list; the bot will then check again.",
        ),
      ],
    };

  const body = parseIssueBody(input.body, form);
  // An oversized body, or one whose fields cannot be told apart, is not read further: its errors say why,
  // not one derived complaint per field.
  if (!body.ok && body.unreadable) return { ok: false, findings: [], errors: body.errors };
  if (spent()) return { ok: false, findings: [], errors: [tooComplexProblem(budget)] };
  const arxiv = await askArxiv(body.answers, input.lookupArxiv);
  const built = buildRecord(body.answers, {
    ...(arxiv ? { arxiv } : {}),
    form,
    categories: list.data.categories,
    existingIds: new Set([
      ...list.data.entries.map((e) => e.id),
      ...flattenCategories(list.data.categories).map((c) => c.category.id),
    ]),
    now: input.now,
  });
  const findings = [...body.warnings, ...built.warnings];
  if (arxiv && "unreachable" in arxiv)
    findings.push({
      severity: "warning",
      message: `nothing was filled from arXiv: ${arxiv.unreachable}`,
      hint: "Nothing to do: the next edit of this issue, or the weekly health run, asks arXiv again.",
    });
  if (!body.ok || !built.ok)
    return {
      ok: false,
      findings,
      errors: mergeProblems(body.ok ? [] : body.errors, built.ok ? [] : built.errors, form),
    };
  const { entry } = built;
  if (spent()) return { ok: false, findings, entry, errors: [tooComplexProblem(budget)] };

  const inserted = insertEntry(input.papersText, entry, file);
  if (!inserted.ok)
    return { ok: false, findings, entry, errors: inserted.errors.map((d) => listProblem(d.message)) };
  const next = parseRecords(inserted.text, file);
  if (!next.ok) {
    // The schema refused the record as written into the file: point each error at the submitted field.
    const loaded = next.source.toData();
    const raw = (loaded.ok ? loaded.data : null) as { entries?: { id?: unknown }[] } | null;
    const at = raw?.entries?.findIndex((e) => e.id === entry.id) ?? -1;
    return {
      ok: false,
      findings,
      entry,
      errors: next.errors.map((d) => fromDiagnostic(d, next.source, at, form)),
    };
  }
  const index = next.data.entries.findIndex((e) => e.id === entry.id);
  const span = next.source.entryPosition(index);
  let preview: string;
  try {
    preview = (input.renderEntry ?? renderFallbackPreview)(entry, next.data);
  } catch (error) {
    // The Markdown limits keep parsers in bounds; should a renderer still fail on a submission (a stack
    // overflow on some construct they did not foresee), the submitter gets an answer, not a failed run.
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      findings,
      entry,
      errors: [
        listProblem(
          `the entry cannot be rendered for the README (${why}): its 摘要 or note is too deeply nested or too complex`,
          "Write the 摘要 and the note as plain paragraphs, then edit the issue.",
        ),
      ],
    };
  }

  if (spent()) return { ok: false, findings, entry, errors: [tooComplexProblem(budget)] };
  const problems: IntakeProblem[] = [];
  if (input.lint) {
    const diagnostics = await input.lint({ parsed: next, entryId: entry.id, now: input.now });
    // Findings tied to an entry were narrowed to the new one by the lint; untied ones count only inside it.
    for (const d of diagnostics)
      if (d.entryId !== undefined || (d.line >= span.line && d.line <= span.endLine))
        problems.push(fromDiagnostic(d, next.source, index, form));
  }
  if (spent()) return { ok: false, findings, entry, preview, errors: [tooComplexProblem(budget)] };
  if (input.checkLinks) {
    const results = await input.checkLinks(entryUrls(entry));
    // No network: nothing is known about the links, so nothing is asked of the submitter.
    if (results.some((r) => r.verdict === "unchecked")) findings.push(LINKS_NOT_CHECKED);
    for (const r of results)
      if (!QUIET_VERDICTS.includes(r.verdict) && r.verdict !== "unchecked") problems.push(fromLinkResult(r));
  }
  const errors = problems.filter((p) => p.severity === "error");
  findings.push(...problems.filter((p) => p.severity === "warning"));
  if (errors.length > 0) return { ok: false, errors, findings, entry, preview };
  return { ok: true, entry, newText: inserted.text, preview, findings, fromArxiv: built.fromArxiv };
}
