/**
 * The arXiv fields the anatomy adds (`authors`, `abstract`), read defensively until the records schema
 * declares them.
 */
import type { Entry } from "../records/index.js";

export function recordAuthors(entry: Entry): string[] {
  const value = (entry as Record<string, unknown>).authors;
  return Array.isArray(value)
    ? value.filter((a): a is string => typeof a === "string" && a.trim() !== "")
    : [];
}

export function recordAbstract(entry: Entry): string {
  const value = (entry as Record<string, unknown>).abstract;
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
}
