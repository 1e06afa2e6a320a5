/**
 * arXiv ids for imported entries: from the entry's own link (src/records/arxiv.ts), and from an ids file
 * (`- title: …\n  arxiv: '2306.15195'`) matched by normalised title. Order is used only as a reported
 * fallback, for an entry whose title matches no row while the row in its position matches no entry.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { ARXIV_ID, type Diagnostic } from "../records/index.js";
import type { ArxivIdList, ArxivIdRow, ImportNotice } from "./types.js";

export type ArxivIdsResult = { ok: true; list: ArxivIdList } | { ok: false; errors: Diagnostic[] };

/** Parses an ids file. Unquoted ids (read by YAML as numbers, `2306.10960` → 2306.1096) are read as written. */
export function parseArxivIds(text: string, file: string): ArxivIdsResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const errors: Diagnostic[] = [];
  const fail = (line: number, message: string) =>
    errors.push({ ruleId: "arxiv-ids", severity: "error", message, file, line, column: 1 });
  for (const e of doc.errors)
    fail(lineCounter.linePos(e.pos[0]).line, `YAML syntax error: ${e.message.split("\n")[0]}`);
  if (errors.length > 0) return { ok: false, errors };
  if (!isSeq(doc.contents)) {
    fail(lineOf(doc.contents), "expected a list of {title, arxiv} items");
    return { ok: false, errors };
  }
  const rows: ArxivIdRow[] = [];
  for (const item of doc.contents.items) {
    const line = lineOf(item as Node);
    if (!isMap(item)) {
      fail(line, "expected an item with title and arxiv");
      continue;
    }
    const title: unknown = item.get("title", true);
    const arxiv = item.get("arxiv", true);
    const titleText = isScalar(title) && typeof title.value === "string" ? title.value.trim() : "";
    if (titleText === "") {
      fail(line, "title: expected the entry's title as text");
      continue;
    }
    let id: string | null = null;
    if (isScalar(arxiv) && arxiv.value !== null) {
      id =
        typeof arxiv.value === "number" && arxiv.range
          ? text.slice(arxiv.range[0], arxiv.range[1])
          : String(arxiv.value);
      if (!ARXIV_ID.test(id)) {
        fail(
          lineOf(arxiv),
          `arxiv: "${id}" is not an arXiv id; expected e.g. '2306.15195' (or null for no paper)`,
        );
        continue;
      }
    } else if (arxiv !== undefined && !(isScalar(arxiv) && arxiv.value === null)) {
      fail(lineOf(arxiv as Node), "arxiv: expected an id like '2306.15195' or null");
      continue;
    } else if (arxiv === undefined) {
      fail(line, "arxiv: missing; write arxiv: null for an entry that is not a paper");
      continue;
    }
    rows.push({ title: titleText, arxiv: id, line });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, list: { file, rows } };
}

/** Titles compared loosely: Unicode-normalised, case-folded, punctuation and spacing ignored. */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** What the matcher needs of an entry. `fromHeading` is false for records made from prose. */
export interface ArxivCandidate {
  id: string;
  title: string;
  kind: string;
  arxiv?: string;
  line: number;
  fromHeading: boolean;
}

/**
 * Sets `arxiv` on the candidates from the list (mutates them) and returns notices: papers left without an
 * id, rows that matched nothing, matches made by position, and rows that disagree with an arxiv.org link.
 */
export function assignArxivIds(
  candidates: ArxivCandidate[],
  list: ArxivIdList,
  mdFile: string,
): ImportNotice[] {
  const notices: ImportNotice[] = [];
  const used = new Set<ArxivIdRow>();
  const byTitle = new Map<string, ArxivIdRow[]>();
  for (const row of list.rows) {
    const key = normaliseTitle(row.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), row]);
  }
  const matched = new Map<ArxivCandidate, ArxivIdRow>();
  for (const c of candidates) {
    const row = byTitle.get(normaliseTitle(c.title))?.find((r) => !used.has(r));
    if (row) {
      used.add(row);
      matched.set(c, row);
    }
  }
  const headed = candidates.filter((c) => c.fromHeading);
  headed.forEach((c, i) => {
    const row = list.rows[i];
    if (matched.has(c) || !row || used.has(row)) return;
    used.add(row);
    matched.set(c, row);
    notices.push({
      severity: "warning",
      code: "arxiv-by-position",
      message: `no row of ${list.file} has this title; took row ${i + 1} by position ("${row.title}", line ${row.line}): check it`,
      file: mdFile,
      line: c.line,
      entryId: c.id,
    });
  });
  for (const c of candidates) {
    const row = matched.get(c);
    if (row?.arxiv && c.arxiv && row.arxiv !== c.arxiv) {
      notices.push({
        severity: "warning",
        code: "arxiv-conflict",
        message: `the entry's link says arXiv ${c.arxiv} but ${list.file}:${row.line} says ${row.arxiv}; kept the link's`,
        file: mdFile,
        line: c.line,
        entryId: c.id,
      });
    } else if (row?.arxiv) c.arxiv = row.arxiv;
    if (c.kind === "paper" && !c.arxiv && !row)
      notices.push({
        severity: "warning",
        code: "arxiv-unmatched-entry",
        message: `paper "${c.title}" has no arXiv id: no row of ${list.file} matches its title`,
        file: mdFile,
        line: c.line,
        entryId: c.id,
      });
  }
  for (const row of list.rows)
    if (!used.has(row))
      notices.push({
        severity: "warning",
        code: "arxiv-unused-row",
        message: `"${row.title}" matches no entry's title; its id ${row.arxiv ?? "(null)"} was not used`,
        file: list.file,
        line: row.line,
      });
  return notices;
}
