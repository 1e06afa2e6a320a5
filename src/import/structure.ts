/**
 * The block structure of a HackMD / awesome-style list, read from classified lines: the list intro, the
 * category tree, the entries with their body and summary lines, and the loose text between them. Nothing is
 * interpreted here (no links, no dates); every line ends up in exactly one place, so the next stage can say
 * where each piece went.
 */
import { joinBlocks, toBlock, type SourceLine, type TextBlock } from "./lines.js";

export interface HeadingLevels {
  category: number;
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

/** One `#` heading alone at the top is the list's title; the levels below it shift down by one. */
export function detectLevels(lines: readonly SourceLine[]): { levels: HeadingLevels; title?: SourceLine } {
  const headings = lines.filter((l) => l.kind === "heading");
  const top = headings.filter((l) => l.level === 1);
  const linkedAtFour = headings.some((l) => l.level === 4 && (l.heading ?? "").startsWith("["));
  if (top.length === 1 && headings[0] === top[0] && linkedAtFour)
    return { levels: { category: 2, subcategory: 3, entry: 4 }, title: top[0] };
  return { levels: { category: 1, subcategory: 2, entry: 3 } };
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
