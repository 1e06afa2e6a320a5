/**
 * Findings of the records stage (`parseRecords`) that lint reports in its own formats. They decide whether
 * a record can be used at all, so they are always errors, cannot be turned off and cannot be silenced. They
 * do not stop the other rules: those still run on every record whose shape allows it (lint/sound-part.ts),
 * except when the file is not YAML or its category tree is broken.
 */
export interface CoreRule {
  id: string;
  description: string;
}

export const CORE_RULES: readonly CoreRule[] = [
  { id: "io", description: "The records file cannot be read (missing, unreadable)." },
  { id: "yaml-syntax", description: "The file is not valid YAML (bad indentation, an unclosed quote)." },
  { id: "duplicate-key", description: "A mapping names the same key twice; YAML would silently keep one." },
  {
    id: "schema",
    description: "A record does not match the schema: a missing or unknown field, a wrong type or pattern.",
  },
  { id: "duplicate-id", description: "Two entries or two categories share an id." },
  {
    id: "unknown-category",
    description: "An entry names a category id that the category tree does not have.",
  },
];

export const CORE_RULE_IDS: readonly string[] = CORE_RULES.map((r) => r.id);
