/**
 * The records' searched texts (`entrySearchText`) as the term numbering reads them (entry-terms.ts), taken
 * straight from the records without rendering any Markdown, so the build can start on the terms (on a thread
 * of their own: terms-thread.ts) before it makes the entry views.
 */
import type { Entry } from "../records/index.js";
import { RELATED_FIELDS, packTermInput, type TermInput } from "./entry-terms.js";
import { entrySearchText, relatedTexts, searchFields } from "./entry-view.js";

export function termInput(entries: readonly Entry[]): TermInput {
  const fields = searchFields();
  const relatedAt = RELATED_FIELDS.map((field) => fields.indexOf(field));
  const texts: (string | undefined)[][] = [];
  const unsearchedRelated: string[][] = [];
  for (const entry of entries) {
    const searchText = entrySearchText(entry);
    const own = fields.map((field) => searchText[field]);
    texts.push(own);
    const unsearched: string[] = [];
    let related: ReturnType<typeof relatedTexts> | undefined;
    RELATED_FIELDS.forEach((field, k) => {
      const at = relatedAt[k] ?? -1;
      if (at === -1 || own[at] === undefined) unsearched.push((related ??= relatedTexts(entry))[field]);
    });
    unsearchedRelated.push(unsearched);
  }
  return packTermInput(
    entries.map((e) => e.id),
    fields,
    texts,
    unsearchedRelated,
  );
}
