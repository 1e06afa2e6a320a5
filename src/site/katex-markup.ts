/**
 * KaTeX's markup for a formula read into the tree hast-util-from-html (parse5) reads from it, without parse5:
 * reading it with parse5 took half of the time the fast path spent on a formula (markdown-html.ts).
 *
 * KaTeX writes a small, regular markup (its MathNode, TextNode and Span `toMarkup`): tags with lowercase
 * names and double-quoted attribute values, and text and values in which it escapes every "&", "<", ">",
 * '"' and "'" as one of five references. What this reads is that markup only, and each element is made by
 * hastscript's `h`, as hast-util-from-parse5 makes it, so that attribute values are typed the same way. For
 * anything else (another reference, a tag it does not know, a self-closing tag where parse5 reads HTML: outside
 * <math> or inside a token element such as <mo>) it gives undefined, and the caller reads the markup with
 * parse5 after all.
 */
import type { ElementContent, Root } from "hast";
import type { h as H } from "hastscript";

/** A start or end tag as KaTeX writes it: `<mi mathvariant="normal">`, ` class ="…"` with its space, `<mspace …/>`. */
const TAG = /<(\/?)([a-z]+)((?: [a-z]+ ?="[^"<>]*")*)(\/?)>/y;
const ATTRIBUTE = / ([a-z]+) ?="([^"]*)"/g;
/** Text up to the next tag: no "<", and characters parse5 would change (CR, NUL) send it to parse5. */
const TEXT = /[^<]+/y;
const UNREAD = /[\r\0]/;
const REFERENCE = /&(?:amp|lt|gt|quot|#x27);|&/g;
const DECODED: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
};

/** The MathML elements KaTeX writes (in foreign content, parse5 keeps each where it stands). */
const MATHML = new Set([
  "math",
  "semantics",
  "annotation",
  "mrow",
  "mi",
  "mn",
  "mo",
  "ms",
  "mtext",
  "mspace",
  "msup",
  "msub",
  "msubsup",
  "mfrac",
  "msqrt",
  "mroot",
  "mover",
  "munder",
  "munderover",
  "mtable",
  "mtr",
  "mtd",
  "mlabeledtr",
  "mstyle",
  "mpadded",
  "mphantom",
  "menclose",
  "merror",
]);
/**
 * MathML's text integration points: parse5 reads a tag inside one as HTML. KaTeX nests elements in them
 * (\stackrel writes <mo><mover>…); as HTML they are unknown elements, kept where they stand, but a
 * self-closing one is left open.
 */
const TOKEN_ELEMENTS = new Set(["mi", "mn", "mo", "ms", "mtext"]);

/** The five references KaTeX writes, decoded; undefined for any other "&". */
function decoded(text: string): string | undefined {
  let other = false;
  const value = text.replace(REFERENCE, (reference) => {
    const character = DECODED[reference];
    if (character === undefined) other = true;
    return character ?? reference;
  });
  return other || UNREAD.test(value) ? undefined : value;
}

interface Open {
  name: string;
  properties: Record<string, string>;
  children: ElementContent[];
}

/** The tree of KaTeX's `markup` (a fragment, as fromHtmlIsomorphic's `{fragment: true}`), or undefined. */
export function katexTree(markup: string, h: typeof H): Root | undefined {
  const root: Open = { name: "", properties: {}, children: [] };
  const open: Open[] = [root];
  let depthInMath = 0;
  // Open token elements: inside one, parse5 reads tags as HTML.
  let inTokens = 0;
  for (let at = 0; at < markup.length;) {
    const parent = open[open.length - 1] as Open;
    TAG.lastIndex = at;
    const tag = TAG.exec(markup);
    if (tag === null) {
      TEXT.lastIndex = at;
      const text = TEXT.exec(markup)?.[0];
      const value = text === undefined ? undefined : decoded(text);
      if (text === undefined || value === undefined) return undefined;
      parent.children.push({ type: "text", value });
      at += text.length;
      continue;
    }
    at += tag[0].length;
    const [, closing, name = "", attributes = "", selfClosing] = tag;
    if (closing) {
      if (attributes !== "" || selfClosing || parent.name !== name || parent === root) return undefined;
      open.pop();
      (open[open.length - 1] as Open).children.push(h(name, parent.properties, parent.children));
      if (name === "math") depthInMath--;
      if (TOKEN_ELEMENTS.has(name)) inTokens--;
      continue;
    }
    // Outside <math>: KaTeX's <span>s only. Inside: its MathML elements.
    const inMath = depthInMath > 0;
    if (inMath ? !MATHML.has(name) : name !== "span" && name !== "math") return undefined;
    // parse5 keeps the first of two attributes of one name; it closes a self-closing tag only in MathML.
    const properties: Record<string, string> = {};
    for (const [, key = "", raw = ""] of attributes.matchAll(ATTRIBUTE)) {
      const value = decoded(raw);
      if (value === undefined) return undefined;
      if (!Object.hasOwn(properties, key)) properties[key] = value;
    }
    if (selfClosing) {
      if (!inMath || inTokens > 0 || name === "math") return undefined;
      parent.children.push(h(name, properties, []));
      continue;
    }
    if (name === "math") depthInMath++;
    if (TOKEN_ELEMENTS.has(name)) inTokens++;
    open.push({ name, properties, children: [] });
  }
  return open.length === 1 ? { type: "root", children: root.children } : undefined;
}
