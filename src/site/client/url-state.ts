/**
 * The search and filters as the page's URL query (?q=…&category=…&kind=…&year=…&code=1), so a filtered
 * view can be shared and reopened, and the form that edits them.
 *
 * Writing the URL is kept off the path of a keystroke: `history.replaceState` to a new query makes Chromium
 * recompute the document's base URL and walk every link on the page (10,000 cards hold 50,000 links: 10–35 ms
 * a call in the site bench), so the URL follows the form once typing pauses, and at once before the reader
 * leaves (a link clicked, the page hidden), so that Back returns to the same view.
 *
 * Typing changes the current history entry; choosing a filter (or clearing the form) makes a new one, as
 * following a link would, so Back returns to the view before it. main.ts shows the view of an entry that
 * Back or Forward returns to.
 */

export const FILTERS = ["category", "kind", "year", "code"] as const;
export type FilterName = (typeof FILTERS)[number];

export interface State {
  q: string;
  filters: Record<FilterName, string>;
}

/** How long the form must stay unchanged before the URL is written: a pause in typing. */
export const URL_WRITE_DELAY_MS = 400;

/**
 * Changes to one filter closer together than this are one step of history: the arrow keys on a focused
 * menu change it at each press, and Back should not walk through every option passed on the way.
 */
export const SAME_STEP_MS = 1_000;

export function isActive(state: State): boolean {
  return state.q !== "" || FILTERS.some((f) => state.filters[f] !== "");
}

export function stateFromUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters = {} as Record<FilterName, string>;
  for (const name of FILTERS) filters[name] = params.get(name) ?? "";
  return { q: params.get("q") ?? "", filters };
}

export function stateFromForm(form: HTMLFormElement): State {
  const data = new FormData(form);
  const filters = {} as Record<FilterName, string>;
  for (const name of FILTERS) filters[name] = String(data.get(name) ?? "");
  return { q: String(data.get("q") ?? "").trim(), filters };
}

export function writeForm(form: HTMLFormElement, state: State): void {
  const q = form.elements.namedItem("q");
  if (q instanceof HTMLInputElement) q.value = state.q;
  for (const name of FILTERS) {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLSelectElement) {
      control.value = state.filters[name];
      // A value the menu does not offer (an old link, a category renamed, "?year=1999") shows "All", which is
      // what the form then applies, rather than an empty box.
      if (control.selectedIndex === -1) control.value = "";
    } else if (control instanceof HTMLInputElement) control.checked = state.filters[name] === control.value;
  }
}

function queryOf(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The URL of `state`, or undefined when the page is at it already. */
function urlOf(state: State): string | undefined {
  const query = queryOf(state);
  return query === location.search ? undefined : query || location.pathname;
}

/** Writes the latest state to the URL after a pause, or at once on `flush()`; skips a write that changes nothing. */
export class DeferredUrlWriter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: State | undefined;
  /** The filter the last entry was pushed for, and when. */
  private lastPush: { control: string; at: number } | undefined;

  constructor() {
    const flush = () => this.flush();
    // Capture phase: before a link's default action navigates away from this history entry.
    document.addEventListener("click", flush, true);
    addEventListener("pagehide", flush);
  }

  schedule(state: State): void {
    this.latest = state;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), URL_WRITE_DELAY_MS);
  }

  flush(): void {
    const state = this.latest;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = undefined;
    const target = state && urlOf(state);
    if (target !== undefined) history.replaceState(history.state, "", target);
  }

  /**
   * A new history entry for `state`, at once (a filter chosen: one write, not one a keystroke). The entry
   * left keeps the view it showed: a query typed into it and not yet written is written there first.
   * `control` names what changed; the same one changed again within SAME_STEP_MS replaces its entry.
   */
  push(state: State, control: string): void {
    this.flush();
    const target = urlOf(state);
    if (target === undefined) return;
    const now = Date.now();
    const sameStep =
      this.lastPush !== undefined &&
      this.lastPush.control === control &&
      now - this.lastPush.at < SAME_STEP_MS;
    this.lastPush = { control, at: now };
    if (sameStep) history.replaceState(history.state, "", target);
    else history.pushState(history.state, "", target);
  }

  /** Drops a write not yet made, and the step being taken: Back or Forward has left the entry they were for. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = undefined;
    this.lastPush = undefined;
  }
}
