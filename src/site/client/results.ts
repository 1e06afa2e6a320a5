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
 * as the reader sees it. (content-visibility: hidden brings style containment, and a change of style
 * containment makes Chromium recount every counter of the page, a walk over all 170,000 nodes at 10,000 records:
 * site.css keeps the wrapper style-contained, so stepping aside changes none.)
 */
export const ASIDE_CLASS = "aside";

/** Cards shown at once: a screenful or two, cheap to lay out whatever the size of the list. */
export const RESULTS_PAGE = 50;

/**
 * A new page of results puts into its first frame as many cards as the window could show, taking each card as
 * short as the shortest can be (title, dates and links: about 100 px; most are 150–180); the rest of the page
 * follows a frame later, below the fold. Each card costs its style, layout and paint, and its <details> a
 * shadow style sheet to activate: at 10,000 records, 50 cards cost that frame 13–29 ms more CPU than 12 (traced).
 */
export const SHORTEST_CARD_PX = 90;

function firstFrameCards(): number {
  return Math.min(RESULTS_PAGE, Math.ceil(window.innerHeight / SHORTEST_CARD_PX));
}

const HEADING = "h1, h2, h3, h4, h5, h6";

/**
 * A card's heading at `level` while the card is in the results list: a new element of that rank holding the
 * heading's attributes and contents, in its place. Undefined when the card has no heading or it already has
 * that rank. `restore` puts the original back, contents included.
 */
function headingAt(card: HTMLElement, level: number): { restore(): void } | undefined {
  const heading = card.querySelector(HEADING);
  const tag = `H${level}`;
  if (!heading || heading.tagName === tag) return undefined;
  const shown = document.createElement(tag);
  for (const { name, value } of Array.from(heading.attributes)) shown.setAttribute(name, value);
  shown.append(...heading.childNodes);
  heading.replaceWith(shown);
  return {
    restore() {
      heading.append(...shown.childNodes);
      shown.replaceWith(heading);
    },
  };
}

export class ResultsList {
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly moved: { card: HTMLElement; placeholder: Comment; heading?: { restore(): void } }[] = [];
  /**
   * The rank of the cards' headings in the results list: one below the page's first heading (its h1).
   * In the grouped list a card's heading ranks below its category's, h2 to h4, and the results list has no
   * headings of its own, so the results read h1 → h4 to a screen reader (axe: heading-order).
   */
  private readonly level: number;
  private matches: readonly HTMLElement[] = [];
  /** The rest of the first page, due after the next frame; a newer show() or clear() drops it. */
  private rest: Promise<void> = Promise.resolve();
  private generation = 0;

  /**
   * `grouped`: what gives way to the results (the category sections and their table of contents).
   * `onMore`: told how many results are shown after each "Show more".
   */
  constructor(
    private readonly container: HTMLElement,
    private readonly grouped: readonly HTMLElement[],
    private readonly onMore: (shown: number) => void = () => {},
  ) {
    const list = container.querySelector<HTMLOListElement>("ol.results");
    const more = container.querySelector<HTMLButtonElement>("button.more");
    if (!list || !more) throw new Error("the results list needs ol.results and button.more");
    this.list = list;
    this.more = more;
    const top = Number(document.querySelector(HEADING)?.tagName.slice(1) ?? 1);
    this.level = Math.min(6, top + 1);
    more.addEventListener("click", () => {
      const first = this.list.children.length;
      this.append(RESULTS_PAGE);
      // Keyboard users land on the first new result rather than at the top of the page.
      this.list.children[first]?.querySelector<HTMLElement>("a")?.focus();
      this.onMore(this.list.children.length);
    });
  }

  /**
   * Shows the first page of `matches`, in the given order, in place of the grouped list: a screenful now, the
   * rest of the page after the next frame. Resolves once the whole page is in (or a newer call replaced it).
   * `atLeast`: the number to show instead of a page, when more (what "Show more" had shown, coming Back).
   */
  show(matches: readonly HTMLElement[], atLeast = 0): Promise<void> {
    this.putBack();
    this.matches = matches;
    this.stepAside(true);
    this.container.hidden = false;
    const first = firstFrameCards();
    this.append(first);
    const generation = ++this.generation;
    this.rest = new Promise((done) =>
      // A task queued from the next frame's callbacks runs once that frame is painted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (generation === this.generation) this.append(Math.max(RESULTS_PAGE, atLeast) - first);
          done();
        }, 0),
      ),
    );
    return this.rest;
  }

  /** Puts every card back in the grouped list and shows that list again. */
  clear(): void {
    this.generation++;
    this.putBack();
    this.matches = [];
    this.container.hidden = true;
    this.stepAside(false);
  }

  /** Resolves once the page being shown is complete (see show()). */
  complete(): Promise<void> {
    return this.rest;
  }

  private stepAside(aside: boolean): void {
    for (const element of this.grouped) element.classList.toggle(ASIDE_CLASS, aside);
  }

  /** Moves the next `count` matches into the list. */
  private append(count: number): void {
    const from = this.list.children.length;
    const page = this.matches.slice(from, from + count);
    const fragment = document.createDocumentFragment();
    for (const card of page) {
      const placeholder = document.createComment("");
      card.replaceWith(placeholder);
      this.moved.push({ card, placeholder, heading: headingAt(card, this.level) });
      fragment.append(card);
    }
    this.list.append(fragment);
    const left = this.matches.length - this.list.children.length;
    this.more.hidden = left <= 0;
    this.more.textContent = `更多 / Show ${Math.min(left, RESULTS_PAGE)} more (${left} left)`;
  }

  private putBack(): void {
    for (const { card, placeholder, heading } of this.moved) {
      heading?.restore();
      placeholder.replaceWith(card);
    }
    this.moved.length = 0;
  }
}
