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
