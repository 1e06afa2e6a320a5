/**
 * The site's HTML lives in Handlebars templates (`templates/site/*.html.hbs`) next to the README's, so a
 * maintainer restyles both without touching src/. Unlike the README templates these escape by default
 * (`{{x}}` is HTML-escaped, attributes included); only the `*Html` fields, already sanitised, are printed
 * raw with `{{{x}}}`. Strict: a misspelt field stops the build naming the template.
 */
import { randomUUID } from "node:crypto";
import type { RuntimeOptions } from "handlebars";
// The one-file build, as in render/templates.ts.
import Handlebars from "handlebars/dist/handlebars.js";
import type { Diagnostic } from "../records/index.js";

export const SITE_TEMPLATE_NAMES = ["layout", "list", "card", "entry"] as const;
export type SiteTemplateName = (typeof SITE_TEMPLATE_NAMES)[number];

export type SiteTemplates = Record<Exclude<SiteTemplateName, "card">, (view: object) => string> & {
  /**
   * What `render` returns, in pieces: the text between the cards it renders (the `card` partial), and each
   * card. A list page is all cards (19 MB at 10,000 records for the index): as one string it was a tree of
   * hundreds of thousands of pieces that the writer had to flatten into one new 38 MB string before encoding
   * it, which cost more than rendering the page. The cards are the same text, rendered where they stand.
   * Each card is made when its piece is asked for, and can be let go once it is written: made all at once,
   * the page's cards (tens of MB) outlived several collections, each copying them. For the same reason no
   * card is kept to be reused on the next page that shows it (tried: it cost 5-10% of the build's CPU).
   * A card template that fails throws a SiteTemplateError naming it when its piece is asked for.
   */
  inPieces(render: () => string): Iterable<string>;
};

export type SiteTemplatesResult =
  { ok: true; templates: SiteTemplates } | { ok: false; errors: Diagnostic[] };

/** What a card stands as in the text of a page rendered `inPieces`, until the pieces are cut apart. */
const CARD_MARK = "\u0000papershelf:card\u0000";

/**
 * The entry a card's view was made from (pages.ts `sectionViews` sets it; Handlebars looks fields up by name
 * and never reads it). A card is the same text on every page that shows its entry but for the page's
 * fields, `root` and `cardLevel`: at 10,000 records each entry has a card on three pages (the index, its
 * category's page and its parent's). So a card template that only prints those fields is rendered once an
 * entry, with marks where they go, and each page's card is those pieces with the page's values put in.
 * At 10,000 records the 30,000 renders were 15 % of the build's main thread; made once, the list pages took
 * ~90 ms less (a new process, median of 5). A view without the key (a hash on the partial, as
 * in `{{> card level=2}}`, gives the card a copy without it) is rendered for its page, as is any card
 * whose template does more with the page's fields (see printsPageFieldsOnly).
 */
export const CARD_ENTRY: unique symbol = Symbol("papershelf.cardEntry");

/** The fields a card view holds besides its entry's (pages.ts `CardFields`), in the order of `marks`. */
const PAGE_FIELDS = ["root", "cardLevel"] as const;

/** A value Handlebars prints as `String(value)` in both `{{x}}` and `{{{x}}}`: nothing to escape. */
const printsAsIs = (value: unknown): value is string | number =>
  (typeof value === "string" || typeof value === "number") &&
  Handlebars.escapeExpression(String(value)) === String(value);

/** `templates/site/<name>.html.hbs`. */
export function siteTemplatePath(dir: string, name: SiteTemplateName): string {
  return `${dir.replace(/\/$/, "")}/site/${name}.html.hbs`;
}

/** A template failed while rendering (strict mode: a field it names does not exist). */
export class SiteTemplateError extends Error {
  override name = "SiteTemplateError";
  constructor(
    readonly file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function templateError(file: string, message: string, line = 1): Diagnostic {
  return { ruleId: "template", severity: "error", message, file, line, column: 1 };
}

/** A template's failure while rendering, as the build reports it: the template's file and the first line. */
function renderError(file: string, cause: unknown): SiteTemplateError {
  return new SiteTemplateError(file, (cause as Error).message.split("\n")[0] ?? "", { cause });
}

/** Compiles the site templates from their texts; syntax errors become diagnostics with the template's line. */
export function compileSiteTemplates(
  sources: Record<SiteTemplateName, { file: string; text: string }>,
): SiteTemplatesResult {
  const hb = Handlebars.create();
  const errors: Diagnostic[] = [];
  const compiled: Partial<SiteTemplates> = {};
  // While `inPieces` renders a page, each card as what makes it later; outside it, cards go into the text.
  let cards: (() => string)[] | undefined;
  // Each entry's card cut at the marks that stand for the page's fields (a number: PAGE_FIELDS' index),
  // made for the first page that shows it. Marks of this build's own: no record can hold them by chance.
  const cardPieces = new WeakMap<object, (string | number)[]>();
  const markStart = `\u0000${randomUUID()}:`;
  const marks = PAGE_FIELDS.map((_, index) => `${markStart}${index}\u0000`);
  for (const name of SITE_TEMPLATE_NAMES) {
    const { file, text } = sources[name];
    try {
      // Parsed once: a syntax error is reported here, the card's tree is checked, and each compiles from it.
      const tree = hb.parse(text);
      // knownHelpersOnly: the site registers no helpers, so the built-in ones (if, each, unless, with) are
      // called directly instead of through a check for a missing helper at every block (about 15% of a card).
      const options = { strict: true, preventIndent: true, knownHelpersOnly: true };
      if (name === "card") {
        const reusable = printsPageFieldsOnly(tree);
        const renderCard = hb.compile(tree, options);
        // A partial may be a function of the context and options Handlebars gives a compiled partial.
        hb.registerPartial("card", ((
          context: Record<string | symbol, unknown>,
          partialOptions: RuntimeOptions,
        ) => {
          if (!cards) return renderCard(context, partialOptions);
          // `context` is the partial's own (the entry with the call's hash); the loop frames of `@index` and
          // the like change as the loops go on, so the card gets them as they are now. Copied, then set: a
          // field written in the copy's literal, after the spread, gave every card's options a shape of its own.
          const later = { ...partialOptions };
          later.data = framesNow(partialOptions.data);
          const entry = reusable ? context[CARD_ENTRY] : undefined;
          // Pushed, not mapped (docs/architecture.md: "Hot code compiled once").
          const values: unknown[] = [];
          for (const field of PAGE_FIELDS) values.push(context[field]);
          const reuse = typeof entry === "object" && entry !== null && values.every(printsAsIs);
          cards.push(() => {
            try {
              if (!reuse) return renderCard(context, later);
              let pieces = cardPieces.get(entry);
              if (pieces === undefined) {
                // PAGE_FIELDS' marks, written out: the copy keeps the view's shape.
                const marked = { ...context, root: marks[0], cardLevel: marks[1] };
                cardPieces.set(entry, (pieces = cutAtMarks(renderCard(marked, later), markStart, marks)));
              }
              // One string, not pieces: each piece would cost the writer an encode call, more than this does.
              let card = "";
              for (const piece of pieces)
                card += typeof piece === "number" ? (values[piece] as string | number) : piece;
              return card;
            } catch (cause) {
              throw renderError(file, cause);
            }
          });
          return CARD_MARK;
        }) as unknown as HandlebarsTemplateDelegate);
        continue;
      }
      const render = hb.compile(tree, options);
      compiled[name] = (view) => {
        try {
          return render(view);
        } catch (cause) {
          throw renderError(file, cause);
        }
      };
    } catch (cause) {
      const message = (cause as Error).message;
      const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
      errors.push(templateError(file, `template syntax error: ${message.split("\n")[0] ?? ""}`, line));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  compiled.inPieces = (render) => {
    const made: (() => string)[] = [];
    cards = made;
    let text: string;
    try {
      text = render();
    } finally {
      cards = undefined;
    }
    const between = text.split(CARD_MARK);
    // The mark in the page's own text outside a card (it holds NUL characters, which no record needs): the
    // page as one piece, rendered again with its cards in place. Inside a card, the mark is just the card's text.
    if (between.length !== made.length + 1) return [render()];
    return piecesOf(between, made);
  };
  return { ok: true, templates: compiled as SiteTemplates };
}

/** The text before the first card, then each card (made now, and let go) and the text after it. */
function* piecesOf(between: string[], cards: ((() => string) | undefined)[]): Generator<string> {
  yield between[0] as string;
  for (let i = 0; i < cards.length; i++) {
    const card = (cards[i] as () => string)();
    cards[i] = undefined;
    yield card;
    yield between[i + 1] as string;
  }
}

/**
 * `text` cut at each of `marks`, which all start with `start`: the text between them, and for each mark its
 * index in `marks`. Text that starts like a mark without being one stays text.
 */
function cutAtMarks(text: string, start: string, marks: readonly string[]): (string | number)[] {
  const pieces: (string | number)[] = [];
  let from = 0;
  for (let at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
    const which = marks.findIndex((mark) => text.startsWith(mark, at));
    if (which < 0) continue;
    if (at > from) pieces.push(text.slice(from, at));
    pieces.push(which);
    from = at + (marks[which] as string).length;
    at = from - 1;
  }
  if (from < text.length || pieces.length === 0) pieces.push(text.slice(from));
  return pieces;
}

/**
 * Whether a card template reads the page's fields (PAGE_FIELDS) only to print them, `{{root}}` or
 * `{{{cardLevel}}}`, and nothing else of the page around it: no `@` data (@index, @root…), no `../`, no
 * partial or decorator, no whole context (`this`, which `lookup` or `#each` could read the fields through),
 * no field name as a literal. Then the card's text is the same on every page but where those fields are
 * printed. Anything else (`{{#if root}}`, `{{root.length}}`) and the card is rendered for each page.
 */
export function printsPageFieldsOnly(program: hbs.AST.Program): boolean {
  const isPageField = (name: unknown) => (PAGE_FIELDS as readonly unknown[]).includes(name);
  let ok = true;
  const visit = (node: unknown, printed = false): void => {
    if (!ok || typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n));
    const n = node as { type?: string };
    switch (n.type) {
      case "PartialStatement":
      case "PartialBlockStatement":
      case "Decorator":
      case "DecoratorBlock":
        ok = false;
        return;
      case "PathExpression": {
        const path = n as hbs.AST.PathExpression;
        const [first] = path.parts;
        if (path.data || path.depth > 0 || first === undefined) ok = false;
        else if (isPageField(first) && !(printed && path.parts.length === 1)) ok = false;
        return;
      }
      case "StringLiteral":
        if (isPageField((n as hbs.AST.StringLiteral).value)) ok = false;
        return;
      case "MustacheStatement": {
        const m = n as hbs.AST.MustacheStatement;
        visit(m.path, m.params.length === 0 && (m.hash?.pairs.length ?? 0) === 0);
        visit(m.params);
        visit(m.hash);
        return;
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== "loc") visit(value);
  };
  visit(program);
  return ok;
}

/** A Handlebars data frame and those above it (`_parent`) as they are now: the loops change theirs in place. */
function framesNow(data: unknown): unknown {
  if (typeof data !== "object" || data === null) return data;
  const frame = { ...(data as Record<string, unknown>) };
  if ("_parent" in frame) frame._parent = framesNow(frame._parent);
  return frame;
}

/** Reads and compiles every site template through `readText` (undefined: missing file). */
export async function readSiteTemplates(
  dir: string,
  readText: (path: string) => Promise<string | undefined>,
  display: (path: string) => string = (p) => p,
): Promise<SiteTemplatesResult> {
  const sources = {} as Record<SiteTemplateName, { file: string; text: string }>;
  const errors: Diagnostic[] = [];
  for (const name of SITE_TEMPLATE_NAMES) {
    const path = siteTemplatePath(dir, name);
    const text = await readText(path);
    if (text === undefined)
      errors.push(templateError(display(path), `site template not found: ${display(path)}`));
    else sources[name] = { file: display(path), text };
  }
  return errors.length > 0 ? { ok: false, errors } : compileSiteTemplates(sources);
}
