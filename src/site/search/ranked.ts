/**
 * MiniSearch, answering with the matching ids in rank order and nothing else: what the page needs.
 *
 * MiniSearch's own `search` builds, for every document a query term matches in every field, a result object
 * holding arrays and a `match` object, a new one again per term combined, and then one more per hit. At
 * 10,000 records the bench's "language model" matches every record in three fields, and that work took
 * 35 ms of the page's script in Chromium (most of it the garbage collector), more than half the budget of a
 * search. `rankedIds` runs the same query on the same index (MiniSearch's tokenizer, its radix tree for the
 * prefix matches, its per-field BM25 with its parameters and prefix weights, AND) into a few typed arrays.
 * tests/site/search.test.ts holds it to MiniSearch's own `search`: the same hits, scores and order.
 *
 * It reads the index through the fields MiniSearch keeps `protected` for subclasses. Only the options this
 * site searches with are supported (all terms required, prefix or exact terms, no fuzzy terms, no boosts);
 * others are refused with an error rather than answered differently.
 * This module is bundled into the browser script.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from "minisearch";

/** MiniSearch's defaults (7.x) for what a query may leave out: a prefix match's weight, BM25's parameters. */
const PREFIX_WEIGHT = 0.375;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export class RankedSearch<T = Record<string, unknown>> extends MiniSearch<T> {
  /** The index a `MiniSearch.loadJS` would load, as a RankedSearch (MiniSearch's own makes a MiniSearch). */
  static override loadJS<T = Record<string, unknown>>(
    js: AsPlainObject,
    options: Options<T>,
  ): RankedSearch<T> {
    return Object.assign(new RankedSearch<T>(options), MiniSearch.loadJS<T>(js, options));
  }

  /**
   * Each document's length per field (`lengths[doc * fields + field]`, read once from MiniSearch's Map) and
   * scratch arrays of one slot per document, kept between searches while the documents stay the same.
   */
  private arrays:
    | {
        documents: string;
        lengths: Float64Array;
        total: Float64Array;
        term: Float64Array;
        matched: Uint16Array;
        touched: Int32Array;
      }
    | undefined;

  /**
   * The terms each query term is looked up as, any of which it matches (search/load.ts: a Chinese term in
   * both scripts); unset, the term alone, as MiniSearch's `search` looks it up.
   */
  forms: ((term: string) => string[]) | undefined;

  /**
   * The ids of the documents that hold every term of `query`, best first: `search(query).map((r) => r.id)`,
   * with equal scores in the order the documents were added. With `forms`, a document holds a query term
   * if it holds any of its forms, and each form it holds adds to its score.
   */
  rankedIds(query: string): unknown[] {
    const options = { ...this._options.searchOptions };
    checkSupported(options);
    // A discarded document stays in the index until MiniSearch vacuums it; search() skips it, this does not.
    if (this._dirtCount !== 0)
      throw new Error("RankedSearch.rankedIds: the index has discarded documents: use search()");
    const tokenize = options.tokenize ?? this._options.tokenize;
    const processTerm = options.processTerm ?? this._options.processTerm;
    const terms = tokenize(query)
      .flatMap((term) => processTerm(term) ?? [])
      .filter((term): term is string => !!term);
    const queryTerms = [...new Set(terms)];
    if (queryTerms.length === 0) return [];
    const n = this._nextId;
    const fieldCount = Object.keys(this._fieldIds).length;
    // Made again when documents were added or removed since the last search.
    const documents = `${n} ${this._documentCount}`;
    if (this.arrays?.documents !== documents)
      this.arrays = {
        documents,
        lengths: this.fieldLengths(n, fieldCount),
        total: new Float64Array(n),
        term: new Float64Array(n),
        matched: new Uint16Array(n),
        touched: new Int32Array(n),
      };
    const { lengths, term: termScore, total, matched, touched } = this.arrays;
    total.fill(0);
    matched.fill(0);
    const prefixWeight = options.weights?.prefix ?? PREFIX_WEIGHT;
    const bm25 = options.bm25 ?? BM25;
    const fieldIds = (options.fields ?? this._options.fields).map((field) => this._fieldIds[field] as number);
    const count = this._documentCount;
    queryTerms.forEach((queryTerm, q) => {
      let touchedCount = 0;
      // A document counts for this term if it matched every term before it (all are required).
      const add = (data: Map<number, Map<number, number>> | undefined, weight: number) => {
        if (data === undefined) return;
        for (const fieldId of fieldIds) {
          const freqs = data.get(fieldId);
          if (freqs === undefined) continue;
          const matching = freqs.size;
          const average = this._avgFieldLength[fieldId] as number;
          const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
          freqs.forEach((freq, doc) => {
            if (matched[doc] !== q) return;
            if (termScore[doc] === 0) touched[touchedCount++] = doc;
            const length = lengths[doc * fieldCount + fieldId] as number;
            // In MiniSearch's order of operations, so the scores are the same to the last bit.
            const raw =
              idf *
              (bm25.d + (freq * (bm25.k + 1)) / (freq + bm25.k * (1 - bm25.b + (bm25.b * length) / average)));
            termScore[doc] = (termScore[doc] as number) + weight * raw;
          });
        }
      };
      for (const form of this.forms?.(queryTerm) ?? [queryTerm]) {
        add(this._index.get(form), 1);
        const prefix =
          typeof options.prefix === "function"
            ? options.prefix(form, q, queryTerms)
            : options.prefix === true;
        if (prefix)
          for (const [term, data] of this._index.atPrefix(form)) {
            const distance = term.length - form.length;
            if (distance !== 0) add(data, (prefixWeight * term.length) / (term.length + 0.3 * distance));
          }
      }
      // The term's score joins each document's total as MiniSearch adds them: term by term, in query order.
      // (A document is touched once its score is above 0, and every BM25 score is: the idf and d are.)
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i] as number;
        total[doc] = (total[doc] as number) + (termScore[doc] as number);
        termScore[doc] = 0;
        matched[doc] = q + 1;
      }
    });
    const all = queryTerms.length;
    const hits: number[] = [];
    for (let doc = 0; doc < n; doc++)
      if (matched[doc] === all) {
        hits.push(doc);
        // MiniSearch multiplies by the number of query terms a hit matched: all of them, with AND.
        total[doc] = (total[doc] as number) * all;
      }
    hits.sort((a, b) => (total[b] as number) - (total[a] as number) || a - b);
    return hits.map((doc) => this._documentIds.get(doc));
  }

  /** Whether the index holds `term`, or with `prefix` a term that starts with it. */
  holds(term: string, prefix: boolean): boolean {
    return prefix ? this._index.atPrefix(term).size > 0 : this._index.has(term);
  }

  private fieldLengths(n: number, fieldCount: number): Float64Array {
    const lengths = new Float64Array(n * fieldCount);
    this._fieldLength.forEach((perField, doc) => {
      for (let f = 0; f < fieldCount; f++) lengths[doc * fieldCount + f] = perField[f] ?? 0;
    });
    return lengths;
  }
}

/** Refuses the search options `rankedIds` does not implement, rather than answering them differently. */
function checkSupported(options: SearchOptions): void {
  const unsupported = [
    (options.combineWith ?? "OR").toUpperCase() !== "AND" && "combineWith other than AND",
    options.fuzzy && "fuzzy terms",
    options.boost && Object.keys(options.boost).length > 0 && "field boosts",
    options.boostDocument && "boostDocument",
    options.boostTerm && "boostTerm",
    options.filter && "filter",
  ].filter(Boolean);
  if (unsupported.length > 0)
    throw new Error(`RankedSearch.rankedIds does not support ${unsupported.join(", ")}: use search()`);
}
