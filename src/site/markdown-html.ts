/**
 * Record Markdown (摘要, extra, note, intros) as HTML for the site. First made safe exactly as for the README
 * (the render room's sanitizeMarkdown: disallowed HTML shown as text, headings flattened, fences closed), then
 * rendered by the project's remark stack (remark-parse + remark-gfm), and the HTML sanitised once more with
 * rehype-sanitize's GitHub schema, so that the site keeps what GitHub would show and nothing that runs.
 *
 * Most 摘要 are paragraphs and bullet lists (nested too) of plain text, **bold**, `code`, [links](https://…),
 * bare URLs, $formulas$, a few inline HTML tags (<font size=6>, <br>) and tables (in list items too). Those
 * take a fast path that writes the HTML the stack would write (tests/site/markdown-html.test.ts compares both
 * on generated and real texts), and a text only part of which it reads sends the stack that part alone,
 * because the full stack costs about 1 ms a text (4 ms while the process is young) and 10,000 records must
 * build in under 3 s. Plain text alone covered 3 in 4 of the real list's texts, and a 10,000-record list with
 * their Markdown built in 4.5 s instead of 1.8 s; with the inline constructs, 9 in 10; with tables, all 59
 * (the benchmark's 250 tables had cost its build 0.9 s through the stack, cold). A formula is KaTeX's work
 * either way; on the fast path only its markup is read and written again, not the whole text (the 300
 * formulas of the benchmark's 10,000 records cost `papershelf site` 0.8 s through the stack).
 */
import type { Element, Root } from "hast";
import type { Root as MdastRoot } from "mdast";
import { parseMarkdown, setMathValue } from "../markdown/index.js";
import { sanitizeMarkdown } from "../render/index.js";
import { katexTree } from "./katex-markup.js";
import { loadFormulaKit, loadRehypeKatex, loadRehypeStack, type RehypeStack } from "./rehype-stack.js";

/** Images in record Markdown load when scrolled to, never block the page, and always have an alt. */
function lazyImages(visit: RehypeStack["visit"]) {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img") return;
      node.properties.loading = "lazy";
      node.properties.decoding = "async";
      if (typeof node.properties.alt !== "string" || node.properties.alt === "")
        node.properties.alt = "Figure";
    });
  };
}

/**
 * Where the links and images that record Markdown writes relative to the repository lead: its files on
 * GitHub (`<server>/<owner>/<repo>/blob/HEAD/`, and `raw/HEAD/` for images). The README shows
 * `[notes](docs/notes.md)` as the repository's file, GitHub resolving the path against the README's folder,
 * the repository's top; a page of the site is elsewhere (`/p/<id>/`), where the same path led nowhere. HEAD
 * is the default branch, the one whose README shows the link.
 */
export interface RepositoryLinks {
  /** Ends in "/". */
  blob: string;
  /** Ends in "/". */
  raw: string;
}

/** RepositoryLinks of `owner/repo` on `server` (GITHUB_SERVER_URL, https://github.com by default). */
export function repositoryLinks(repository: string, server = "https://github.com"): RepositoryLinks {
  const base = `${server.endsWith("/") ? server.slice(0, -1) : server}/${repository}/`;
  return { blob: `${base}blob/HEAD/`, raw: `${base}raw/HEAD/` };
}

/**
 * A URL the README resolves against the repository: a path, not a fragment (`#x`, this page), a query, a
 * scheme (`https:`, `mailto:`) or another host (`//host/x`).
 */
function isRepositoryPath(url: string): boolean {
  return url !== "" && !/^(?:[a-z][a-z0-9+.-]*:|#|\?|\/\/)/i.test(url);
}

/** The repository's path (see isRepositoryPath) as a URL of its file; "/docs/x" is the repository's top's too. */
function inRepository(url: string, base: string): string {
  try {
    const resolved = new URL(url.replace(/^\/+/, ""), base);
    // "../../x" climbs out of the branch: the link stays as written rather than leading somewhere else.
    return resolved.href.startsWith(base) ? resolved.href : url;
  } catch {
    return url;
  }
}

/** Links and images to the repository's files (see RepositoryLinks). */
function rebaseLinks(visit: RehypeStack["visit"], links: RepositoryLinks) {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const key = node.tagName === "a" ? "href" : node.tagName === "img" ? "src" : undefined;
      const url = key === undefined ? undefined : node.properties[key];
      if (key === undefined || typeof url !== "string" || !isRepositoryPath(url)) return;
      node.properties[key] = inRepository(url, key === "src" ? links.raw : links.blob);
    });
  };
}

/**
 * KaTeX commands that place their content elsewhere than where it is written: \raisebox{26em}{…} drew
 * "text" over the page's header, and a lap prints over the text before it. Each is read as its content.
 */
const MOVERS = ["\\raisebox", "\\llap", "\\rlap", "\\clap", "\\mathllap", "\\mathrlap", "\\mathclap"];
/** \raisebox takes the shift first, then the content. */
const MOVER_AS_TEXT: Readonly<Record<string, string>> = { "\\raisebox": "\\@secondoftwo" };

/** How much larger than its text a formula's type may grow: one \Huge (KaTeX's largest size, 2.488em). */
const MAX_MATH_SCALE = 2.488;

/**
 * Caps the size changes in a formula, all of them together. KaTeX's maxSize bounds lengths, not sizes: each
 * \Huge is an <mstyle mathsize="2.488em"> relative to the one around it, so "\Huge\Huge\Huge\Huge\Huge\Huge x"
 * drew an "x" 2,000 px tall over the page. A size that would take the formula past MAX_MATH_SCALE is
 * lowered to reach it; smaller sizes (\small, \tiny) are left as they are.
 */
function capSizes(tree: Root): void {
  const cap = (node: Root | Element, scale: number): void => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      let factor = 1;
      const size = child.tagName === "mstyle" ? child.properties.mathsize : undefined;
      const em = typeof size === "string" ? /^(\d+(?:\.\d+)?|\.\d+)em$/.exec(size) : null;
      if (em) {
        factor = Math.min(Number(em[1]), MAX_MATH_SCALE / scale);
        child.properties.mathsize = `${Number(factor.toFixed(3))}em`;
      }
      cap(child, scale * factor);
    }
  };
  cap(tree, 1);
}

/** capSizes as a rehype plugin. */
function capMathSizes() {
  return capSizes;
}

/**
 * How KaTeX writes a formula (rehype-katex adds displayMode and throwOnError): MathML, which browsers render
 * natively, with no script, stylesheet or font to load (KaTeX's HTML output needs all three). Without `trust`
 * it makes no links. A size in a formula is at most 10em, so none pushes the page wide; \rule's box is not
 * drawn at all (site.css), and what could move a formula's text over the page's own is read as the text.
 * The macros are new for each formula (the getter runs at every `{...KATEX_SETTINGS}`): KaTeX writes a
 * \gdef into the object it is given, and one shared by the build let a record's definition change the
 * formulas of every record after it.
 */
const KATEX_SETTINGS = {
  output: "mathml",
  strict: "ignore",
  maxSize: 10,
  get macros(): Record<string, string> {
    return Object.fromEntries(MOVERS.map((name) => [name, MOVER_AS_TEXT[name] ?? "#1"]));
  },
} as const;

/** More formulas than this in one text (a 摘要 holds a few) are shown as their TeX: each costs KaTeX ~0.1 ms. */
const MAX_FORMULAS = 200;

/** The stacks made so far, by math or not and the repository links lead to (one of each in a build). */
const processors = new Map<string, ReturnType<typeof createProcessor>>();

function createProcessor(math: boolean, links: RepositoryLinks | undefined) {
  // Loaded here, at the first text the fast path leaves to the stack (rehype-stack.ts says why).
  const { unified, remarkRehype, rehypeRaw, rehypeSanitize, defaultSchema, rehypeStringify, visit } =
    loadRehypeStack();
  // Runs on src/markdown's tree (remark-parse + remark-gfm with the limits built in).
  const safe = unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "md-" });
  // Math (`$…$`, `$$…$$`, a ```math fence: <code class="language-math">) as MathML (KATEX_SETTINGS). After
  // the sanitiser, which would drop MathML; KaTeX makes it from the formula's text alone. A formula KaTeX
  // cannot read is shown as its source, marked.
  const rendered = math ? safe.use(loadRehypeKatex(), KATEX_SETTINGS) : safe;
  const capped = math ? rendered.use(capMathSizes) : rendered;
  return (links ? capped.use(rebaseLinks, visit, links) : capped)
    .use(lazyImages, visit)
    .use(rehypeStringify)
    .freeze();
}

/**
 * Each formula as written; whether the text has any to render (up to MAX_FORMULAS; past that, the text's
 * formulas show as their TeX in code). sanitizeMarkdown, which knows nothing of math, shows a `<` that could
 * open a tag as `&lt;`; in a formula (`$a<b$`) it is a less-than sign, and KaTeX would read the five
 * characters. The formula's HTML is made from its text alone and escaped, so the sign is safe there.
 */
function mathAsWritten(tree: MdastRoot): boolean {
  let formulas = 0;
  loadRehypeStack().visit(tree, (node) => {
    if (node.type === "code" && node.lang === "math") formulas++;
    if ((node.type as string) !== "inlineMath" && (node.type as string) !== "math") return;
    formulas++;
    const { value } = node as unknown as { value: string };
    if (value.includes("&lt;")) setMathValue(node, value.replaceAll("&lt;", "<"));
  });
  return formulas > 0 && formulas <= MAX_FORMULAS;
}

/** HTML through the full stack (also what the fast path is tested against). */
export function markdownToHtmlSlow(markdown: string, links?: RepositoryLinks): string {
  return safeStackHtml(sanitizeMarkdown(markdown), links);
}

/** The full stack's HTML of safe text, or the text as code when it is nested past the parser's limits. */
function safeStackHtml(safe: string, links?: RepositoryLinks): string {
  return (
    stackHtml(safe, links) ??
    `<pre><code>${safe.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</code></pre>`
  );
}

/**
 * The full stack's HTML of text sanitizeMarkdown has made safe; undefined when it is nested past the parser's
 * limits (sanitizeMarkdown already fenced anything past the field limits: only nesting is left to bound).
 */
function stackHtml(safe: string, links?: RepositoryLinks): string | undefined {
  const parsed = parseMarkdown(safe, { document: true, math: true });
  if (!parsed.ok) return undefined;
  const math = mathAsWritten(parsed.tree);
  const key = `${math}\n${links?.blob ?? ""}\n${links?.raw ?? ""}`;
  let stack = processors.get(key);
  if (!stack) processors.set(key, (stack = createProcessor(math, links)));
  return stack.stringify(stack.runSync(parsed.tree));
}

/**
 * Characters that could start Markdown or HTML structure anywhere in a line, or an autolink literal
 * (`@`; `www.` and `http:` are WWW and SCHEME): text with any of them goes through the full stack. GFM's
 * autolink literals start with these alone (micromark-extension-gfm-autolink-literal reads no other scheme,
 * in any case: "HTTP://" too), so another ":" is text ("RedPajama-Data: An…").
 */
const SPECIAL = /[\\`*_[\]<>&!~|$#=+{}\t@]/;
/**
 * Outside a line's start, ">" is text (BLOCK_START reads it there), and so is a tab: only at a line's start
 * does it indent (a line of the fast path has none there: trimmedLine).
 */
const SPECIAL_INLINE = /[\\`*_[\]<&!~|$#=+{}@]/;
const SCHEME = /https?:/i;
const WWW = /www\./i;

/**
 * Whether `text` holds a character that could start Markdown or HTML structure (SPECIAL), or an autolink
 * literal (`www.`, `http:`): then it is not plain. As one regular expression with them as alternatives, it tried
 * three patterns at every character: 35 ms a pass over the 10,000-record benchmark's 30,000 texts, 15 ms with
 * the cheap tests first (the build makes several passes).
 */
function notPlain(text: string, special = SPECIAL): boolean {
  return (
    special.test(text) || (text.includes(":") && SCHEME.test(text)) || (text.includes(".") && WWW.test(text))
  );
}

/**
 * Whether the stack would show `text` as it is written, bar its whitespace (no character that could start
 * Markdown or HTML structure): then its plain text is the text itself, with no HTML to take apart.
 */
export function readsAsWritten(text: string): boolean {
  return !notPlain(text);
}

/**
 * A line starting like a list item, a block quote, an indented code block, a rule or a table's delimiter row
 * (a one-column table needs no "|": "模型\n:-" is one): a digit and "." or ")", a space, "-", ">", ":-", or
 * "*" other than the "**" of bold text ("**x", never "** " or "***"), or "$$" (a formula set apart).
 */
const BLOCK_START = /^(?:\d+[.)]|[ \->]|:-|\*(?!\*[^\s*])|\$\$)/;

/** A line of a paragraph or an item: not empty (a paragraph's last line break), no space at either end. */
function trimmedLine(text: string): boolean {
  return text !== "" && text === text.trim();
}

/**
 * What inlineHtml reads besides plain text: a "`" (code), "http" (a URL), a run of "*" (bold), a "[" (a
 * link), a run of "$" (a formula) or a "<" (an HTML tag). Only a URL not preceded by a Latin letter is one
 * (GFM's autolink literal): "xhttps://" is left to the stack.
 */
const INLINE_TOKEN = /`|https?:\/\/|\*+|\[|\$+|</g;
/**
 * A code span's text the fast path writes as it is: no "`", no line break, no space at either end (the
 * stack strips one), nothing HTML would escape, and no "*" (so no bold can start inside one).
 */
const CODE_TEXT = /^[^\s`*<&](?:[^`*<&\n]*[^\s`*<&])?$/;
/**
 * A URL as GFM's autolink literal reads it, in the part the fast path writes itself: an ASCII domain
 * starting with a letter or digit, and a path of letters, digits, "-", "." and "/". Anything else in it
 * (a port, a query, "_", a "(", non-ASCII) is left to the stack.
 */
const URL_AT = /https?:\/\/[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*(?:\/[A-Za-z0-9./-]*)?/y;
/**
 * What GFM leaves out of a URL's end when only whitespace (or the text's end) follows: a run of these
 * (micromark-extension-gfm-autolink-literal's `trail`). Followed by anything else, the run is part of the URL.
 */
const URL_TRAIL = /[!"')*,.:;?_~]*/y;
/**
 * A link the fast path writes itself: "[text](url)", its text plain (notPlain) and its URL an absolute
 * http(s) one of characters that need no escaping or encoding (no "&", "%", space, parenthesis, non-ASCII).
 * A relative one leads to the repository's files (rebaseLinks): the stack's.
 */
const LINK_AT = /\[([^[\]\n]+)\]\((https?:\/\/[A-Za-z0-9._~:/?#=-]+)\)/y;
/**
 * A formula's HTML, made as the stack makes it (rehype-katex's KaTeX markup read into a tree, sizes capped,
 * written by rehype-stringify's writer), or undefined when KaTeX cannot read it: the stack shows it as its
 * source, marked. `tex` is the formula as remark-math gives it, with `&lt;` read as "<" (mathAsWritten).
 */
function formulaHtml(tex: string): string | undefined {
  const { renderToString, h, fromHtmlIsomorphic, toHtml } = loadFormulaKit();
  let markup: string;
  try {
    markup = renderToString(tex.replaceAll("&lt;", "<"), {
      ...KATEX_SETTINGS,
      displayMode: false,
      throwOnError: true,
    });
  } catch {
    return undefined;
  }
  const tree = katexTree(markup, h) ?? fromHtmlIsomorphic()(markup, { fragment: true });
  capSizes(tree);
  return toHtml(tree);
}

/**
 * The formula that a run of `sequence` "$" at `at` opens, as the stack reads it, with where it ends; undefined
 * for anything the fast path leaves to the stack. A run of one or two "$" is a formula up to the next run of
 * as many (remark-math), on one line, not starting with "`" (GitHub's $`…`$ form) nor with a space at
 * either end (the stack strips one, and a one-dollar span so written is a price: parse.ts, pandoc's rule),
 * and for one "$", followed by no digit (a price too: "$5-$10").
 */
function formulaAt(text: string, at: number, sequence: number): { html: string; end: number } | undefined {
  if (sequence > 2) return undefined;
  const close = text.indexOf("$", at + sequence);
  const tex = text.slice(at + sequence, close);
  const run = "$".repeat(sequence);
  if (close < 0 || !text.startsWith(run, close) || text.charAt(close + sequence) === "$") return undefined;
  if (!FORMULA_TEXT.test(tex) || (sequence === 1 && /\d/.test(text.charAt(close + 1)))) return undefined;
  const html = formulaHtml(tex);
  return html === undefined ? undefined : { html, end: close + sequence };
}

/** A formula's text the fast path renders: on one line, no "`", no space at either end (formulaAt). */
const FORMULA_TEXT = /^[^\s`](?:[^\n`]*[^\s`])?$/;

/**
 * An HTML tag in a line as CommonMark reads one (lowercase, attributes unquoted or double-quoted). After
 * sanitizeMarkdown (the README's allowlist), every "<" left that starts a tag starts an allowed one.
 */
const TAG_AT = /<(\/?)([a-z]+)((?: +[a-z]+(?:=(?:"[^"<>\n]*"|[^\s"'=<>`]+))?)*) *(\/?)>/y;
/** Tags the site's sanitiser (GitHub's schema) keeps, written without attributes: they stay as they are. */
const KEPT_TAGS = new Set(["b", "strong", "em", "i", "del", "ins", "kbd", "s", "sub", "sup", "code"]);
/** Tags it drops, keeping their text (the real list sizes text with <font size=6>). */
const UNWRAPPED_TAGS = new Set(["font", "small", "u", "mark"]);

/** The characters micromark reads as whitespace and as punctuation around "**" (micromark-util-character). */
const WHITESPACE = /\s/;
const PUNCTUATION = /\p{P}|\p{S}/u;

/**
 * How micromark classifies the character next to a run of "*" (micromark-util-classify-character): 1
 * whitespace (a text's start and end count as such), 2 punctuation, undefined anything else. One UTF-16
 * unit, as micromark reads them: half of an emoji is neither.
 */
function characterGroup(char: string): 1 | 2 | undefined {
  if (char === "" || WHITESPACE.test(char)) return 1;
  return PUNCTUATION.test(char) ? 2 : undefined;
}

/**
 * The HTML of a paragraph's text (its lines joined by "\n") or an item's, when it holds only plain text,
 * `code`, bare http(s) URLs, [links](https://…), **bold**, $formulas$ and inline HTML tags (KEPT_TAGS,
 * UNWRAPPED_TAGS, <br>) each closed in order: the 摘要's Markdown most often is no more.
 * Undefined for anything else, which the full stack renders. Bold follows CommonMark's rules for "**" as
 * micromark applies them (a run opens or closes by the characters around it: "的**超集**。" is bold,
 * "**「超集」**的" is not), each closing run taking the nearest open one.
 */
function inlineHtml(text: string): string | undefined {
  if (!notPlain(text)) return text;
  const out: string[] = [];
  // A line that is one tag alone starts an HTML block, not a paragraph (CommonMark's 7th kind): the stack's.
  if (text.startsWith("<")) {
    TAG_AT.lastIndex = 0;
    const tag = TAG_AT.exec(text)?.[0];
    const lineEnd = text.indexOf("\n");
    if (tag === undefined || text.slice(tag.length, lineEnd < 0 ? undefined : lineEnd).trim() === "")
      return undefined;
  }
  // Each "**" run: where it is in `out` and in `text`, and the HTML tag it stands in (`frame`).
  const runs: { piece: number; at: number; frame: number }[] = [];
  // The HTML tags open, innermost last, each with a number of its own (0: none open).
  const tags: { name: string; frame: number }[] = [];
  let frames = 0;
  let plainFrom = 0;
  const plain = (to: number): boolean => {
    const between = text.slice(plainFrom, to);
    out.push(between);
    return !notPlain(between, SPECIAL_INLINE);
  };
  INLINE_TOKEN.lastIndex = 0;
  for (let token = INLINE_TOKEN.exec(text); token; token = INLINE_TOKEN.exec(text)) {
    const at = token.index;
    if (!plain(at)) return undefined;
    if (token[0] === "`") {
      // One "`" on each side: a code span ends at a run of as many, and "``" is another run.
      const close = text.indexOf("`", at + 1);
      const code = text.slice(at + 1, close);
      if (close < 0 || text.charAt(close + 1) === "`" || !CODE_TEXT.test(code)) return undefined;
      out.push(`<code>${code}</code>`);
      plainFrom = close + 1;
    } else if (token[0] === "[") {
      LINK_AT.lastIndex = at;
      const [link, label = "", url = ""] = LINK_AT.exec(text) ?? [];
      if (link === undefined || notPlain(label) || label !== label.trim()) return undefined;
      out.push(`<a href="${url}">${label}</a>`);
      plainFrom = at + link.length;
    } else if (token[0].startsWith("$")) {
      const formula = formulaAt(text, at, token[0].length);
      if (formula === undefined) return undefined;
      out.push(formula.html);
      plainFrom = formula.end;
    } else if (token[0] === "<") {
      TAG_AT.lastIndex = at;
      const [tag, closing = "", name = "", attributes = "", selfClosing = ""] = TAG_AT.exec(text) ?? [];
      if (tag === undefined) return undefined;
      if (name === "br") {
        if (closing !== "" || attributes !== "") return undefined;
        out.push("<br>");
      } else {
        const kept = KEPT_TAGS.has(name);
        if ((!kept && !UNWRAPPED_TAGS.has(name)) || selfClosing !== "" || (kept && attributes !== ""))
          return undefined;
        if (closing === "") tags.push({ name, frame: ++frames });
        else if (attributes !== "" || tags.pop()?.name !== name) return undefined;
        out.push(kept ? `<${closing}${name}>` : "");
      }
      plainFrom = at + tag.length;
    } else if (token[0].startsWith("h")) {
      if (/[A-Za-z]/.test(text.charAt(at - 1))) return undefined;
      URL_AT.lastIndex = at;
      const found = URL_AT.exec(text)?.[0];
      if (found === undefined) return undefined;
      // Dots at its end are GFM's trail (URL_TRAIL), not the URL's.
      let length = found.length;
      while (found.charAt(length - 1) === ".") length--;
      const url = found.slice(0, length);
      URL_TRAIL.lastIndex = at + url.length;
      URL_TRAIL.exec(text);
      // By index: an optimised charAt past the end (a URL that ends the text) threw the function's code away.
      const next = URL_TRAIL.lastIndex;
      if (next < text.length && !/^\s$/.test(text.charAt(next))) return undefined;
      out.push(`<a href="${url}">${url}</a>`);
      plainFrom = at + url.length;
    } else if (token[0].length !== 2) {
      // A run of "*" with whitespace on both sides (a text's ends count) can neither open nor close: text
      // ("8 * A100", a table's cell). At a line's start it is a list or a rule: BLOCK_START sees to that.
      if (
        characterGroup(text.charAt(at - 1)) !== 1 ||
        characterGroup(text.charAt(at + token[0].length)) !== 1
      )
        return undefined;
      out.push(token[0]);
      plainFrom = at + token[0].length;
    } else {
      runs.push({ piece: out.length, at, frame: tags.at(-1)?.frame ?? 0 });
      out.push("**");
      plainFrom = at + 2;
    }
    INLINE_TOKEN.lastIndex = plainFrom;
  }
  if (!plain(text.length) || tags.length > 0) return undefined;
  // The runs that may still be closed, nearest last.
  const open: (typeof runs)[number][] = [];
  for (const run of runs) {
    const before = characterGroup(text.charAt(run.at - 1));
    const after = characterGroup(text.charAt(run.at + 2));
    const closes = before === undefined || (before === 2 && after !== undefined);
    const opens = after === undefined || (after === 2 && before !== undefined);
    const opener = closes ? open.pop() : undefined;
    // Bold across an HTML tag's edge (<b>**x</b>**) is mended by the HTML parser: the stack's.
    if (opener !== undefined && opener.frame !== run.frame) return undefined;
    if (opener !== undefined) {
      out[opener.piece] = "<strong>";
      out[run.piece] = "</strong>";
    } else if (opens) open.push(run);
  }
  return out.join("");
}

/**
 * A line of a list: its indent and marker, a bullet ("-", "*") or a number (no leading zero) and "." or ")".
 */
const LIST_LINE = /^( *)([-*]|(?:[1-9]\d{0,8}|0)[.)]) (?=\S)/;

interface ListLevel {
  /** Where its markers stand, and where its items' text starts (a sublist starts 0-3 columns past that). */
  indent: number;
  content: number;
  /** "-" or "*" for a bullet list, "." or ")" for a numbered one: a change starts another list. */
  kind: string;
  /** A numbered list's first number. */
  start: number;
  /** The level's items, the last one still open (its sublist may follow). */
  items: string[];
}

/** A list line's marker read: its kind (ListLevel) and number (NaN for a bullet). */
function listMarker(marker: string): { kind: string; start: number } {
  return marker.length === 1
    ? { kind: marker, start: NaN }
    : { kind: marker.slice(-1), start: Number(marker.slice(0, -1)) };
}

/**
 * The HTML of a tight list, bullets or numbers (a block's lines, the first a marker at the margin), whose
 * items are one line each, a sublist starting 0-3 columns past the text of the item above it (as
 * "* 預訓練數據\n    * RedPajama" is written), and whose text inlineHtml reads, with the kind of the list
 * (ListLevel); undefined for anything else.
 * A change of marker at a level starts another list, any other indent is read otherwise by CommonMark: both
 * are the stack's.
 */
function listHtml(lines: readonly string[]): { html: string; kind: string } | undefined {
  const levels: ListLevel[] = [];
  const html = (level: ListLevel) => {
    const tag = Number.isNaN(level.start) ? "ul" : "ol";
    const start = tag === "ol" && level.start !== 1 ? ` start="${level.start}"` : "";
    // Each item joined as it comes (docs/architecture.md: "Hot code compiled once").
    let items = "";
    for (const item of level.items) items += `${item}</li>\n`;
    return `<${tag}${start}>\n${items}</${tag}>`;
  };
  // Ends the deepest level: its list goes into the item above it.
  const end = (): ListLevel | undefined => {
    const level = levels.pop() as ListLevel;
    const parent = levels.at(-1);
    if (parent !== undefined) parent.items.push(`${parent.items.pop() ?? ""}\n${html(level)}\n`);
    return parent;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const [start, spaces = "", marker = ""] = LIST_LINE.exec(line) ?? [];
    if (start === undefined) {
      // A table in the deepest item, as real 摘要 hold one ("* 預訓練數據\n    | Dataset | … |"): its header
      // ends the item's text. Only an item of a level above may follow it (a line in the item would be the
      // table's, or a block the stack reads).
      const level = levels.at(-1);
      const table = level && itemTable(lines, i, level.content);
      if (!level || !table) return undefined;
      const next = table.end < lines.length ? LIST_LINE.exec(lines[table.end] as string) : undefined;
      // Another line (a row indented otherwise, text) would be the table's or the item's: the stack's.
      if (next === null || (next !== undefined && (next[1] ?? "").length >= level.content)) return undefined;
      level.items.push(`${level.items.pop() ?? ""}\n${table.html}\n`);
      i = table.end - 1;
      continue;
    }
    const indent = spaces.length;
    const item = line.slice(start.length);
    // An item that itself starts a block ("- 1.", "- - x") nests a list or quote: leave it to the stack.
    const itemHtml = BLOCK_START.test(item) || !trimmedLine(item) ? undefined : inlineHtml(item);
    if (itemHtml === undefined) return undefined;
    const read = listMarker(marker);
    let level = levels.at(-1);
    if (level === undefined ? indent === 0 : indent >= level.content && indent <= level.content + 3) {
      // The list itself, or a sublist of the item above, which ends that item's text as a list ends a
      // paragraph: a numbered one only at 1.
      if (level !== undefined && !Number.isNaN(read.start) && read.start !== 1) return undefined;
      levels.push((level = { indent, content: start.length, kind: read.kind, start: read.start, items: [] }));
    } else {
      // An item of this level or of one above it, whose sublists end here.
      while (level !== undefined && indent < level.indent) level = end();
      if (level === undefined || indent !== level.indent || read.kind !== level.kind) return undefined;
    }
    level.items.push(`<li>${itemHtml}`);
  }
  while (levels.length > 1) end();
  return levels[0] && { html: html(levels[0]), kind: levels[0].kind };
}

/**
 * A row of a table as the fast path reads one: "|" at both ends (GFM lets either go: the stack reads those),
 * and a delimiter row, each column's dashes with a ":" at either end for its alignment.
 */
const TABLE_ROW = /^\|.*\|$/;
const TABLE_DELIMITER = /^\|(?: *:?-+:? *\|)+$/;

/** How many cells `cellsOf` finds in a row, counted without making them. */
function cellCount(row: string): number {
  let count = 1;
  for (let at = row.indexOf("|", 1); at !== -1 && at < row.length - 1; at = row.indexOf("|", at + 1)) count++;
  return count;
}

/** A row's cells, without the spaces around them (GFM's; a wider space, U+3000, is the cell's text). */
function cellsOf(row: string): string[] {
  return row
    .slice(1, -1)
    .split("|")
    .map((cell) => {
      let start = 0;
      let end = cell.length;
      while (cell.charAt(start) === " ") start++;
      while (end > start && cell.charAt(end - 1) === " ") end--;
      return cell.slice(start, end);
    });
}

/** Whether `lines[at]` is a table's header: a delimiter row under it with as many cells. */
function isTableHeader(lines: readonly string[], at: number): boolean {
  const header = lines[at] as string;
  const delimiter = lines[at + 1] ?? "";
  return (
    TABLE_DELIMITER.test(delimiter) && TABLE_ROW.test(header) && cellCount(header) === cellCount(delimiter)
  );
}

/**
 * The HTML of a GFM table (its header, delimiter and body rows, each "|" at both ends) whose cells inlineHtml
 * reads, as the stack writes it: a body row's missing cells empty, its cells past the header's dropped.
 * Undefined for anything else. A cell's "|" ends it, even in `code` (GFM's rule; "\|" is the stack's).
 */
function tableHtml(rows: readonly string[]): string | undefined {
  if (!isTableHeader(rows, 0) || !rows.every((row) => TABLE_ROW.test(row))) return undefined;
  const aligns = cellsOf(rows[1] as string).map((d) => {
    const side = d.startsWith(":") ? (d.endsWith(":") ? "center" : "left") : d.endsWith(":") ? "right" : "";
    return side === "" ? "" : ` align="${side}"`;
  });
  const html: string[] = [];
  for (const [r, row] of rows.entries()) {
    if (r === 1) continue;
    const tag = r === 0 ? "th" : "td";
    const cells = cellsOf(row);
    const out: string[] = [];
    for (const [c, align] of aligns.entries()) {
      const cell = cells[c] ?? "";
      const cellHtml = trimmedLine(cell) ? inlineHtml(cell) : cell === "" ? "" : undefined;
      if (cellHtml === undefined) return undefined;
      out.push(`<${tag}${align}>${cellHtml}</${tag}>`);
    }
    if (r === 2) html.push("<tbody>");
    html.push(`<tr>\n${out.join("\n")}\n</tr>`);
    if (r === 0) html.push("</thead>");
  }
  return `<table>\n<thead>\n${html.join("\n")}\n${rows.length > 2 ? "</tbody>\n" : ""}</table>`;
}

/**
 * A table in a list item whose text starts at column `content`: from `lines[at]` its header, every row
 * indented as the header is, 0-3 columns past `content` (more, and it would be text of the item); with the
 * index of the line after it.
 */
function itemTable(
  lines: readonly string[],
  at: number,
  content: number,
): { html: string; end: number } | undefined {
  const indent = /^ */.exec(lines[at] as string)?.[0] ?? "";
  if (indent.length < content || indent.length > content + 3) return undefined;
  let end = at;
  while (end < lines.length && (lines[end] as string).startsWith(`${indent}|`)) end++;
  const html = tableHtml(lines.slice(at, end).map((line) => line.slice(indent.length)));
  return html === undefined ? undefined : { html, end };
}

/** A list line whose item starts with a letter or a CJK character: nothing nested starts there. */
const PLAIN_FIRST_ITEM = /^([-*]|1[.)]) \p{L}/u;

/**
 * Whether `line` (of a paragraph, past its first) starts a list that ends the paragraph: a bullet, or the
 * number 1, at the margin.
 */
function interruptsParagraph(line: string): boolean {
  const [, spaces, marker = ""] = LIST_LINE.exec(line) ?? [];
  return spaces === "" && (marker.length === 1 || listMarker(marker).start === 1);
}

/**
 * HTML for a block of paragraphs and tight lists whose text inlineHtml reads; undefined when it is
 * anything else. With `rest`, the text from the first block the fast path cannot read to its end may go to
 * `rest` (the full stack), when what comes before it ends with a paragraph: a list that starts a block right
 * under a paragraph (a table in it, as real 摘要 have), or a block after a blank line. Markdown reads such a
 * rest as it reads it alone: a blank line or a list ends a paragraph, and nothing the fast path writes (no
 * fence, HTML block or definition) reaches past it. The stack then reads a table and its list, not the long
 * paragraph above them. `rest` gives undefined to send the whole text to the stack.
 */
function fastHtml(text: string, rest?: (tail: string) => string | undefined): string | undefined {
  // Past MAX_FORMULAS, a text's formulas show as their TeX: each takes two "$" at least.
  if (text.split("$", MAX_FORMULAS * 2 + 2).length > MAX_FORMULAS * 2 + 1) return undefined;
  const blocks = text.split("\n\n");
  const html: string[] = [];
  // The kind of list (ListLevel) the block before ended with, if it did.
  let previousKind: string | undefined;
  // The HTML of the text from block b's line `line` on, through `rest`, after what the fast path wrote.
  const withRest = (b: number, line = 0): string | undefined => {
    const tail = [(blocks[b] as string).split("\n").slice(line).join("\n"), ...blocks.slice(b + 1)].join(
      "\n\n",
    );
    const tailHtml = html.length > 0 ? rest?.(tail) : undefined;
    return tailHtml === undefined ? undefined : [...html, ...(tailHtml === "" ? [] : [tailHtml])].join("\n");
  };
  for (const [b, block] of blocks.entries()) {
    if (block === "") return undefined; // three newlines or more: leave the details to the stack
    const lines = block.split("\n");
    // A list may start on any line of a paragraph, which it ends ("摘要…\n* 下載的數據集…"), a numbered one
    // only at 1 ("…交互：\n1) 不僅發送…").
    const listAt = LIST_LINE.exec(lines[0] ?? "")?.[1] === "" ? 0 : lines.findIndex(interruptsParagraph);
    // A table at the margin ends the paragraph above it, and the block (a list or any line but a row after
    // it is the stack's).
    const tableAt = block.includes("|") ? lines.findIndex((_, i) => isTableHeader(lines, i)) : -1;
    const table =
      tableAt >= 0 && (listAt < 0 || listAt > tableAt) ? tableHtml(lines.slice(tableAt)) : undefined;
    // The paragraph before a table or a list, or the whole block.
    const textEnd = table !== undefined ? tableAt : listAt < 0 ? lines.length : listAt;
    if (textEnd > 0) {
      const paragraph = paragraphHtml(lines.slice(0, textEnd));
      if (paragraph === undefined) return previousKind === undefined ? withRest(b) : undefined;
      html.push(paragraph);
      previousKind = undefined;
    }
    if (table !== undefined) {
      html.push(table);
      // Not a paragraph: what follows goes to the stack with the whole text, not alone.
      previousKind = "|";
      continue;
    }
    if (listAt < 0) continue;
    const list = listHtml(lines.slice(listAt));
    // A blank line between items of one list makes it loose; a list of another kind is a list of its own.
    if (list === undefined)
      // A list right under a paragraph goes alone only if its first item starts with plain text: the items
      // nested there are read as the paragraph's interruption (after "模型\n", "* -" holds the text "-").
      return previousKind === undefined && (listAt === 0 || PLAIN_FIRST_ITEM.test(lines[listAt] as string))
        ? withRest(b, listAt)
        : undefined;
    if (list.kind === previousKind) return undefined;
    html.push(list.html);
    previousKind = list.kind;
  }
  return html.join("\n");
}

/**
 * A paragraph's HTML, when no line starts a block (BLOCK_START) or has space at either end, and inlineHtml
 * reads its text.
 */
function paragraphHtml(lines: readonly string[]): string | undefined {
  const readable = lines.every((line) => !BLOCK_START.test(line) && trimmedLine(line));
  const paragraph = readable ? inlineHtml(lines.join("\n")) : undefined;
  return paragraph === undefined ? undefined : `<p>${paragraph}</p>`;
}

/**
 * Whether `markdown` is rendered without the full stack (its constructs are all the fast path's): what a
 * benchmark reports of its texts, since the stack costs about 1 ms a text.
 */
export function rendersOnFastPath(markdown: string): boolean {
  const safe = sanitizeMarkdown(markdown);
  return safe === "" || fastHtml(safe) !== undefined;
}

/**
 * Record Markdown as safe HTML (empty for an empty field). Pure and deterministic. With `links`, what it
 * writes relative to the repository leads to the repository's files (the fast path writes absolute links only).
 */
export function markdownToHtml(markdown: string | undefined, links?: RepositoryLinks): string {
  if (markdown === undefined) return "";
  const safe = sanitizeMarkdown(markdown);
  if (safe === "") return "";
  return fastHtml(safe, (tail) => stackHtml(tail, links)) ?? safeStackHtml(safe, links);
}

const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** A formula as KaTeX writes it in MathML, its TeX source last (no tag inside it: `<` is written `&#x3C;`). */
const MATHML_WITH_TEX =
  /<math\b[^>]*>(?:[^<]|<(?!annotation\b))*<annotation encoding="application\/x-tex">([^<]*)<\/annotation><\/semantics><\/math>/g;

/** The start or end tag of an element that sits inside a line of text (phrasing content without a box). */
const INLINE_TAG =
  /^<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)[\s/>]/i;

/**
 * The text a reader sees of HTML made here (markdownToHtml), on one line: a page's description, which search
 * engines and link previews show. The 摘要's Markdown itself (`**…**`, `[Github](https://…)`) read as noise
 * there. Tags go, the character references the renderers write are decoded, whitespace runs become one space.
 */
export function htmlToPlainText(html: string): string {
  return (
    html
      // A formula (KaTeX's MathML) as its TeX, which it carries: its tags gone, "10^5" read "105".
      .replace(MATHML_WITH_TEX, " $1 ")
      // A tag ends at a `>` outside its quoted attributes: the serialiser leaves `>` as it is inside them
      // (a link's title `"><script>…` put "alert(7)" in a page's description). An inline element's tags go
      // without a trace ("[GitHub](…)." read "GitHub ."); any other tag parts words, as its box does.
      .replace(/<(?:[^<>"']|"[^"]*"|'[^']*')*>/g, (tag) => (INLINE_TAG.test(tag) ? "" : " "))
      .replace(
        /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi,
        (whole, hex?: string, dec?: string, name?: string) => {
          if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
          const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        },
      )
      .replace(/\s+/g, " ")
      .trim()
  );
}
