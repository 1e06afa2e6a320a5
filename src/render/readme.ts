/**
 * The README's generated zones: `intro` (optional: the list's intro), `toc` and `entries`. Pure: takes the
 * current README text, the records and compiled templates; returns the new text or diagnostics.
 */
import {
  type Anatomy,
  type Diagnostic,
  type Entry,
  ENTRY_ANATOMY,
  flattenCategories,
  partsByteLength,
  type PapersFile,
} from "../records/index.js";
import { AnchorSlugger } from "./anchors.js";
import { scanBlocks } from "./block-scan.js";
import { escapeUrl } from "./escape.js";
import { TemplateRenderError, templateRenderDiagnostic, type TemplateSet } from "./templates.js";
import {
  buildEntryView,
  buildIntroView,
  buildSectionView,
  buildSiteView,
  groupTocItems,
  type TocItemView,
  type TocView,
} from "./view-model.js";
import { parseZones, replaceZoneParts, splitAroundZones, type ZoneSpec } from "./zones.js";

export const README_ZONES: ZoneSpec = {
  known: ["site", "intro", "toc", "entries"],
  required: ["toc", "entries"],
};

/** What the README links beyond the records. */
export interface ReadmeLinks {
  /** The published site (`site.url`); the `site` zone stays empty without it. */
  siteUrl?: string;
}

/** GitHub stops rendering a README at 512 KiB; past that the list must be split. */
export const README_RENDER_LIMIT_BYTES = 512 * 1024;

export type ReadmeResult =
  | {
      ok: true;
      /** The new README (joined from `parts` the first time it is read). */
      readonly text: string;
      /** The new README as the parts it is made of, for writers and comparisons that need no joined copy. */
      parts: readonly string[];
      warnings: Diagnostic[];
      /** Each category's heading anchor as GitHub makes it (github-slugger), for links into the README. */
      anchors: ReadonlyMap<string, string>;
    }
  | { ok: false; errors: Diagnostic[] };

/** A rendered piece of a zone; `category` marks a section header, whose first heading the ToC links to. */
interface Piece {
  text: string;
  category?: string;
}

const ATX_LINE = /^(?: {0,3}>)* {0,3}#{1,6}(?:[ \t]|$)/m;
const UNDERLINE_LINE = /^(?: {0,3}>)* {0,3}(?:=+|-+)[ \t]*$/gm;

/**
 * Only a line that could be a heading makes a piece worth scanning: an ATX line, or a setext underline
 * right under a text line (the `---` between entries follows a blank line, so it does not count).
 */
function mayHaveHeading(text: string): boolean {
  if (ATX_LINE.test(text)) return true;
  for (const m of text.matchAll(UNDERLINE_LINE)) {
    const previousEnd = m.index - 1;
    if (previousEnd <= 0) continue;
    const previousStart = text.lastIndexOf("\n", previousEnd - 1) + 1;
    if (text.slice(previousStart, previousEnd).trim() !== "") return true;
  }
  return false;
}

/** A marker-looking line that survived in generated code blocks: a zero-width space keeps it from parsing. */
function defuseMarkers(text: string): string {
  if (!text.includes("papershelf")) return text;
  return text.replace(/^([^\S\r\n\u2028\u2029]*<!--\s*)papershelf/gim, "$1papers\u200Bhelf");
}

// trimEnd() rather than /\s+$/: the regex retries at every whitespace run, which shows on 17 MB of README.
const trimPiece = (text: string): string => text.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
/** A zone's texts, each with marker-like lines defused (replaceZones joins them with a blank line). */
const zoneTexts = (pieces: readonly Piece[]): string[] =>
  pieces.map((p) => defuseMarkers(p.text)).filter((t) => t !== "");

function renderEntries(
  data: PapersFile,
  templates: TemplateSet,
  anatomy: Anatomy,
): { pieces: Piece[]; counts: Map<string, number> } {
  const flat = flattenCategories(data.categories);
  const byCategory = new Map<string, Entry[]>();
  for (const entry of data.entries) {
    const list = byCategory.get(entry.category);
    if (list) list.push(entry);
    else byCategory.set(entry.category, [entry]);
  }
  // Subtree counts: walk the flat (pre-order) list backwards so children are summed before parents.
  const counts = new Map<string, number>();
  for (let i = flat.length - 1; i >= 0; i--) {
    const { category, parentId } = flat[i] as (typeof flat)[number];
    const total = (counts.get(category.id) ?? 0) + (byCategory.get(category.id)?.length ?? 0);
    counts.set(category.id, total);
    if (parentId !== undefined) counts.set(parentId, (counts.get(parentId) ?? 0) + total);
  }
  const pieces: Piece[] = [];
  for (const { category, depth } of flat) {
    const direct = byCategory.get(category.id) ?? [];
    const view = buildSectionView(category, depth, counts.get(category.id) ?? 0, direct.length);
    pieces.push({ text: trimPiece(templates.section.render(view)), category: category.id });
    for (const entry of direct)
      pieces.push({ text: trimPiece(templates.entry.render(buildEntryView(entry, anatomy))) });
  }
  return { pieces, counts };
}

function renderToc(
  data: PapersFile,
  templates: TemplateSet,
  counts: ReadonlyMap<string, number>,
  anchorOf: (id: string) => string,
): Piece[] {
  const items: TocItemView[] = flattenCategories(data.categories).map(({ category, depth }) => {
    const view = buildSectionView(category, depth, 0, 0);
    return {
      id: category.id,
      title: view.title,
      anchor: escapeUrl(anchorOf(category.id)),
      count: counts.get(category.id) ?? 0,
      depth,
      indent: "  ".repeat(depth),
    };
  });
  const view: TocView = {
    items,
    categories: groupTocItems(items),
    hasSubcategories: items.some((item) => item.depth > 0),
    total: data.entries.length,
  };
  return [{ text: trimPiece(templates.toc.render(view)) }];
}

/**
 * Anchors of the category headings: one slugger over the hand-written segments and the zone pieces in
 * document order, exactly the order GitHub numbers repeated headings in.
 */
function assignAnchors(segments: readonly string[], zonePieces: readonly Piece[][]): Map<string, string> {
  const slugger = new AnchorSlugger();
  const anchors = new Map<string, string>();
  const visit = (text: string, category?: string) => {
    if (!mayHaveHeading(text)) return;
    scanBlocks(text).headings.forEach((h, i) => {
      const anchor = slugger.next(h.content);
      if (i === 0 && category !== undefined) anchors.set(category, anchor);
    });
  };
  segments.forEach((segment, i) => {
    visit(segment);
    for (const piece of zonePieces[i] ?? []) visit(piece.text, piece.category);
  });
  return anchors;
}

/**
 * Rewrites the zones of `current` from the records. Markers problems and template errors are diagnostics.
 * `anatomy` is the real record anatomy unless a test brings its own.
 */
export function renderReadme(
  current: string,
  file: string,
  data: PapersFile,
  templates: TemplateSet,
  anatomy: Anatomy = ENTRY_ANATOMY,
  links: ReadmeLinks = {},
): ReadmeResult {
  const parsed = parseZones(current, file, README_ZONES);
  if (!parsed.ok) return parsed;
  const { zones } = parsed;
  try {
    const { pieces: entries, counts } = renderEntries(data, templates, anatomy);
    const intro = [{ text: trimPiece(templates.intro.render(buildIntroView(data, counts.size))) }];
    // First pass with a placeholder: the ToC's own headings (if its template has any) take part in numbering.
    const tocDraft = renderToc(data, templates, counts, () => "anchor");
    // No site URL, no line: the zone stays empty (a list scaffolded by init has the zone and no site yet).
    const site = links.siteUrl
      ? [{ text: trimPiece(templates.site.render(buildSiteView(links.siteUrl, data))) }]
      : [];
    const byZone: Record<string, Piece[]> = { site, intro, entries };
    const piecesOf = (toc: Piece[]) => zones.map((z) => (z.name === "toc" ? toc : (byZone[z.name] ?? [])));
    const anchors = assignAnchors(splitAroundZones(current, zones), piecesOf(tocDraft));
    const toc = renderToc(data, templates, counts, (id) => anchors.get(id) ?? "");
    const contents = new Map(zones.map((z, i) => [z.name, zoneTexts(piecesOf(toc)[i] ?? [])]));
    const parts = replaceZoneParts(current, zones, contents);

    const warnings: Diagnostic[] = [];
    const missing = [...counts.keys()].filter((id) => !anchors.has(id));
    if (missing.length > 0) {
      warnings.push({
        ruleId: "readme-anchor",
        severity: "warning",
        message: `${templates.section.file} renders no heading for ${missing.length} categor${missing.length === 1 ? "y" : "ies"} (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}): their ToC items have no link`,
        file: templates.section.file,
        line: 1,
        column: 1,
      });
    }
    const bytes = partsByteLength(parts);
    if (bytes > README_RENDER_LIMIT_BYTES) {
      warnings.push({
        ruleId: "readme-size",
        severity: "warning",
        message: `${file} is ${Math.round(bytes / 1024)} KiB; GitHub stops rendering a README at 512 KiB, so the end of the list will not show (split the list or shorten entries)`,
        file,
        line: 1,
        column: 1,
      });
    }
    let joined: string | undefined;
    return {
      ok: true,
      get text() {
        return (joined ??= parts.join(""));
      },
      parts,
      warnings,
      anchors,
    };
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    return { ok: false, errors: [templateRenderDiagnostic(error)] };
  }
}
