/**
 * The results list of a search or filter. Hiding and showing every card of the grouped list costs a style
 * and layout pass over all of them (68–405 ms at 10,000 records in Chromium); instead the grouped list steps
 * aside and the first RESULTS_PAGE matches move into one short list, RESULTS_PAGE more per "Show more".
 * Cards are moved, not copied, so ids and anchors stay unique; a placeholder marks each card's place in the
 * grouped list, and clearing the search puts every card back there.
 *
 * The grouped list steps aside by one class on its wrapper (site.css: content-visibility: hidden), which
 * keeps its layout: display:none throws the layout of 10,000 cards away and builds it again (1–3 s each way
 * in the site bench). Hidden content is also out of the accessibility tree, the tab order and find-in-page,
 * as the reader sees it. (Even so, one element's change of content-visibility walks its subtree: about
 * 0.1 µs a node, 170,000 nodes at 10,000 records; toggling each category section cost the same walk, and more.)
 */
export const ASIDE_CLASS = "aside";

/** Cards shown at once: a screenful or two, cheap to lay out whatever the size of the list. */
export const RESULTS_PAGE = 50;

export class ResultsList {
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly moved: { card: HTMLElement; placeholder: Comment }[] = [];
  private matches: readonly HTMLElement[] = [];

  /** `grouped`: what gives way to the results (the category sections and their table of contents). */
  constructor(
    private readonly container: HTMLElement,
    private readonly grouped: readonly HTMLElement[],
  ) {
    const list = container.querySelector<HTMLOListElement>("ol.results");
    const more = container.querySelector<HTMLButtonElement>("button.more");
    if (!list || !more) throw new Error("the results list needs ol.results and button.more");
    this.list = list;
    this.more = more;
    more.addEventListener("click", () => {
      const first = this.list.children.length;
      this.append();
      // Keyboard users land on the first new result rather than at the top of the page.
      this.list.children[first]?.querySelector<HTMLElement>("a")?.focus();
    });
  }

  /** Shows the first page of `matches`, in the given order, in place of the grouped list. */
  show(matches: readonly HTMLElement[]): void {
    this.putBack();
    this.matches = matches;
    this.stepAside(true);
    this.container.hidden = false;
    this.append();
  }

  /** Puts every card back in the grouped list and shows that list again. */
  clear(): void {
    this.putBack();
    this.matches = [];
    this.container.hidden = true;
    this.stepAside(false);
  }

  private stepAside(aside: boolean): void {
    for (const element of this.grouped) element.classList.toggle(ASIDE_CLASS, aside);
  }

  private append(): void {
    const from = this.list.children.length;
    const page = this.matches.slice(from, from + RESULTS_PAGE);
    const fragment = document.createDocumentFragment();
    for (const card of page) {
      const placeholder = document.createComment("");
      card.replaceWith(placeholder);
      this.moved.push({ card, placeholder });
      fragment.append(card);
    }
    this.list.append(fragment);
    const left = this.matches.length - this.list.children.length;
    this.more.hidden = left <= 0;
    this.more.textContent = `更多 / Show ${Math.min(left, RESULTS_PAGE)} more (${left} left)`;
  }

  private putBack(): void {
    for (const { card, placeholder } of this.moved) placeholder.replaceWith(card);
    this.moved.length = 0;
  }
}
