/** What the checker is given: each URL once, with every place it appears. */

export interface UrlLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The record it belongs to, when it comes from the records. */
  entryId?: string;
  /** Data path of the scalar holding it ("entries", 3, "repos", 0, "url"), when the whole value is the URL. */
  path?: (string | number)[];
}

export interface CheckTarget {
  url: string;
  locations: UrlLocation[];
}

export interface FoundUrl {
  url: string;
  line: number;
  column: number;
}

/** Check targets collected one location at a time, grouped by URL in order of first appearance. */
export class TargetGroups {
  private readonly byUrl = new Map<string, CheckTarget>();

  add(url: string, location: UrlLocation): void {
    const target = this.byUrl.get(url);
    if (target) target.locations.push(location);
    else this.byUrl.set(url, { url, locations: [location] });
  }

  targets(): CheckTarget[] {
    return [...this.byUrl.values()];
  }
}

/** Groups found URLs by URL, in order of first appearance. */
export function groupTargets(found: Iterable<{ url: string; location: UrlLocation }>): CheckTarget[] {
  const groups = new TargetGroups();
  for (const { url, location } of found) groups.add(url, location);
  return groups.targets();
}

/** Only absolute http(s) URLs are checked; relative links and other schemes are someone else's job. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url);
}

/** Trailing punctuation that ends a sentence rather than a URL: "see https://x.org/a." → "https://x.org/a". */
export function trimUrl(raw: string): string {
  // Most URLs end in a letter, digit or slash: nothing to trim, no regex run and no string made.
  // (Char codes rather than a regex test: this runs for every URL of a 50,000-line urls.txt.)
  const last = raw.charCodeAt(raw.length - 1);
  if ((last >= 0x30 && last <= 0x39) || ((last | 0x20) >= 0x61 && (last | 0x20) <= 0x7a) || last === 0x2f)
    return raw;
  let url = raw.replace(/(?<![.,;:!?'"*_~])[.,;:!?'"*_~]+$/, "");
  // A closing bracket belongs to the URL only when the URL opened it (Wikipedia-style "(disambiguation)").
  for (const [open, close] of [
    ["(", ")"],
    ["[", "]"],
  ] as const) {
    while (url.endsWith(close) && url.split(open).length < url.split(close).length) url = url.slice(0, -1);
  }
  return url.replace(/(?<![.,;:!?'"*_~])[.,;:!?'"*_~]+$/, "");
}
