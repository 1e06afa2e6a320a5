/**
 * The whole intake step, pure except for the injected lint, link check and renderer: issue body → answers →
 * record → inserted into the list's text → the whole new list re-validated and linted → preview. The CLI
 * and the Action call this same function; only they read files, post comments or write the data file.
 */
import {
  arxivIdFromUrl,
  type Diagnostic,
  type Entry,
  flattenCategories,
  insertEntry,
  type PapersFile,
  parseArxivId,
  parseRecords,
  type ParseResult,
} from "../records/index.js";
import type { ArxivPaper } from "../arxiv/index.js";
import { parseIssueBody } from "./body.js";
import { overBudget, startCpuBudget, type CpuBudget } from "./budget.js";
import { buildRecord, type BuildContext } from "./build-record.js";
import { parseIssueForm, type IssueForm } from "./form.js";
import { renderFallbackPreview } from "./preview.js";
import {
  duplicateProblem,
  fromDiagnostic,
  fromLinkResult,
  linksToCheck,
  type IntakeLinkResult,
} from "./findings.js";
import { bodyProblem, say, type Bilingual, type IntakeProblem } from "./problems.js";

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
export type { IntakeLinkResult };
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
  /**
   * Where the README shows an entry already on the list (a duplicate's answer links it); absent, the
   * answer names the entry without a link.
   */
  linkToEntry?: (entry: Entry, data: PapersFile) => string | undefined;
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

/** Verdicts that say nothing about the link itself. */
const QUIET_VERDICTS: readonly string[] = ["ok", "excluded"];

/** The one note when the link check could not reach the network: the links are neither right nor wrong. */
const LINKS_NOT_CHECKED: IntakeProblem = bodyProblem(
  "warning",
  say(
    "連結沒有檢查：機器人執行時連不上網路。",
    "Links not checked: the network was unavailable when the bot ran.",
  ),
  say(
    "不必處理：維護者或下一次編輯 issue 時會再檢查。",
    "Nothing to do: a maintainer, or the next edit of this issue, checks them again.",
  ),
  { code: "links-unchecked" },
);

/** The lint rule whose findings become the duplicate answer (a link to the listed entry). */
const DUPLICATE_RULE = "duplicate-entry";

function listProblem(message: Bilingual, hint: Bilingual, code?: string): IntakeProblem {
  return bodyProblem("error", message, hint, code ? { code } : {});
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
    say(
      `這份提交太複雜，無法在 ${budget.limitSeconds} 秒的處理時間內完成。`,
      `This submission is too complex to process within its budget of ${budget.limitSeconds} CPU seconds.`,
    ),
    say(
      "請把摘要與備註改成較短的純文字段落，再編輯這個 issue。",
      "Write the 摘要 and the note as shorter plain paragraphs, then edit the issue.",
    ),
    "too-complex",
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

/**
 * The entry already listed that a duplicate finding pairs with the submission. The lint reports the later
 * of two entries in the file, which may be the listed one: either way the submission is the duplicate.
 */
function listedOriginal(d: Diagnostic, submitted: Entry, entries: readonly Entry[]): Entry | undefined {
  const otherId = d.entryId === submitted.id ? d.relatedEntryIds?.[0] : d.entryId;
  return otherId === submitted.id ? undefined : entries.find((e) => e.id === otherId);
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
        listProblem(
          say(`投稿表單本身有錯：${e}`, `The submission form is broken: ${e}.`),
          say(
            "不是你的問題：需要維護者修好表單，之後機器人會再檢查。",
            "Not your submission's fault: a maintainer must fix the form; the bot then checks again.",
          ),
          "form-broken",
        ),
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
          say(
            `清單 ${file} 本身有 ${list.errors.length} 個錯誤。`,
            `${file} has ${list.errors.length} error(s) (first: line ${list.errors[0]?.line}: ${list.errors[0]?.message}).`,
          ),
          say(
            "不是你的問題：需要維護者修好清單，之後機器人會再檢查。",
            "Not your submission's fault: a maintainer must fix the list; the bot will then check again.",
          ),
          "list-broken",
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
    findings.push(
      bodyProblem(
        "warning",
        say(
          "沒有從 arXiv 自動填入任何欄位：剛才連不上 arXiv。",
          `Nothing was filled from arXiv: ${arxiv.unreachable}.`,
        ),
        say(
          "不必處理：下一次編輯 issue 或每週的健康檢查會再問 arXiv。",
          "Nothing to do: the next edit of this issue, or the weekly health run, asks arXiv again.",
        ),
        { code: "arxiv-unreachable" },
      ),
    );
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
    return {
      ok: false,
      findings,
      entry,
      errors: inserted.errors.map((d) =>
        listProblem(
          say("這筆資料無法加進清單檔。", `${d.message.charAt(0).toUpperCase()}${d.message.slice(1)}.`),
          say("不是你的問題：請等維護者處理。", "Not your submission's fault: a maintainer will look at it."),
          d.ruleId,
        ),
      ),
    };
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
          say(
            "這筆資料無法顯示在 README 裡：摘要或備註的巢狀太深或太複雜。",
            `The entry cannot be rendered for the README (${why}): its 摘要 or note is too deeply nested or too complex.`,
          ),
          say(
            "請把摘要和備註改成一般的段落，再編輯 issue。",
            "Write the 摘要 and the note as plain paragraphs, then edit the issue.",
          ),
          "render-failed",
        ),
      ],
    };
  }

  if (spent()) return { ok: false, findings, entry, errors: [tooComplexProblem(budget)] };
  const problems: IntakeProblem[] = [];
  if (input.lint) {
    const diagnostics = await input.lint({ parsed: next, entryId: entry.id, now: input.now });
    // Findings tied to an entry were narrowed to the new one by the lint; untied ones count only inside it.
    const answered = new Set<string>();
    for (const d of diagnostics) {
      if (d.entryId === undefined && (d.line < span.line || d.line > span.endLine)) continue;
      const listed = d.ruleId === DUPLICATE_RULE ? listedOriginal(d, entry, next.data.entries) : undefined;
      if (!listed) problems.push(fromDiagnostic(d, next.source, index, form));
      else if (!answered.has(listed.id)) {
        answered.add(listed.id);
        problems.push(duplicateProblem(entry, listed, d.severity, input.linkToEntry?.(listed, list.data)));
      }
    }
  }
  if (spent()) return { ok: false, findings, entry, preview, errors: [tooComplexProblem(budget)] };
  if (input.checkLinks) {
    const results = await input.checkLinks(linksToCheck(entry));
    // No network: nothing is known about the links, so nothing is asked of the submitter.
    if (results.some((r) => r.verdict === "unchecked")) findings.push(LINKS_NOT_CHECKED);
    for (const r of results)
      if (!QUIET_VERDICTS.includes(r.verdict) && r.verdict !== "unchecked")
        problems.push(fromLinkResult(r, entry, form));
  }
  const errors = problems.filter((p) => p.severity === "error");
  findings.push(...problems.filter((p) => p.severity === "warning"));
  if (errors.length > 0) return { ok: false, errors, findings, entry, preview };
  return { ok: true, entry, newText: inserted.text, preview, findings, fromArxiv: built.fromArxiv };
}
