import { entryMarkdown, entryShortTexts, listTexts, quote, type FieldRef } from "../walk.js";
import type { Finding, LintRule } from "../types.js";
import { isMeaningfulJoiner } from "../../records/index.js";

/**
 * Characters a reader cannot see or that reorder what they see (Trojan Source, CVE-2021-42574):
 * C0/C1 controls (tab and newline allowed in Markdown), zero-width characters, bidirectional overrides
 * and isolates, and the byte-order mark.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this rule
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** One-line fields also must not hold tabs or line breaks. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/g;

const NAMES: Record<string, string> = {
  "200B": "ZERO WIDTH SPACE",
  "200C": "ZERO WIDTH NON-JOINER",
  "200D": "ZERO WIDTH JOINER",
  "200E": "LEFT-TO-RIGHT MARK",
  "200F": "RIGHT-TO-LEFT MARK",
  "202A": "LEFT-TO-RIGHT EMBEDDING",
  "202B": "RIGHT-TO-LEFT EMBEDDING",
  "202C": "POP DIRECTIONAL FORMATTING",
  "202D": "LEFT-TO-RIGHT OVERRIDE",
  "202E": "RIGHT-TO-LEFT OVERRIDE",
  "2060": "WORD JOINER",
  "2066": "LEFT-TO-RIGHT ISOLATE",
  "2067": "RIGHT-TO-LEFT ISOLATE",
  "2068": "FIRST STRONG ISOLATE",
  "2069": "POP DIRECTIONAL ISOLATE",
  FEFF: "BYTE ORDER MARK",
  "0009": "TAB",
  "000A": "LINE FEED",
  "000D": "CARRIAGE RETURN",
};

function describeChar(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex}${NAMES[hex] ? ` ${NAMES[hex]}` : " (control character)"}`;
}

function checkField(field: FieldRef, oneLine: boolean): Finding[] {
  const findings: Finding[] = [];
  const { value } = field;
  const patterns = oneLine ? [INVISIBLE, LINE_BREAKS] : [INVISIBLE];
  for (const pattern of patterns) {
    // A cheap test first: almost every field is clean, and matchAll allocates an iterator.
    pattern.lastIndex = 0;
    if (!pattern.test(value)) continue;
    pattern.lastIndex = 0;
    for (const m of value.matchAll(pattern)) {
      const at = m.index ?? 0;
      // A joiner inside an emoji or a Persian or Indic word is the text itself.
      if (isMeaningfulJoiner(value, at)) continue;
      findings.push({
        path: field.path,
        range: [at, at + m[0].length],
        message: `${field.name} contains ${describeChar(m[0])} at character ${at + 1}; expected visible text only`,
      });
    }
  }
  if (oneLine && value.trim() !== value && value.trim() !== "") {
    const lead = value.length - value.trimStart().length;
    const trail = value.length - value.trimEnd().length;
    const which = lead && trail ? "leading and trailing" : lead ? "leading" : "trailing";
    findings.push({
      path: field.path,
      message: `${field.name} ${quote(value)} has ${which} space; expected none`,
    });
  }
  return findings;
}

export const textHygiene: LintRule = {
  id: "text-hygiene",
  description:
    "Invisible or direction-changing characters anywhere; leading or trailing space in one-line fields.",
  defaultSetting: "error",
  rationale:
    "Control characters, zero-width characters and bidirectional overrides are invisible in review yet " +
    "change what a reader sees or searches (a zero-width space splits a word; U+202E reverses text). " +
    "Titles, labels, venues, alt texts, tags and category titles are one line without leading or trailing " +
    "space: copied titles often carry a trailing space (the seed's Baize title), which breaks duplicate " +
    "detection and anchors. Tabs and newlines are fine inside Markdown fields.",
  examples: {
    pass: `- id: baize
  title: "Baize: An Open-Source Chat Model with Parameter-Efficient Tuning on Self-Chat Data"
  url: https://arxiv.org/abs/2304.01196
  kind: paper
  category: llm
  date: 2023-04-03`,
    fail: `- id: baize
  title: "Baize: An Open-Source Chat Model with Parameter-Efficient Tuning on Self-Chat Data "
  url: https://arxiv.org/abs/2304.01196
  kind: paper
  category: llm
  date: 2023-04-03`,
  },
  check({ data }) {
    const list = listTexts(data);
    const findings = [
      ...list.short.flatMap((f) => checkField(f, true)),
      ...list.markdown.flatMap((f) => checkField(f, false)),
    ];
    data.entries.forEach((entry, i) => {
      for (const f of [
        { path: ["entries", i, "id"], value: entry.id, name: "id" },
        ...entryShortTexts(entry, i),
      ])
        findings.push(...checkField(f, true));
      for (const f of entryMarkdown(entry, i)) findings.push(...checkField(f, false));
      for (const [rule, reason] of Object.entries(entry["lint-ignore"] ?? {}))
        findings.push(
          ...checkField(
            {
              path: ["entries", i, "lint-ignore", rule],
              value: reason,
              name: `lint-ignore reason for ${rule}`,
            },
            false,
          ),
        );
    });
    return findings;
  },
};
