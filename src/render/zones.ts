/**
 * README zones: the generated parts of a hand-written file, between marker lines
 *
 *     <!-- papershelf:begin toc -->
 *     …generated…
 *     <!-- papershelf:end toc -->
 *
 * A marker is a whole line of its own, outside fenced code (so the README can show the syntax in a code
 * block). Only the lines between a pair change; every byte outside stays, including the file's line endings.
 */
import type { Diagnostic } from "../records/index.js";
import { scanBlocks } from "./block-scan.js";

export interface Zone {
  name: string;
  /** 0-based line index of the begin marker. */
  beginLine: number;
  /** 0-based line index of the end marker. */
  endLine: number;
}

export interface ZoneSpec {
  /** Zone names the generator fills, in any order. */
  known: readonly string[];
  /** Names that must be present. */
  required: readonly string[];
}

export type ZonesResult = { ok: true; zones: Zone[] } | { ok: false; errors: Diagnostic[] };

const MARKER = /^<!-- papershelf:(begin|end) ([a-z][a-z0-9-]*) -->[ \t]*$/;
/** Anything that looks like it was meant to be a marker: reported when it does not parse. */
const MARKER_LIKE = /^\s*<!--\s*papershelf\b/i;

/** The two lines that delimit a zone, for messages and for the README itself. */
export function zoneMarkers(name: string): { begin: string; end: string } {
  return { begin: `<!-- papershelf:begin ${name} -->`, end: `<!-- papershelf:end ${name} -->` };
}

/** Finds the zones of a README. Missing, unknown, duplicated, unbalanced or nested markers are errors. */
export function parseZones(text: string, file: string, spec: ZoneSpec): ZonesResult {
  const lines = text.split("\n");
  const { fenced } = scanBlocks(text);
  const errors: Diagnostic[] = [];
  const fail = (line: number, message: string) =>
    errors.push({ ruleId: "readme-zones", severity: "error", message, file, line: line + 1, column: 1 });

  const zones: Zone[] = [];
  const seen = new Map<string, number>();
  let open: { name: string; line: number } | undefined;
  lines.forEach((raw, i) => {
    // A byte-order mark (some Windows editors save one) is not part of the first line's marker; the line itself,
    // mark included, stays as it is.
    const line = (i === 0 ? raw.replace(/^\uFEFF/, "") : raw).replace(/\r$/, "");
    if (fenced[i] || !MARKER_LIKE.test(line)) return;
    const match = MARKER.exec(line);
    if (!match) {
      fail(
        i,
        `malformed papershelf marker ${JSON.stringify(line.trim())}; expected a line of its own such as ` +
          `"${zoneMarkers("toc").begin}" or "${zoneMarkers("toc").end}"`,
      );
      return;
    }
    const [, kind, name = ""] = match;
    if (!spec.known.includes(name)) {
      fail(i, `unknown zone "${name}"; expected one of: ${spec.known.join(", ")}`);
      return;
    }
    const { begin, end } = zoneMarkers(name);
    if (kind === "begin") {
      if (open) {
        fail(
          i,
          `zone "${name}" begins inside zone "${open.name}" (begun on line ${open.line + 1}); zones cannot nest: ` +
            `add "${zoneMarkers(open.name).end}" before line ${i + 1}`,
        );
        return;
      }
      const first = seen.get(name);
      if (first !== undefined) {
        fail(
          i,
          `zone "${name}" appears twice (lines ${first + 1} and ${i + 1}); remove one of the two zones`,
        );
      }
      seen.set(name, i);
      open = { name, line: i };
      return;
    }
    if (!open) {
      fail(
        i,
        `"${end}" has no begin marker above it; add "${begin}" where the zone starts, or remove this line`,
      );
      return;
    }
    if (open.name !== name) {
      fail(
        i,
        `"${end}" does not match the open zone "${open.name}" (begun on line ${open.line + 1}); ` +
          `use "${zoneMarkers(open.name).end}"`,
      );
      return;
    }
    zones.push({ name, beginLine: open.line, endLine: i });
    open = undefined;
  });
  if (open) {
    fail(
      open.line,
      `zone "${open.name}" begins on line ${open.line + 1} but never ends; add "${zoneMarkers(open.name).end}" after it`,
    );
  }
  // A zone hidden by a broken marker is not also reported missing.
  const structural = errors.length;
  for (const name of spec.required) {
    if (structural === 0 && !seen.has(name)) {
      const { begin, end } = zoneMarkers(name);
      fail(0, `${file} has no "${name}" zone; add the two lines "${begin}" and "${end}" where it belongs`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, zones };
}

/** The hand-written text around the zones: `segments[i]` precedes zone i, the last one follows the last zone. */
export function splitAroundZones(text: string, zones: readonly Zone[]): string[] {
  const lines = text.split("\n");
  const segments: string[] = [];
  let from = 0;
  for (const zone of zones) {
    segments.push(lines.slice(from, zone.beginLine + 1).join("\n"));
    from = zone.endLine;
  }
  segments.push(lines.slice(from).join("\n"));
  return segments;
}

/** A zone's new text, or its pieces (the README's entries), joined with a blank line between them. */
export type ZoneContent = string | readonly string[];

/** A zone's pieces with leading newlines and trailing whitespace trimmed off the whole and empties dropped. */
function bodyPieces(content: ZoneContent | undefined): string[] {
  const pieces = (typeof content === "string" ? [content] : [...(content ?? [])]).filter((p) => p !== "");
  if (pieces.length > 0) pieces[0] = (pieces[0] ?? "").replace(/^\n+/, "");
  while (pieces.length > 0) {
    const last = (pieces[pieces.length - 1] ?? "").trimEnd();
    if (last !== "") {
      pieces[pieces.length - 1] = last;
      break;
    }
    pieces.pop();
  }
  return pieces;
}

/**
 * Puts `contents[name]` between each zone's markers, with one blank line on each side (so a marker never
 * joins a paragraph, a list or a table). Content is written with the line ending of the begin marker. A zone
 * given as pieces is joined here, into the one output string: 10,000 entries are 34 MB of UTF-16, and
 * joining them first cost a second copy of that (memory is the slow part of a build on a small machine).
 */
export function replaceZones(
  text: string,
  zones: readonly Zone[],
  contents: ReadonlyMap<string, ZoneContent>,
): string {
  return replaceZoneParts(text, zones, contents).join("");
}

/**
 * `replaceZones` as the parts the new text is made of, in order, never joined: a writer streams them and
 * a comparison walks them (`partsEqual`, records/text-parts.ts), so a 10,000-entry README is not copied into one more string.
 * Parts end at line ends or whole pieces, so no surrogate pair straddles two of them.
 */
export function replaceZoneParts(
  text: string,
  zones: readonly Zone[],
  contents: ReadonlyMap<string, ZoneContent>,
): string[] {
  // Offsets, not line arrays: a 10,000-entry zone has ~200,000 lines (too many to spread into a call).
  const lineStarts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lineStarts.push(at + 1);
  const out: string[] = [];
  let from = 0;
  for (const zone of [...zones].sort((a, b) => a.beginLine - b.beginLine)) {
    const afterBegin = lineStarts[zone.beginLine + 1] ?? text.length;
    const eol = text.slice(afterBegin - 2, afterBegin) === "\r\n" ? "\r\n" : "\n";
    const pieces = bodyPieces(contents.get(zone.name));
    out.push(text.slice(from, afterBegin), eol);
    if (pieces.length > 0) {
      const blank = eol + eol;
      pieces.forEach((piece, i) => {
        if (i > 0) out.push(blank);
        out.push(eol === "\n" ? piece : piece.replace(/\n/g, eol));
      });
      out.push(eol, eol);
    }
    from = lineStarts[zone.endLine] ?? text.length;
  }
  out.push(text.slice(from));
  return out;
}
