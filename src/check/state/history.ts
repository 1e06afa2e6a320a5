/**
 * The two-run rule: a link is `dead` only when it failed on two runs at least `deadAfterMs` apart; a first
 * failure is `suspect`. The history of failures is a small JSON document the edge reads and writes.
 */
import { evidenceOf, type LinkResult } from "../links/verdict.js";
import { parseJsonText } from "../../json-text.js";

export interface FailureRecord {
  firstFailedAt: string;
  lastFailedAt: string;
  /** Runs on which the link failed in a row. */
  runs: number;
  message: string;
}

export interface CheckState {
  version: 1;
  lastRunAt?: string;
  /** Failing links by URL. A link that answers again is removed. */
  failures: Record<string, FailureRecord>;
}

/** The day of an ISO time, as reports show it ("2026-11-23"); the state file keeps the full time. */
const readableDay = (iso: string): string => /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
/**
 * A moment to the minute, in UTC: the two-run gap is hours (deadAfterHours, 1 at least), so "after
 * 2026-12-02" named a day when the threshold was 06:36 that day.
 */
const readableMinute = (iso: string): string =>
  /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)?.slice(1, 3).join(" ").concat(" UTC") ?? iso;

/** Failure records nobody has seen for this long are dropped (the link left the list, or another shard owns it). */
export const STATE_RECORD_MAX_AGE_MS = 30 * 24 * 3_600_000;

export function emptyState(): CheckState {
  return { version: 1, failures: {} };
}

export interface TwoRunResult {
  results: LinkResult[];
  state: CheckState;
}

/**
 * Applies past failures to this run's results and returns the next state. `suspect` results become `dead`
 * when the same link already failed at least `deadAfterMs` earlier; successes clear the record; timeouts,
 * errors and blocked answers prove nothing either way and leave it as it was.
 */
export function applyTwoRunRule(
  results: readonly LinkResult[],
  previous: CheckState,
  nowMs: number,
  deadAfterMs: number,
): TwoRunResult {
  const now = new Date(nowMs).toISOString();
  const failures: Record<string, FailureRecord> = {};
  for (const [url, record] of Object.entries(previous.failures)) {
    if (nowMs - Date.parse(record.lastFailedAt) <= STATE_RECORD_MAX_AGE_MS) failures[url] = record;
  }
  const next = results.map((result): LinkResult => {
    if (result.verdict === "ok" || result.verdict === "redirect" || result.verdict === "soft404") {
      delete failures[result.url];
      return result;
    }
    if (result.verdict !== "suspect") return result;
    const past = failures[result.url];
    const firstFailedAt = past?.firstFailedAt ?? result.firstFailedAt;
    failures[result.url] = {
      firstFailedAt,
      lastFailedAt: now,
      runs: (past?.runs ?? 0) + 1,
      message: result.message,
    };
    const firstMs = Date.parse(firstFailedAt);
    if (past && nowMs - firstMs >= deadAfterMs) {
      return {
        ...evidenceOf(result),
        verdict: "dead",
        firstFailedAt,
        message: `${result.message} (failing since ${readableDay(firstFailedAt)})`,
      };
    }
    const deadAfter = new Date(firstMs + deadAfterMs).toISOString();
    const seen = past
      ? `failed on ${past.runs + 1} runs since ${readableDay(firstFailedAt)}`
      : "first failure";
    return {
      ...evidenceOf(result),
      verdict: "suspect",
      firstFailedAt,
      deadAfter,
      message: `${result.message} (${seen}; dead if it still fails after ${readableMinute(deadAfter)})`,
    };
  });
  return { results: next, state: { version: 1, lastRunAt: now, failures } };
}

/** Reads a state document; anything unusable is reported, never half-used. */
export function parseState(text: string): { ok: true; state: CheckState } | { ok: false; message: string } {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const data = json.value;
  const doc = data as Partial<CheckState> | null;
  if (!doc || doc.version !== 1 || typeof doc.failures !== "object" || doc.failures === null) {
    return { ok: false, message: 'expected {"version": 1, "failures": {…}}' };
  }
  for (const [url, record] of Object.entries(doc.failures)) {
    const r = record as Partial<FailureRecord> | null;
    if (!r || typeof r.firstFailedAt !== "string" || Number.isNaN(Date.parse(r.firstFailedAt))) {
      return { ok: false, message: `failures["${url}"].firstFailedAt should be an ISO date` };
    }
    if (typeof r.lastFailedAt !== "string" || Number.isNaN(Date.parse(r.lastFailedAt))) {
      return { ok: false, message: `failures["${url}"].lastFailedAt should be an ISO date` };
    }
  }
  return { ok: true, state: doc as CheckState };
}
