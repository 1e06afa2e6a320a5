/**
 * The list's verdicts on a submission (lint findings, link checks, duplicates) turned into problems the
 * submitter can act on: in both languages, on the form field they are about, with the fix. Rule ids and
 * entry ids stay in `code`, out of the sentences.
 */
import {
  arxivIdFromUrl,
  ENTRY_ANATOMY,
  EntrySchema,
  entryUrls as recordEntryUrls,
  formIdOf,
  normalizeArxivId,
  type Anatomy,
  type Diagnostic,
  type Entry,
  type RecordSource,
} from "../records/index.js";
import type { IssueForm } from "./form.js";
import { bodyProblem, quoteValue, say, type IntakeProblem, type ProblemLink } from "./problems.js";
import { ruleWords } from "./rule-messages.js";

/** The form field id of a record key, when the form asks for it. */
function formFieldOf(key: string | undefined, form: IssueForm): string | undefined {
  const spec = key === undefined ? undefined : (ENTRY_ANATOMY as Anatomy)[key];
  const id = key === undefined || spec === undefined ? undefined : formIdOf(key, spec);
  return id !== undefined && form.fields.some((f) => f.id === id) ? id : undefined;
}

/** The field and its label, for a problem about record key `key`. */
function onField(key: string | undefined, form: IssueForm): Pick<IntakeProblem, "field" | "label"> {
  const field = formFieldOf(key, form);
  const label = form.fields.find((f) => f.id === field)?.label;
  return { ...(field ? { field } : {}), ...(label ? { label } : {}) };
}

/** The record key whose value holds `line` in the new entry. */
function keyAtLine(source: RecordSource, index: number, line: number): string | undefined {
  // Every record key: the ones the form has no field for (id, added…) are filtered out by formFieldOf.
  return Object.keys(EntrySchema.properties).find((k) => {
    if (source.nodeAt(["entries", index, k]) === undefined) return false;
    const value = source.position(["entries", index, k]);
    const start = source.keyPosition(["entries", index], k)?.line ?? value.line;
    // A block value's range ends at column 1 of the next key's line: that line belongs to the next key.
    const end = value.endColumn === 1 && value.endLine > start ? value.endLine - 1 : value.endLine;
    return line >= start && line <= end;
  });
}

/** A finding of the list's rules (or its schema) about the new entry, on the field it names. */
export function fromDiagnostic(
  d: Diagnostic,
  source: RecordSource,
  index: number,
  form: IssueForm,
): IntakeProblem {
  const words = ruleWords(d.ruleId);
  const message = d.message.charAt(0).toUpperCase() + d.message.slice(1);
  return {
    ...bodyProblem(d.severity, say(words.zh, /[.!?]$/.test(message) ? message : `${message}.`), words.hint, {
      code: d.ruleId,
    }),
    ...onField(keyAtLine(source, index, d.line), form),
  };
}

/** What the intake needs of a link check result; the check stage's `LinkResult` fits as it is. */
export interface IntakeLinkResult {
  url: string;
  /** ok, redirect, soft404, dead, suspect, blocked, timeout, error, excluded, unchecked. */
  verdict: string;
  message: string;
}

/** Link verdicts that mean the submitted link is wrong now (404, 410, no such host): the submitter must fix it. */
const BROKEN_VERDICTS: readonly string[] = ["dead", "suspect"];

/** What each verdict means, in Chinese; the English is the checker's own message. */
const VERDICT_ZH: Readonly<Record<string, string>> = {
  dead: "打不開（網頁不存在）",
  suspect: "打不開",
  redirect: "會轉址到別的網址",
  soft404: "打開的是「找不到」之類的頁面",
  blocked: "網站擋掉了機器人的檢查",
  timeout: "太久沒有回應",
  error: "檢查時出錯",
};

/** The links a submission's check requests: every URL field but images (the image-url rule vets those). */
export function linksToCheck(entry: Entry): string[] {
  return recordEntryUrls(entry, 0)
    .filter((f) => f.role !== "image")
    .map((f) => f.value);
}

/** A link check verdict on the field the link was given in. */
export function fromLinkResult(result: IntakeLinkResult, entry: Entry, form: IssueForm): IntakeProblem {
  const broken = BROKEN_VERDICTS.includes(result.verdict);
  const key = recordEntryUrls(entry, 0).find((f) => f.value === result.url)?.path[2];
  const shown = quoteValue(result.url, 200);
  const zh = `連結 ${shown} ${VERDICT_ZH[result.verdict] ?? "有問題"}。`;
  const en = `The link ${shown}: ${result.message}.`;
  const hint = broken
    ? say("請檢查網址；連結必須讓所有人都打得開。", "Check the address; the link must open for everyone.")
    : say(
        "請確認網址是否正確；沒問題的話不必處理。",
        "Check that the address is right; if it is, nothing to do.",
      );
  return {
    ...bodyProblem(broken ? "error" : "warning", say(zh, en), hint, { code: `link-${result.verdict}` }),
    ...onField(typeof key === "string" ? key : undefined, form),
  };
}

/** What makes two entries one work, said for the submitter (the lint's keys, read from the two entries). */
function sameWork(a: Entry, b: Entry): { zh: string; en: string } {
  const arxivOf = (e: Entry) =>
    (e.arxiv === undefined ? undefined : normalizeArxivId(e.arxiv)) ?? arxivIdFromUrl(e.url);
  const id = arxivOf(a);
  if (id !== undefined && id === arxivOf(b))
    return { zh: `同一個 arXiv 編號 ${id}`, en: `the same arXiv id ${id}` };
  if (a.doi !== undefined && a.doi.toLowerCase() === b.doi?.toLowerCase())
    return { zh: `同一個 DOI ${a.doi}`, en: `the same DOI ${a.doi}` };
  return { zh: "相同的連結或標題", en: "the same link or title" };
}

/**
 * The submission repeats an entry already listed: link that entry and ask to close the issue. Whichever of
 * the two the lint reported (the later one in the file), the submission is the duplicate.
 */
export function duplicateProblem(
  submitted: Entry,
  listed: Entry,
  severity: IntakeProblem["severity"],
  link: string | undefined,
): IntakeProblem {
  const title = quoteValue(listed.title, 120);
  const why = sameWork(submitted, listed);
  const links: ProblemLink[] = link ? [{ text: listed.title, url: link }] : [];
  return bodyProblem(
    severity,
    say(
      `這篇已經在清單裡了：${title}，兩者有${why.zh}。`,
      `This work is already on the list as ${title}: both have ${why.en}.`,
    ),
    say(
      "請關閉這個 issue。若這其實是另一篇論文，請改正連結或 arXiv 編號，再編輯 issue。",
      "Please close this issue. If it is a different work, correct the link or the arXiv id and edit the issue.",
    ),
    { code: `duplicate-entry:${listed.id}`, links },
  );
}
