/**
 * The site's only script, and an optional one: every page reads the same without it. It adds
 *  - the search box (MiniSearch over the index built with the same tokenizer, fetched on first use);
 *  - the filters (category, kind, year, has code), combined with the search and kept in the URL query,
 *    so a filtered view can be shared and reopened; matches show in a short results list (results.ts);
 *  - the "Copy BibTeX" button of entry pages;
 *  - "/" to jump to the search box, Escape to clear it.
 * Bundled by scripts/build-dist.ts into dist/site/site.js.
 */
import MiniSearch from "minisearch";
import { expandSearchIndex, isCompactSearchIndex } from "../search/compact-index.js";
import { indexOptions, type SearchDocument } from "../search/options.js";
import { ResultsList } from "./results.js";
import {
  DeferredUrlWriter,
  isActive,
  stateFromForm,
  stateFromUrl,
  writeForm,
  type State,
} from "./url-state.js";

interface Card {
  element: HTMLElement;
  id: string;
  categories: string[];
  kind: string;
  year: string;
  code: string;
}

const root = document.documentElement.dataset.root ?? "";
let index: Promise<MiniSearch<SearchDocument>> | undefined;

function loadIndex(): Promise<MiniSearch<SearchDocument>> {
  index ??= fetch(`${root}search-index.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      return response.text();
    })
    .then((text) => {
      const json: unknown = JSON.parse(text);
      if (!isCompactSearchIndex(json)) throw new Error("search index: not in the format this script reads");
      return MiniSearch.loadJS<SearchDocument>(expandSearchIndex(json), indexOptions(json.fields));
    });
  return index;
}

function readCards(): Card[] {
  return Array.from(document.querySelectorAll<HTMLElement>("li.entry"), (element) => ({
    element,
    id: element.id,
    categories: (element.dataset.categories ?? "").split(" "),
    kind: element.dataset.kind ?? "",
    year: element.dataset.year ?? "",
    code: element.dataset.code ?? "0",
  }));
}

function matchesFilters(card: Card, filters: State["filters"]): boolean {
  return (
    (filters.category === "" || card.categories.includes(filters.category)) &&
    (filters.kind === "" || card.kind === filters.kind) &&
    (filters.year === "" || card.year === filters.year) &&
    (filters.code === "" || card.code === filters.code)
  );
}

/**
 * The matching cards: search hits in rank order (hits of entries not on this page, such as other categories',
 * are dropped), or every card in list order when there is no query; then the filters. One pass, no
 * intermediate arrays: a query can hit all 10,000 records.
 */
function matchingCards(
  cards: readonly Card[],
  byId: ReadonlyMap<string, Card>,
  state: State,
  hits: readonly { id: unknown }[] | undefined,
): HTMLElement[] {
  const matches: HTMLElement[] = [];
  const keep = (card: Card | undefined) => {
    if (card !== undefined && matchesFilters(card, state.filters)) matches.push(card.element);
  };
  if (hits === undefined) for (const card of cards) keep(card);
  else for (const hit of hits) keep(byId.get(String(hit.id)));
  return matches;
}

interface Finder {
  form: HTMLFormElement;
  cards: readonly Card[];
  byId: ReadonlyMap<string, Card>;
  results: ResultsList;
  status: Element | null;
  url: DeferredUrlWriter;
}

/** Applies the form to the page: the results list when a search or filter is on, the grouped list when not. */
async function applyForm(finder: Finder): Promise<number> {
  const state = stateFromForm(finder.form);
  finder.url.schedule(state);
  if (!isActive(state)) {
    finder.results.clear();
    if (finder.status) finder.status.textContent = "";
    return finder.cards.length;
  }
  let hits: { id: unknown }[] | undefined;
  if (state.q !== "") {
    const search = await loadIndex();
    hits = search.search(state.q);
  }
  const matches = matchingCards(finder.cards, finder.byId, state, hits);
  // Not awaited: the rest of the page comes after the next frame, and the next keystroke need not wait for it.
  void finder.results.show(matches);
  if (finder.status) finder.status.textContent = `${matches.length} / ${finder.cards.length} 筆 entries`;
  return matches.length;
}

function setUpFinder(): void {
  const form = document.querySelector<HTMLFormElement>("form.finder");
  const container = document.querySelector<HTMLElement>(".finder-results");
  if (!form || !container) return;
  const cards = readCards();
  // One wrapper steps aside for the results (a template without it: each section and the contents do).
  const wrapper = document.querySelector<HTMLElement>(".grouped");
  const grouped = wrapper
    ? [wrapper]
    : Array.from(document.querySelectorAll<HTMLElement>("section.category, nav.toc"));
  const finder: Finder = {
    form,
    cards,
    byId: new Map(cards.map((card) => [card.id, card])),
    results: new ResultsList(container, grouped),
    status: document.querySelector(".finder-status"),
    url: new DeferredUrlWriter(),
  };
  form.hidden = false;
  writeForm(form, stateFromUrl());
  let pending = Promise.resolve(0);
  const apply = () => {
    pending = pending.then(() => applyForm(finder));
  };
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  input?.addEventListener("focus", () => void loadIndex(), { once: true });
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === "/" && !typing && input) {
      event.preventDefault();
      input.focus();
    } else if (event.key === "Escape" && event.target === input && input) {
      input.value = "";
      apply();
    }
  });
  /** Applies the form; resolves with the number of matches once the page shows all of its first page. */
  const update = async () => {
    apply();
    const count = await pending;
    await finder.results.complete();
    return count;
  };
  window.papershelf = { ready: update(), update };
}

function setUpCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy ?? "");
    const status = button.parentElement?.querySelector(".copy-status");
    if (!source) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = source.textContent ?? "";
      navigator.clipboard.writeText(text).then(
        () => {
          if (status) status.textContent = "Copied / 已複製";
        },
        () => {
          // No clipboard access (an insecure origin, a denied permission): select the text for Ctrl+C.
          const range = document.createRange();
          range.selectNodeContents(source);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          if (status) status.textContent = "Selected: press Ctrl+C / 已選取";
        },
      );
    });
  }
}

declare global {
  interface Window {
    /** For tests and the benchmark: resolves once the page shows what its URL asks for. */
    papershelf?: { ready: Promise<number>; update: () => Promise<number> };
  }
}

setUpFinder();
setUpCopyButtons();
