/**
 * The site's HTML lives in Handlebars templates (`templates/site/*.html.hbs`) next to the README's, so a
 * maintainer restyles both without touching src/. Unlike the README templates these escape by default
 * (`{{x}}` is HTML-escaped, attributes included); only the `*Html` fields, already sanitised, are printed
 * raw with `{{{x}}}`. Strict: a misspelt field stops the build naming the template.
 */
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
  for (const name of SITE_TEMPLATE_NAMES) {
    const { file, text } = sources[name];
    try {
      hb.parse(text);
      // knownHelpersOnly: the site registers no helpers, so the built-in ones (if, each, unless, with) are
      // called directly instead of through a check for a missing helper at every block (about 15% of a card).
      const options = { strict: true, preventIndent: true, knownHelpersOnly: true };
      if (name === "card") {
        const renderCard = hb.compile(text, options);
        // A partial may be a function of the context and options Handlebars gives a compiled partial.
        hb.registerPartial("card", ((context: object, partialOptions: RuntimeOptions) => {
          if (!cards) return renderCard(context, partialOptions);
          // `context` is the partial's own (the entry with the call's hash); the loop frames of `@index` and
          // the like change as the loops go on, so the card gets them as they are now. Copied, then set: a
          // field written in the copy's literal, after the spread, gave every card's options a shape of its own.
          const later = { ...partialOptions };
          later.data = framesNow(partialOptions.data);
          cards.push(() => {
            try {
              return renderCard(context, later);
            } catch (cause) {
              throw renderError(file, cause);
            }
          });
          return CARD_MARK;
        }) as unknown as HandlebarsTemplateDelegate);
        continue;
      }
      const render = hb.compile(text, options);
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
