/**
 * The site's HTML lives in Handlebars templates (`templates/site/*.html.hbs`) next to the README's, so a
 * maintainer restyles both without touching src/. Unlike the README templates these escape by default
 * (`{{x}}` is HTML-escaped, attributes included); only the `*Html` fields, already sanitised, are printed
 * raw with `{{{x}}}`. Strict: a misspelt field stops the build naming the template.
 */
import { randomBytes } from "node:crypto";
import type { RuntimeOptions } from "handlebars";
// The one-file build, as in render/templates.ts.
import Handlebars from "handlebars/dist/handlebars.js";
import type { Diagnostic } from "../records/index.js";

export const SITE_TEMPLATE_NAMES = ["layout", "list", "card", "entry"] as const;
export type SiteTemplateName = (typeof SITE_TEMPLATE_NAMES)[number];

export type SiteTemplates = Record<Exclude<SiteTemplateName, "card">, (view: object) => string> & {
  /**
   * What `render` returns, in pieces: the text between the cards it rendered (the `card` partial), and each
   * card. A list page is all cards (19 MB at 10,000 records for the index): as one string it was a tree of
   * hundreds of thousands of pieces that the writer had to flatten into one new 38 MB string before encoding
   * it, which cost more than rendering the page. The cards are the same strings, rendered where they stand.
   */
  inPieces(render: () => string, cards?: CardCache): string[];
};

/**
 * Cards already made in this build, by entry id, for `inPieces` to reuse: an entry's card is on the index,
 * on its category's page and on each page above that (three times at 10,000 records in 12 categories of 3),
 * and differs between them only in `root` and `cardLevel`. One per build (a record may change between two).
 */
export type CardCache = Map<string, CardParts>;
/** A card's text cut where `root` and `cardLevel` go: text at even places, their stand-ins at odd ones. */
type CardParts = string[];
/** A reused card on a page: its parts, and what its stand-ins become there. */
interface ReusedCard {
  parts: CardParts;
  rootMark: string;
  root: string;
  level: string;
}
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

/** Compiles the site templates from their texts; syntax errors become diagnostics with the template's line. */
export function compileSiteTemplates(
  sources: Record<SiteTemplateName, { file: string; text: string }>,
): SiteTemplatesResult {
  const hb = Handlebars.create();
  const errors: Diagnostic[] = [];
  const compiled: Partial<SiteTemplates> = {};
  // The cards rendered while `inPieces` runs (whole, or in pieces to be joined); outside it, cards go into the
  // text as they are. And the cards of this build already made, when the caller keeps them.
  let cards: (string | ReusedCard)[] | undefined;
  let cardCache: CardCache | undefined;
  for (const name of SITE_TEMPLATE_NAMES) {
    const { file, text } = sources[name];
    try {
      hb.parse(text);
      // knownHelpersOnly: the site registers no helpers, so the built-in ones (if, each, unless, with) are
      // called directly instead of through a check for a missing helper at every block (about 15% of a card).
      const options = { strict: true, preventIndent: true, knownHelpersOnly: true };
      if (name === "card") {
        const renderCard = hb.compile(text, options);
        const reusable = reusableCard(hb.parse(text));
        // Stand-ins for `root` and `cardLevel` while a card is made to be reused: unguessable, so no record
        // holds one; never in the output, where the page's own values replace them.
        const nonce = randomBytes(12).toString("hex");
        const marks = { root: `\u0001${nonce}:root\u0001`, level: `\u0001${nonce}:level\u0001` };
        const cut = new RegExp(`(${marks.root}|${marks.level})`);
        // A partial may be a function of the context and options Handlebars gives a compiled partial.
        hb.registerPartial("card", ((context: CardContext, partialOptions: RuntimeOptions) => {
          if (!cards) return renderCard(context, partialOptions);
          const cache = reusable ? cardCache : undefined;
          const values = cache && reusableValues(context, partialOptions);
          if (!cache || !values) {
            cards.push(renderCard(context, partialOptions));
            return CARD_MARK;
          }
          // reusableValues made sure the entry has an id.
          const id = context.id as string;
          let parts = cache.get(id);
          if (parts === undefined) {
            parts = renderCard(
              { ...context, root: marks.root, cardLevel: marks.level },
              partialOptions,
            ).split(cut);
            cache.set(id, parts);
          }
          cards.push({ parts, rootMark: marks.root, ...values });
          return CARD_MARK;
        }) as unknown as HandlebarsTemplateDelegate);
        continue;
      }
      const render = hb.compile(text, options);
      compiled[name] = (view) => {
        try {
          return render(view);
        } catch (cause) {
          throw new SiteTemplateError(file, (cause as Error).message.split("\n")[0] ?? "", { cause });
        }
      };
    } catch (cause) {
      const message = (cause as Error).message;
      const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
      errors.push(templateError(file, `template syntax error: ${message.split("\n")[0] ?? ""}`, line));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  compiled.inPieces = (render, reused) => {
    const rendered: (string | ReusedCard)[] = [];
    cards = rendered;
    cardCache = reused;
    let text: string;
    try {
      text = render();
    } finally {
      cards = undefined;
      cardCache = undefined;
    }
    const between = text.split(CARD_MARK);
    // The mark in the page's own text outside a card (it holds NUL characters, which no record needs): the
    // page as one piece, rendered again with its cards in place. Inside a card, the mark is just the card's text.
    if (between.length !== rendered.length + 1) return [render()];
    const pieces: string[] = [between[0] as string];
    rendered.forEach((card, i) => {
      if (typeof card === "string") pieces.push(card);
      else
        for (let k = 0; k < card.parts.length; k++) {
          const part = card.parts[k] as string;
          pieces.push(k % 2 === 0 ? part : part === card.rootMark ? card.root : card.level);
        }
      pieces.push(between[i + 1] as string);
    });
    return pieces;
  };
  return { ok: true, templates: compiled as SiteTemplates };
}

/** What the card partial is given: an entry view, with the partial call's hash (`root`, `cardLevel`) on it. */
type CardContext = { id?: unknown; root?: unknown; cardLevel?: unknown };

/**
 * The page's `root` and `cardLevel` as the card prints them, when a card made with stand-ins for them can be
 * reused: the call passes no other hash value, the entry has an id, and both values are printed as they are
 * (non-empty, so no `{{#if}}` on them could differ, and with nothing for `{{x}}` to escape).
 */
function reusableValues(
  context: CardContext,
  options: RuntimeOptions & { hash?: Record<string, unknown> },
): { root: string; level: string } | undefined {
  const hash = options.hash ?? {};
  if (typeof context.id !== "string" || Object.keys(hash).some((k) => k !== "root" && k !== "cardLevel"))
    return undefined;
  const root = String(context.root ?? "");
  const level = String(context.cardLevel ?? "");
  const plain = (value: string) =>
    value !== "" && value !== "0" && Handlebars.escapeExpression(value) === value;
  return plain(root) && plain(level) ? { root, level } : undefined;
}

/**
 * Whether a card template's text is a function of the entry's own fields and the two values reused cards
 * stand in for, printed as they are: only `{{field}}` / `{{{field}}}` and the built-in blocks (if, unless,
 * each, with) on a field; nothing from outside the card (`../x`, `@root`, `@index`), no partial, no other
 * helper (`lookup` would look a stand-in up). Any other template is rendered for every card, as written.
 */
function reusableCard(program: hbs.AST.Program): boolean {
  const plainPath = (node: hbs.AST.Node | undefined): boolean => {
    const path = node as hbs.AST.PathExpression | undefined;
    return (
      path?.type === "PathExpression" && !path.data && path.depth === 0 && !path.original.startsWith(".")
    );
  };
  const visit = (node: hbs.AST.Node): boolean => {
    switch (node.type) {
      case "Program":
        return (node as hbs.AST.Program).body.every(visit);
      case "ContentStatement":
      case "CommentStatement":
        return true;
      case "MustacheStatement": {
        const m = node as hbs.AST.MustacheStatement;
        return plainPath(m.path) && m.params.length === 0 && !m.hash;
      }
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        const helper = (b.path as hbs.AST.PathExpression).original;
        return (
          ["if", "unless", "each", "with"].includes(helper) &&
          b.params.length === 1 &&
          plainPath(b.params[0]) &&
          !b.hash &&
          visit(b.program) &&
          (!b.inverse || visit(b.inverse))
        );
      }
      default:
        return false;
    }
  };
  return visit(program);
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
