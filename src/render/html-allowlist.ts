/**
 * Raw HTML a record's Markdown may keep. Everything else is shown as text (`<` becomes `&lt;`).
 *
 * Only inline formatting is allowed, because a block-level tag (`</details>`, `<div>`, `<table>`) or a
 * comment (`<!--`, the zone markers) could close or swallow the container the entry is rendered in.
 * Allowed tags must open and close within one paragraph (or one HTML block): an unclosed `<b>` would
 * otherwise run on into the entries after it. `font` is here because HackMD users size formulas with it
 * (the seed's ArcFace entry); `img` and `a` take absolute http(s) URLs and paths in the repository
 * (RELATIVE_PATH).
 */
export interface AllowedTag {
  attributes: readonly string[];
  /** A void element (`<br>`, `<img>`): no closing tag. */
  void?: boolean;
}

export const ALLOWED_TAGS: Readonly<Record<string, AllowedTag>> = {
  a: { attributes: ["href", "title"] },
  b: { attributes: [] },
  br: { attributes: [], void: true },
  code: { attributes: [] },
  del: { attributes: [] },
  em: { attributes: [] },
  font: { attributes: ["size", "color", "face"] },
  i: { attributes: [] },
  img: { attributes: ["src", "width", "height", "alt", "title", "align"], void: true },
  ins: { attributes: [] },
  kbd: { attributes: [] },
  mark: { attributes: [] },
  s: { attributes: [] },
  small: { attributes: [] },
  strong: { attributes: [] },
  sub: { attributes: [] },
  sup: { attributes: [] },
  u: { attributes: [] },
};

const URL_ATTRIBUTES = new Set(["href", "src"]);
/**
 * A path in the repository (`docs/fig.png`, `../a.png`, `/docs/x.md`), which GitHub resolves against the
 * README's folder and the site leads to the repository's files, as it does for Markdown's `![](docs/fig.png)`:
 * letters, digits and `_.~%/-` only, so it holds no scheme (`javascript:`), no character reference
 * (`&#58;`) and no other host (`//x`).
 */
const RELATIVE_PATH = /^(?!\/\/)[\w.~%/-]+$/;

/** A start or end tag at a position, as CommonMark defines one (so no `<` inside attribute values). */
const TAG =
  /<(\/)?([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/)?>/y;
const ATTRIBUTE = /([A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface HtmlToken {
  /** Offset of `<` in the sanitised string. */
  start: number;
  length: number;
  name: string;
  closing: boolean;
  /** Allowed by name and attributes (balance is decided later). */
  allowed: boolean;
  void: boolean;
}

function attributesAllowed(spec: AllowedTag, raw: string): boolean {
  for (const m of raw.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? "").toLowerCase();
    if (!spec.attributes.includes(name)) return false;
    const value = m[2] ?? m[3] ?? m[4] ?? "";
    if (URL_ATTRIBUTES.has(name) && !/^https?:\/\//i.test(value.trim()) && !RELATIVE_PATH.test(value))
      return false;
  }
  return true;
}

/** Every `<` in `html` that starts a tag, with whether the allowlist accepts it. */
export function tokenizeTags(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  for (let at = html.indexOf("<"); at !== -1; at = html.indexOf("<", at + 1)) {
    TAG.lastIndex = at;
    const m = TAG.exec(html);
    if (!m) continue;
    const name = (m[2] ?? "").toLowerCase();
    const spec = ALLOWED_TAGS[name];
    const closing = m[1] === "/";
    const selfClosing = m[4] === "/";
    const allowed =
      spec !== undefined &&
      (closing ? (m[3] ?? "").trim() === "" && !spec.void : attributesAllowed(spec, m[3] ?? "")) &&
      (!selfClosing || spec.void === true);
    tokens.push({ start: at, length: m[0].length, name, closing, allowed, void: spec?.void === true });
  }
  return tokens;
}

/**
 * Decides which allowed tags survive: void tags always; others only as a matched, properly nested pair
 * within `tokens` (one balance group). Returns the set of kept tokens.
 */
export function keepBalancedTags(tokens: readonly HtmlToken[]): Set<HtmlToken> {
  const kept = new Set<HtmlToken>();
  const open: HtmlToken[] = [];
  for (const token of tokens) {
    if (!token.allowed) continue;
    if (token.void) kept.add(token);
    else if (!token.closing) open.push(token);
    else if (open.at(-1)?.name === token.name) {
      kept.add(open.pop() as HtmlToken);
      kept.add(token);
    }
  }
  return kept;
}
