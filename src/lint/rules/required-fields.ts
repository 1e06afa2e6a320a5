import { arxivIdFromUrl, type Entry, type EntryKind } from "../../records/index.js";
import type { Finding, LintRule } from "../types.js";

type Field = keyof Entry;

/**
 * What each kind needs beyond the schema, as data: every inner list is "at least one of". The schema
 * already requires id, title, url, kind and category for all.
 */
export const REQUIRED_BY_KIND: Readonly<Record<EntryKind, readonly (readonly Field[])[]>> = {
  paper: [["date", "venue"]],
  dataset: [],
  model: [],
  resource: [],
};

function describe(fields: readonly Field[]): string {
  return fields.length === 1 ? `"${fields[0]}"` : `one of ${fields.map((f) => `"${f}"`).join(" or ")}`;
}

export const requiredFields: LintRule = {
  id: "required-fields",
  description: "An entry lacks a field its kind needs (a paper needs a date or a venue).",
  defaultSetting: "error",
  rationale:
    "The schema requires what every entry needs (id, title, url, kind, category). Some fields are needed " +
    "by kind: " +
    Object.entries(REQUIRED_BY_KIND)
      .filter(([, groups]) => groups.length)
      .map(([kind, groups]) => `a ${kind} needs ${groups.map(describe).join(" and ")}`)
      .join("; ") +
    ". Without a date or a venue a reader cannot tell a 2017 paper from last week's.",
  examples: {
    pass: `- id: arcface
  title: "ArcFace: Additive Angular Margin Loss for Deep Face Recognition"
  url: https://arxiv.org/abs/1801.07698
  kind: paper
  category: llm
  venue: CVPR 2019`,
    fail: `- id: arcface
  title: "ArcFace: Additive Angular Margin Loss for Deep Face Recognition"
  url: https://arxiv.org/abs/1801.07698
  kind: paper
  category: llm`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    data.entries.forEach((entry, i) => {
      for (const group of REQUIRED_BY_KIND[entry.kind] ?? []) {
        if (group.some((field) => entry[field] !== undefined)) continue;
        findings.push({
          path: ["entries", i],
          message: `${entry.kind} "${entry.id}" has no ${group.join(" and no ")}; expected ${describe(group)}${
            // An arXiv paper's date is one command away (an imported list has many such entries).
            group.includes("date") && (entry.arxiv ?? arxivIdFromUrl(entry.url)) !== undefined
              ? ' ("papershelf enrich" fills the date from arXiv)'
              : ""
          }`,
        });
      }
    });
    return findings;
  },
};
