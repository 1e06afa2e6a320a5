/**
 * The build's wiring of the term numbering (term-ids.ts) to its two readers: the search index and the
 * related entries, from one pass over every record's searched text.
 */
import { searchFields, type SiteEntry } from "./entry-view.js";
import { relatedFromTerms } from "./related.js";
import { writeSearchIndexPieces, type FieldTerms } from "./search/build-index.js";
import { TermIds } from "./term-ids.js";

/** The fields related entries compare, as arxiv-sanity-lite does: title, abstract and 摘要. */
const RELATED_FIELDS = ["title", "abstract", "summary"] as const;

/**
 * Every entry's searched text cut into term ids once, for both the search index and the related entries
 * (tokenizing and looking up 5 million terms twice cost a second at 10,000 records).
 */
export function termsOfEntries(entries: readonly SiteEntry[]) {
  const fields = searchFields();
  const table = new TermIds();
  const texts = entries.map((e) =>
    fields.map((field) => {
      const text = e.searchText[field];
      return text === undefined ? -1 : table.add(text);
    }),
  );
  const relatedAt = RELATED_FIELDS.map((field) => fields.indexOf(field));
  const relatedTexts = entries.map((e, i) =>
    RELATED_FIELDS.map((field, k) => {
      const searched = texts[i]?.[relatedAt[k] ?? -1] ?? -1;
      return searched === -1 ? table.add(e[field]) : searched;
    }),
  );
  const ids = entries.map((e) => e.id);
  return {
    searchIndex: () => {
      const terms: FieldTerms[] = texts.map((own) => own.map((t) => (t === -1 ? undefined : table.of(t))));
      return writeSearchIndexPieces(ids, terms, table.terms, fields);
    },
    related: () =>
      relatedFromTerms(
        ids,
        relatedTexts.map((own) => own.map((t) => table.of(t))),
        table.terms,
      ),
  };
}
