/**
 * Schema validation (ajv against the one schema) and the cross-record checks a schema cannot express:
 * duplicate ids and entries that name an unknown category. Every error carries file:line:column.
 */
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "./diagnostics.js";
import { buildJsonSchema, type Category, type PapersFile } from "./schema.js";
import { prepareSchemaValidator } from "./schema-validator.js";
import { PATTERN_EXPECTED } from "./anatomy/parts.js";
import { parseJsonPointer, type PathSegment, type RecordSource } from "./source.js";
import { shorten } from "./whitespace.js";

/** Precompiled in lib/, compiled once per process elsewhere (schema-validator.ts). */
const schemaValidator = await prepareSchemaValidator(buildJsonSchema);

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `"${shorten(value, 60)}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Human name of a path: `entry "shikra" › date`, `category "llm"`. */
export function describePath(data: unknown, path: readonly PathSegment[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const node = valueAt(data, path.slice(0, i + 1));
    const id = node && typeof node === "object" && "id" in node ? (node as { id: unknown }).id : undefined;
    if (typeof segment === "number") {
      const parent = path[i - 1];
      const noun =
        parent === "entries"
          ? "entry"
          : parent === "categories" || parent === "children"
            ? "category"
            : "item";
      parts.push(typeof id === "string" ? `${noun} "${id}"` : `${noun} #${segment + 1}`);
      if (parent === "entries" || parent === "categories" || parent === "children") {
        // Drop the container name: `entry "x"` reads better than `entries › entry "x"`.
        if (parts.length >= 2 && parts[parts.length - 2] === parent) parts.splice(parts.length - 2, 1);
      }
    } else {
      parts.push(segment ?? "");
    }
  }
  return parts.length ? parts.join(" › ") : "the file";
}

function explain(error: ErrorObject, data: unknown): { message: string; path: PathSegment[]; key?: string } {
  const path = parseJsonPointer(error.instancePath);
  const where = describePath(data, path);
  const found = describeValue(valueAt(data, path));
  // ajv's schemaPath is relative to a $ref's target ("#/additionalProperties" for a category), so it
  // cannot be looked up in the root schema; `verbose` gives the schema object itself.
  const rule = error.parentSchema as Record<string, unknown> | undefined;
  const expected = typeof rule?.description === "string" ? ` (${rule.description})` : "";
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((rule?.properties as Record<string, unknown> | undefined) ?? {});
      return {
        path,
        key,
        message: `unknown field "${key}" in ${where}; expected one of: ${allowed.join(", ")}`,
      };
    }
    case "required":
      return { path, message: `${where} is missing the required field "${String(p.missingProperty)}"` };
    case "type":
      if (path.length === 0 && valueAt(data, path) == null)
        return { path, message: "the file is empty; a records file holds `categories:` and `entries:`" };
      return {
        path,
        message: `${where} should be ${withArticle(String(p.type))}, found ${found}${typeHint(p.type, valueAt(data, path))}`,
      };
    case "pattern":
      return {
        path,
        message: `${where} is ${found}; expected ${PATTERN_EXPECTED[String(p.pattern)] ?? rule?.description ?? `text matching ${String(p.pattern)}`}`,
      };
    case "enum":
      return {
        path,
        message: `${where} is ${found}; expected one of: ${(p.allowedValues as unknown[]).join(", ")}`,
      };
    case "minLength":
      return { path, message: `${where} is empty; expected text` };
    case "minItems":
      return { path, message: `${where} is empty; expected at least ${String(p.limit)} item(s)` };
    case "uniqueItems":
      return {
        path,
        message: `${where} lists the same value twice (items ${String(p.j)} and ${String(p.i)})`,
      };
    case "anyOf":
      return { path, message: `${where} is ${found}, which is not valid${expected}` };
    default:
      return { path, message: `${where}: ${error.message ?? "invalid"}${expected}` };
  }
}

/** anyOf reports one error per branch plus itself; keep only the anyOf one, which has the description. */
function dropBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === "anyOf" || !anyOfPaths.has(e.instancePath));
}

/** A schema error with the data path it is about (lint uses the paths to tell broken records from sound ones). */
export interface SchemaError {
  diagnostic: Diagnostic;
  path: PathSegment[];
}

export function validateSchema(data: unknown, source: RecordSource): SchemaError[] {
  const validate = schemaValidator();
  if (validate(data)) return [];
  return dropBranchNoise(validate.errors ?? []).map((error) => {
    const { message, path, key } = explain(error, data);
    const pos = (key !== undefined ? source.keyPosition(path, key) : undefined) ?? source.position(path);
    const diagnostic: Diagnostic = {
      ruleId: "schema",
      severity: "error",
      message,
      file: source.file,
      ...pos,
    };
    return { diagnostic, path: key === undefined ? path : [...path, key] };
  });
}

/** Flattens the category tree in display order, with each category's depth (0 = top) and parent. */
export interface FlatCategory {
  category: Category;
  depth: number;
  parentId?: string;
  path: PathSegment[];
}

export function flattenCategories(categories: readonly Category[]): FlatCategory[] {
  const out: FlatCategory[] = [];
  const walk = (list: readonly Category[], depth: number, parentPath: PathSegment[], parentId?: string) => {
    list.forEach((category, i) => {
      if (!isRecordLike(category)) return;
      const path = [...parentPath, i];
      out.push({ category, depth, path, ...(parentId === undefined ? {} : { parentId }) });
      if (Array.isArray(category.children))
        walk(category.children, depth + 1, [...path, "children"], category.id);
    });
  };
  walk(categories, 0, ["categories"]);
  return out;
}

/** Duplicate ids and unknown categories: things that only make sense across records. */
export function validateReferences(data: PapersFile, source: RecordSource): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (path: PathSegment[], message: string, ruleId: string, entryId?: string) =>
    diagnostics.push({
      ruleId,
      severity: "error",
      message,
      file: source.file,
      ...source.position(path),
      ...(entryId === undefined ? {} : { entryId }),
    });

  // Each id maps to the data path of its first use; its line is looked up only for a duplicate's message
  // (a position per record cost a tree walk and two searches on every one of 10,000 clean records).
  const lineOf = (path: PathSegment[]) => source.position(path).line;
  const categoryIds = new Map<string, PathSegment[]>();
  for (const { category, path } of flattenCategories(data.categories)) {
    const first = categoryIds.get(category.id);
    if (first !== undefined) {
      at(
        [...path, "id"],
        `duplicate category id "${category.id}": already used on line ${lineOf(first)}`,
        "duplicate-id",
      );
    } else {
      categoryIds.set(category.id, [...path, "id"]);
    }
  }

  const entryIds = new Map<string, number>();
  data.entries.forEach((entry, i) => {
    if (!isRecordLike(entry)) return;
    const first = entryIds.get(entry.id);
    if (first !== undefined) {
      at(
        ["entries", i, "id"],
        `duplicate entry id "${entry.id}": already used on line ${lineOf(["entries", first, "id"])}`,
        "duplicate-id",
        entry.id,
      );
    } else {
      entryIds.set(entry.id, i);
    }
    if (typeof entry.category === "string" && !categoryIds.has(entry.category)) {
      at(
        ["entries", i, "category"],
        `entry "${entry.id}" names unknown category "${entry.category}"; expected one of: ${[...categoryIds.keys()].join(", ")}`,
        "unknown-category",
        entry.id,
      );
    }
  });
  return diagnostics;
}

/** Cross-record checks also run on a file with schema errors; they skip items too broken to have an id. */
function isRecordLike(value: unknown): value is { id: string } {
  return typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";
}

/** "an object", "a string", "an array": a type as a message says it. */
function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** What to write instead, for the two mistakes people make most. */
function typeHint(expected: unknown, value: unknown): string {
  // A whole number is its own example; a decimal may have lost its trailing zeros on the way (2306.10010
  // reads 2306.1001), so no example: an arXiv id 1706.03762 used to be told 'e.g. "2023"'.
  if (expected === "string" && typeof value === "number")
    return Number.isInteger(value)
      ? ` — quote it, e.g. "${value}"`
      : ' — quote it as you wrote it ("…"): unquoted, YAML reads a number and drops trailing zeros';
  // `repos: [https://github.com/…]` where each item is `{ url: … }`.
  if (expected === "object" && typeof value === "string" && /^https?:\/\//.test(value))
    return ` — write the item as "- url: ${value}"`;
  return "";
}
