/**
 * Stable kebab-case ids for imported records: from the title before its subtitle for entries, from
 * owner-name for datasets, from the ASCII part of a category's title. Collisions are resolved in
 * document order, so importing the same file twice gives the same ids.
 */

/** Longer ids are cut at a word boundary; the schema allows 80 characters, diffs read better with fewer. */
export const MAX_ID_LENGTH = 60;

/** ASCII kebab-case: accents dropped, apostrophes removed ("Let's" → "lets"), other non-alphanumerics → "-". */
export function slugifyAscii(text: string, maxLength = MAX_ID_LENGTH): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|(?<!-)-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/(?<!-)-+$/, "");
}

/** The title's main part: before the first ": " or " -- " (the subtitle). */
export function mainTitle(title: string): string {
  const match = /^(.+?)(?::\s|：|\s--?\s|\s—\s)/.exec(title);
  return (match?.[1] ?? title).trim();
}

/** The id an entry would like: "owner-name" for Hugging Face items, else its main title slugged. */
export function entryIdBase(title: string, url: string): string {
  const hf = /^https?:\/\/huggingface\.co\/(?:datasets\/|spaces\/)?([^/?#]+)\/([^/?#]+)/.exec(url);
  if (hf?.[1] && hf[2]) return slugifyAscii(`${hf[1]} ${hf[2]}`);
  const fromTitle = slugifyAscii(mainTitle(title));
  if (fromTitle) return fromTitle;
  // A title with no ASCII letters (Chinese only): the URL's last path segment, if it has any.
  const segment =
    (url.split(/[?#]/)[0] ?? "")
      .replace(/(?<!\/)\/+$/, "")
      .split("/")
      .pop() ?? "";
  return slugifyAscii(segment.replace(/\.[a-z]+$/i, ""));
}

/** Hands out unique ids in call order: the first taker keeps the base, later ones get a suffix. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  /** `base`, else each of `alternatives` in turn, else base-2, base-3… ; `fallback` when base is empty. */
  take(base: string, fallback: string, alternatives: readonly string[] = []): string {
    const start = base || fallback;
    for (const candidate of [start, ...alternatives.filter(Boolean)]) {
      if (!this.taken.has(candidate) && candidate.length <= 80) {
        this.taken.add(candidate);
        return candidate;
      }
    }
    for (let n = 2; ; n++) {
      const candidate = `${start}-${n}`;
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
  }
}
