/**
 * The site's only script, and an optional one: every page reads the same without it. It adds
 *  - the search box (MiniSearch over the index built with the same tokenizer, fetched on first use);
 *  - the filters (category, kind, year, has code), combined with the search and kept in the URL query,
 *    so a filtered view can be shared and reopened;
 *  - the "Copy BibTeX" button of entry pages;
 *  - "/" to jump to the search box, Escape to clear it.
 * Bundled by scripts/build-dist.ts into dist/site/site.js.
 */
import MiniSearch from "minisearch";
import { indexOptions, indexedFields, type SearchDocument } from "../search/options.js";

const FILTERS = ["category", "kind", "year", "code"] as const;
type FilterName = (typeof FILTERS)[number];

interface Card {
  element: HTMLElement;
  id: string;
  categories: string[];
  kind: string;
  year: string;
  code: string;
}

interface State {
  q: string;
  filters: Record<FilterName, string>;
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
      const json = JSON.parse(text) as Parameters<typeof MiniSearch.loadJS>[0];
      return MiniSearch.loadJS<SearchDocument>(json, indexOptions(indexedFields(json)));
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

function stateFromUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters = {} as Record<FilterName, string>;
  for (const name of FILTERS) filters[name] = params.get(name) ?? "";
  return { q: params.get("q") ?? "", filters };
}

function stateFromForm(form: HTMLFormElement): State {
  const data = new FormData(form);
  const filters = {} as Record<FilterName, string>;
  for (const name of FILTERS) filters[name] = String(data.get(name) ?? "");
  return { q: String(data.get("q") ?? "").trim(), filters };
}

function writeForm(form: HTMLFormElement, state: State): void {
  const q = form.elements.namedItem("q");
  if (q instanceof HTMLInputElement) q.value = state.q;
  for (const name of FILTERS) {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLSelectElement) control.value = state.filters[name];
    else if (control instanceof HTMLInputElement) control.checked = state.filters[name] === control.value;
  }
}

function writeUrl(state: State): void {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function matchesFilters(card: Card, filters: State["filters"]): boolean {
  return (
    (filters.category === "" || card.categories.includes(filters.category)) &&
    (filters.kind === "" || card.kind === filters.kind) &&
    (filters.year === "" || card.year === filters.year) &&
    (filters.code === "" || card.code === filters.code)
  );
}

/** Hides the cards that fail, then the sections left with nothing visible in them or below them. */
function show(cards: readonly Card[], state: State, hits: Set<string> | undefined, active: boolean): number {
  let visible = 0;
  for (const card of cards) {
    const keep = (hits === undefined || hits.has(card.id)) && matchesFilters(card, state.filters);
    if (card.element.hidden === keep) card.element.hidden = !keep;
    if (keep) visible++;
  }
  const sections = Array.from(document.querySelectorAll<HTMLElement>("section.category"));
  // Pre-order with depths: walking backwards, a section is shown when it or a deeper one after it has cards.
  const shownAtDepth: boolean[] = [];
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i] as HTMLElement;
    const depth = Number(section.dataset.depth ?? 0);
    const own = section.querySelector("li.entry:not([hidden])") !== null;
    const below = shownAtDepth.slice(depth + 1).some(Boolean);
    shownAtDepth.length = depth + 1;
    shownAtDepth[depth] = (shownAtDepth[depth] ?? false) || own || below;
    section.hidden = active && !(own || below);
  }
  return visible;
}

async function apply(form: HTMLFormElement, cards: readonly Card[], status: Element | null): Promise<number> {
  const state = stateFromForm(form);
  writeUrl(state);
  let hits: Set<string> | undefined;
  if (state.q !== "") {
    const search = await loadIndex();
    hits = new Set(search.search(state.q).map((r) => String(r.id)));
  }
  const active = state.q !== "" || FILTERS.some((f) => state.filters[f] !== "");
  const visible = show(cards, state, hits, active);
  if (status) status.textContent = active ? `${visible} / ${cards.length} 筆 entries` : "";
  return visible;
}

function setUpFinder(): void {
  const form = document.querySelector<HTMLFormElement>("form.finder");
  if (!form) return;
  const cards = readCards();
  const status = document.querySelector(".finder-status");
  form.hidden = false;
  writeForm(form, stateFromUrl());
  let pending = Promise.resolve(0);
  const update = () => {
    pending = pending.then(() => apply(form, cards, status));
    return pending;
  };
  form.addEventListener("input", () => void update());
  form.addEventListener("change", () => void update());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void update();
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
      void update();
    }
  });
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
