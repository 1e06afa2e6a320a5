/**
 * The site's only script, and an optional one: every page reads the same without it. It adds
 *  - the search box (MiniSearch over the index built with the same tokenizer, fetched on first use, its
 *    hits ranked by search/ranked.ts; a Chinese query finds either script's form: search/load.ts);
 *  - the filters (category, kind, year, has code), combined with the search and kept in the URL query,
 *    so a filtered view can be shared and reopened; matches show in a short results list (results.ts);
 *  - the "Copy BibTeX" button of entry pages;
 *  - "/" to jump to the search box, Escape to clear it.
 * Bundled by scripts/build-dist.ts into dist/site/site.js.
 */
import { isCompactSearchIndex } from "../search/compact-index.js";
import { loadSearchIndex } from "../search/load.js";
import type { SearchDocument } from "../search/options.js";
import type { RankedSearch } from "../search/ranked.js";
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

/** What the status line says while the search index cannot be had; the filters work on without it. */
const SEARCH_UNAVAILABLE = "搜尋暫時無法使用 / Search is unavailable right now";
/** The status line's start when nothing matches: an empty list alone read as a page that failed. */
const NOTHING_MATCHES = "沒有符合的條目，可清除條件 / Nothing matches: clear the search or a filter";

/** The search index, or why there is none this time (a failed request, an answer this script cannot read). */
type IndexLoad = { ok: true; search: RankedSearch<SearchDocument> } | { ok: false; error: unknown };

/** The load under way or done; a failed one is dropped, so the next search asks again. */
let index: Promise<IndexLoad> | undefined;

async function fetchIndex(): Promise<RankedSearch<SearchDocument>> {
  const response = await fetch(`${root}search-index.json`);
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  const json: unknown = JSON.parse(await response.text());
  if (!isCompactSearchIndex(json)) throw new Error("search index: not in the format this script reads");
  return loadSearchIndex(json);
}

/**
 * The search index, fetched once. A failure is not kept: it was often a moment's trouble (the connection
 * dropped, a deploy half done), and a kept one would leave search dead until the page is reloaded.
 */
function loadIndex(): Promise<IndexLoad> {
  index ??= fetchIndex().then(
    (search): IndexLoad => ({ ok: true, search }),
    (error: unknown): IndexLoad => {
      index = undefined;
      return { ok: false, error };
    },
  );
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
  hits: readonly unknown[] | undefined,
): HTMLElement[] {
  const matches: HTMLElement[] = [];
  const keep = (card: Card | undefined) => {
    if (card !== undefined && matchesFilters(card, state.filters)) matches.push(card.element);
  };
  if (hits === undefined) for (const card of cards) keep(card);
  else for (const id of hits) keep(byId.get(String(id)));
  return matches;
}

interface Finder {
  form: HTMLFormElement;
  cards: readonly Card[];
  byId: ReadonlyMap<string, Card>;
  results: ResultsList;
  status: Element | null;
  url: DeferredUrlWriter;
  /** Set while the view comes from the history entry (page load, Back, Forward): see keptView(). */
  restoring: boolean;
}

/** Where the history entry keeps how many results "Show more" had shown, and for which query. */
const SHOWN_KEY = "papershelfShown";

interface KeptView {
  /** The query (location.search) the rest was kept for. */
  search: string;
  /** How many results "Show more" had shown. */
  shown: number;
  /** Where the page was scrolled to when it was left. */
  scrollY?: number;
}

/** What "Show more" had shown in this history entry, for the query it shows now; undefined when nothing was kept. */
function keptView(): KeptView | undefined {
  const kept = (history.state as Record<string, unknown> | null)?.[SHOWN_KEY] as
    Partial<KeptView> | undefined;
  // Written by keepView only: the query and the count are all there is to check.
  return kept?.search === location.search && typeof kept.shown === "number" ? (kept as KeptView) : undefined;
}

function keepView(view: KeptView): void {
  const state: unknown = history.state;
  const others = typeof state === "object" && state !== null ? state : {};
  history.replaceState({ ...others, [SHOWN_KEY]: view }, "");
}

/**
 * "Show more" adds to the view in this history entry: it is kept in the entry's state (not its URL, which a
 * reader shares), with the scroll position when the page is left, so that Back from an entry opened below
 * the first 50 finds the list as it was left, scrolled to where it was (it lost its place, the list cut
 * back to 50). The browser's own scroll restoration may run before the list is long enough again.
 */
function rememberShown(shown: number): void {
  keepView({ search: location.search, shown });
}

/** The page is being left: a kept view records where it was scrolled to. */
function rememberScroll(): void {
  const view = keptView();
  if (view) keepView({ ...view, scrollY });
}

/**
 * Applies the form to the page: the results list when a search or filter is on, the grouped list when not.
 * Without the search index the query is set aside and the filters alone apply, the status line saying so.
 * Resolves to the number of matches, and whether the query (if any) was searched rather than set aside.
 */
async function applyForm(finder: Finder): Promise<{ count: number; searched: boolean }> {
  const state = stateFromForm(finder.form);
  const before = finder.restoring ? keptView() : undefined;
  finder.restoring = false;
  let hits: unknown[] | undefined;
  let note = "";
  if (state.q !== "") {
    const load = await loadIndex();
    if (load.ok) hits = load.search.rankedIds(state.q);
    else note = SEARCH_UNAVAILABLE;
  }
  // What applies: the query only when the index answered it.
  const applied = hits === undefined ? { ...state, q: "" } : state;
  if (!isActive(applied)) {
    finder.results.clear();
    showStatus(finder, note, state);
    return { count: finder.cards.length, searched: note === "" };
  }
  const matches = matchingCards(finder.cards, finder.byId, applied, hits);
  // Not awaited: the rest of the page comes after the next frame, and the next keystroke need not wait for it.
  void finder.results.show(matches, before?.shown ?? 0).then(() => {
    // Back to a view "Show more" had made longer: the place it was left at, once the list is as long again.
    if (before?.scrollY !== undefined && Math.abs(scrollY - before.scrollY) > 1) scrollTo(0, before.scrollY);
  });
  const count =
    matches.length === 0
      ? `${NOTHING_MATCHES} · 0 / ${finder.cards.length} 筆 entries`
      : `${matches.length} / ${finder.cards.length} 筆 entries`;
  showStatus(finder, note === "" ? count : `${note} · ${count}`, state);
  return { count: matches.length, searched: note === "" };
}

/**
 * The status line. A category page (its form names the category in data-scope) searches its own entries
 * only: with a query, the line says so and links the same search over the whole list ("llama" on a category
 * page said "Nothing matches" while seven entries elsewhere had it).
 */
function showStatus(finder: Finder, text: string, state: State): void {
  const status = finder.status;
  if (!status) return;
  status.textContent = text;
  const scope = finder.form.dataset.scope;
  if (scope === undefined || state.q === "") return;
  const params = new URLSearchParams({ q: state.q });
  for (const name of ["kind", "year", "code"] as const)
    if (state.filters[name] !== "") params.set(name, state.filters[name]);
  const link = document.createElement("a");
  link.href = `${root}?${params.toString()}`;
  link.textContent = "在全部條目中搜尋 / Search all entries";
  status.append(`${text === "" ? "" : " · "}只在「${scope}」/ in “${scope}” only · `, link);
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
    results: new ResultsList(container, grouped, rememberShown),
    status: document.querySelector(".finder-status"),
    url: new DeferredUrlWriter(),
    restoring: true,
  };
  // Capture phase: before a link's default action leaves this history entry (as the URL writer does).
  document.addEventListener("click", rememberScroll, true);
  addEventListener("pagehide", rememberScroll);
  form.hidden = false;
  writeForm(form, stateFromUrl());
  // Applications run one after another, each on the form as it is then. The queue waits for the one before to
  // end, not to succeed: a failure (a bug: a missing index is handled in applyForm) must not stop every later
  // change. It is thrown again from a task of its own, where the browser reports it as uncaught.
  let pending: Promise<unknown> = Promise.resolve();
  // The form as last applied, and what it matched. Leaving the search box fires "change" after the "input"
  // events already applied it; applied again, the results list was rebuilt between a reader's mouse-down on
  // a result and the mouse-up, and the browser dropped the click. A form that has not changed is left alone
  // (the list, with what "Show more" added, stays as it is), unless its query was set aside for want of the
  // search index: then each change tries the index again.
  let last: { key: string; count: number } | undefined;
  const applyChanged = async (): Promise<number> => {
    const key = JSON.stringify(stateFromForm(form));
    if (last?.key === key) {
      finder.restoring = false;
      return last.count;
    }
    const { count, searched } = await applyForm(finder);
    last = searched ? { key, count } : undefined;
    return count;
  };
  const apply = (): Promise<number> => {
    const run = pending.then(applyChanged);
    pending = run.catch((error: unknown) =>
      setTimeout(() => {
        throw error;
      }, 0),
    );
    return run;
  };
  // The URL follows the form as each change happens, before the change is applied (which may wait for the
  // search index): a filter chosen is a step Back can undo; the search box's keystrokes are not.
  const typed = () => {
    finder.url.schedule(stateFromForm(form));
    return apply();
  };
  const chosen = (control: string) => {
    finder.url.push(stateFromForm(form), control);
    return apply();
  };
  const changed = (event: Event) => {
    // A word still being composed in an input method (pinyin "wei tiao" on its way to 微調, zhuyin) is not
    // searched: each keystroke would empty the list and write "?q=wei+tiao" to the URL. Its end is.
    if (event instanceof InputEvent && event.isComposing) return;
    const target = event.target as HTMLInputElement | HTMLSelectElement | null;
    return target?.name === "q" ? typed() : chosen(target?.name ?? "");
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("compositionend", changed);
  // "Clear" (a reset button) sets the fields back without an input event, once this event is over.
  form.addEventListener("reset", () => setTimeout(() => chosen("reset"), 0));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void typed();
  });
  // Back or Forward to another view of this page: the form and the list show it.
  addEventListener("popstate", () => {
    finder.url.cancel();
    finder.restoring = true;
    writeForm(form, stateFromUrl());
    void apply();
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
      void typed();
    }
  });
  /** Applies the form; resolves with the number of matches once the page shows all of its first page. */
  const update = async () => {
    const count = await apply();
    await finder.results.complete();
    return count;
  };
  window.papershelf = { ready: update(), update };
}

function setUpCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const id = button.dataset.copy ?? "";
    if (id === "") continue;
    // Looked for beside the button first: in a page made from a template older than the "ps_" ids, an entry
    // can share the id, and its <article id="bibtex"> comes before the <code id="bibtex"> in the page.
    const source =
      button.parentElement?.querySelector<HTMLElement>(`#${CSS.escape(id)}`) ?? document.getElementById(id);
    const status = button.parentElement?.querySelector(".copy-status");
    if (!source) continue;
    button.hidden = false;
    // Each click's outcome is news: emptied first, the status is set anew, and read out again, after a click
    // that gave the same result as the one before (the text stayed "Copied" and a second click said nothing).
    let cleared: ReturnType<typeof setTimeout> | undefined;
    const say = (text: string) => {
      if (!status) return;
      clearTimeout(cleared);
      status.textContent = "";
      requestAnimationFrame(() => (status.textContent = text));
      cleared = setTimeout(() => (status.textContent = ""), 5_000);
    };
    button.addEventListener("click", () => {
      const text = source.textContent ?? "";
      navigator.clipboard.writeText(text).then(
        () => say("已複製 / Copied"),
        () => {
          // No clipboard access (an insecure origin, a denied permission): select the text for Ctrl+C.
          const range = document.createRange();
          range.selectNodeContents(source);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          say("已選取，按 Ctrl+C 複製 / Selected: press Ctrl+C");
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
