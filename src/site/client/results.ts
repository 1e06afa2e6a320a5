/**
 * The results list of a search or filter. Hiding and showing every card of the grouped list costs a style
 * and layout pass over all of them (68–405 ms at 10,000 records in Chromium); instead the grouped list steps
 * aside and the first RESULTS_PAGE matches move into one short list, RESULTS_PAGE more per "Show more".
 * Cards are moved, not copied, so ids and anchors stay unique; a placeholder marks each card's place in the
 * grouped list, and clearing the search puts every card back there.
 *
 * The grouped list steps aside as `hidden="until-found"`, which Chromium renders as content-visibility:
 * hidden: its layout is kept, so hiding and showing 10,000 cards costs little, where display:none
 * throws their layout away and builds it again (about 100 ms each way). Find-in-page still reaches it;
 * browsers without until-found treat it as plain `hidden`.
 */

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
    for (const element of this.grouped) element.setAttribute("hidden", "until-found");
    this.container.hidden = false;
    this.append();
  }

  /** Puts every card back in the grouped list and shows that list again. */
  clear(): void {
    this.putBack();
    this.matches = [];
    this.container.hidden = true;
    for (const element of this.grouped) element.removeAttribute("hidden");
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
