/**
 * The block structure of a HackMD / awesome-style list, read from classified lines: the list intro, the
 * category tree, the entries with their body and summary lines, and the loose text between them. Nothing is
 * interpreted here (no links, no dates); every line ends up in exactly one place, so the next stage can say
 * where each piece went.
 */
import { joinBlocks, toBlock, type SourceLine, type TextBlock } from "./lines.js";

export interface HeadingLevels {
  category: number;
  /** 0 when there is no subcategory level (entries two levels below nothing). */
  subcategory: number;
  entry: number;
}

export interface RawEntry {
  /** The heading line(s); a title broken over lines spans more than one. */
  heading: SourceLine[];
  /** Lines after the heading, before the summary heading (images, repos, links, extra). */
  body: SourceLine[];
  /** The summary heading line, when there is one. */
  summaryHeading?: SourceLine;
  summary: SourceLine[];
  /** Loose text right before the entry, after a separator: an aside about it. */
  aside?: TextBlock;
}

export interface RawCategory {
  heading: SourceLine;
  depth: 0 | 1;
  /** Loose text before the heading, after a separator. */
  aside?: TextBlock;
  /** Text right under the heading, before any entry, subcategory or separator. */
  intro?: TextBlock;
  children: RawCategory[];
  entries: RawEntry[];
}

export interface ListStructure {
  /** The heading used as the list's title (a single top-level `#` heading), if there is one. */
  title?: SourceLine;
  intro?: TextBlock;
  categories: RawCategory[];
  /** Text that belongs nowhere (before any category, after the last separator, under a bad heading). */
  loose: TextBlock[];
  /** Headings the structure has no place for (a subcategory before any category, an entry before any). */
  strayHeadings: SourceLine[];
}

/**
 * Which heading levels mean what. Linked headings (`### [title](url)`) are entries, one level up are
 * subcategories, two up categories. Without linked headings (entries as list items) the shallowest
 * heading level is the category level. A first heading shallower than the category level, and the only
 * one, is the list's title (`# Awesome Things`).
 */
export function detectLevels(lines: readonly SourceLine[]): { levels: HeadingLevels; title?: SourceLine } {
  const headings = lines.filter((l) => l.kind === "heading");
  const linked = new Map<number, number>();
  for (const l of headings)
    if ((l.heading ?? "").startsWith("[")) linked.set(l.level ?? 0, (linked.get(l.level ?? 0) ?? 0) + 1);
  const first = headings[0];
  const firstIsTitle = (category: number) =>
    first !== undefined &&
    (first.level ?? 0) < category &&
    headings.filter((l) => (l.level ?? 0) < category).length === 1;
  let levels: HeadingLevels;
  if (linked.size > 0) {
    // The most frequent level of linked headings (ties: the shallower) is the entry level.
    const [entry] = [...linked].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [3];
    levels = { category: Math.max(1, entry - 2), subcategory: entry - 1 > 1 ? entry - 1 : 0, entry };
  } else {
    const rest =
      first?.level === 1 && headings.filter((l) => l.level === 1).length === 1 ? headings.slice(1) : headings;
    const min = Math.min(...rest.map((l) => l.level ?? 1), 6);
    levels = { category: min, subcategory: min + 1, entry: min + 2 };
  }
  return firstIsTitle(levels.category) ? { levels, title: first } : { levels };
}

/** Reads the structure. `isSummaryHeading` tells a summary heading (`#### 摘要`) from other headings. */
export function readStructure(
  lines: readonly SourceLine[],
  isSummaryHeading: (text: string) => boolean,
): ListStructure {
  const { levels, title } = detectLevels(lines);
  const out: ListStructure = { categories: [], loose: [], strayHeadings: [], ...(title ? { title } : {}) };
  let mode: "preamble" | "intro" | "body" | "summary" | "loose" | "stray" = "preamble";
  let buffer: SourceLine[] = [];
  let asides: TextBlock[] = [];
  let category: RawCategory | undefined;
  let top: RawCategory | undefined;
  let entry: RawEntry | undefined;

  const flush = () => {
    const block = toBlock(buffer);
    if (mode === "preamble" && block) out.intro = block;
    else if (mode === "intro" && block && category) category.intro = block;
    else if (mode === "body" && entry) entry.body = buffer;
    else if (mode === "summary" && entry) entry.summary = buffer;
    else if (mode === "loose" && block) asides.push(block);
    else if (mode === "stray" && block) out.loose.push(block);
    buffer = [];
  };
  const takeAside = () => {
    const aside = joinBlocks(asides);
    asides = [];
    return aside ? { aside } : {};
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const level = line.kind === "heading" ? (line.level ?? 0) : 0;
    if (line === title) {
      flush();
      mode = "preamble";
    } else if (level > 0 && level < levels.category) {
      flush();
      out.strayHeadings.push(line);
      mode = "stray";
    } else if (level === levels.category || level === levels.subcategory) {
      flush();
      const depth = level === levels.category ? 0 : 1;
      if (depth === 1 && !top) {
        out.strayHeadings.push(line);
        mode = "stray";
        continue;
      }
      category = { heading: line, depth, children: [], entries: [], ...takeAside() };
      if (depth === 0) {
        out.categories.push(category);
        top = category;
      } else top?.children.push(category);
      entry = undefined;
      mode = "intro";
    } else if (level === levels.entry) {
      flush();
      if (!category) {
        out.strayHeadings.push(line);
        mode = "stray";
        continue;
      }
      const heading = [line, ...continuationLines(lines, i)];
      i += heading.length - 1;
      entry = { heading, body: [], summary: [], ...takeAside() };
      category.entries.push(entry);
      mode = "body";
    } else if (mode === "body" && level > levels.entry && isSummaryHeading(line.heading ?? "")) {
      flush();
      if (entry) entry.summaryHeading = line;
      mode = "summary";
    } else if (line.kind === "separator") {
      flush();
      entry = undefined;
      mode = "loose";
    } else {
      buffer.push(line);
    }
  }
  flush();
  out.loose.push(...asides);
  return out;
}

/**
 * Lines that continue an entry heading whose link text was broken over lines (`### [Title part\n](url)`):
 * while the brackets are unbalanced, the next text lines (at most 3) belong to the heading.
 */
function continuationLines(lines: readonly SourceLine[], index: number): SourceLine[] {
  const extra: SourceLine[] = [];
  let text = lines[index]?.heading ?? "";
  for (let k = 1; k <= 3 && bracketDepth(text) > 0; k++) {
    const next = lines[index + k];
    if (!next || next.kind !== "text") return [];
    extra.push(next);
    text += `\n${next.text}`;
  }
  return bracketDepth(text) > 0 ? [] : extra;
}

function bracketDepth(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "[") depth++;
    else if (c === "]" && depth > 0) depth--;
  }
  return depth;
}
