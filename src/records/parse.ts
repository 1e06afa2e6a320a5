/**
 * Records: `parseRecords(text)` is pure (tests call it with strings); `readRecords(path)` only reads bytes.
 */
import { invalidUtf8Diagnostic, readUtf8Strict } from "./files.js";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { PapersFile } from "./schema.js";
import { RecordSource, type EntryListener } from "./source.js";
import { validateReferences, validateSchema } from "./validate.js";

export type ParseResult =
  | { ok: true; data: PapersFile; source: RecordSource; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; source: RecordSource; partial?: PartialList };

/**
 * A list that loaded as YAML but failed the schema: its data as far as it goes, so lint can still run
 * every rule on the records whose shape is right (`lintList` uses it; see lint/engine.ts).
 */
export interface PartialList {
  data: unknown;
  /** Data paths of the schema errors, so a caller can tell which records are broken. */
  errorPaths: (string | number)[][];
  /** YAML warnings, reported with the errors. */
  warnings: Diagnostic[];
}

/** What a caller of `parseRecords` may ask for beside the result. */
export interface ParseOptions {
  /** Told of each record as it is read, before any is checked (EntryListener says what it may do). */
  onEntry?: EntryListener;
}

/** Parses and validates the text of a papers file. Never throws on bad input. */
export function parseRecords(
  text: string,
  file = "data/papers.yaml",
  options: ParseOptions = {},
): ParseResult {
  const source = new RecordSource(file, text, options.onEntry);
  // The data without the node tree when the file reads cleanly: positions are built only if a
  // diagnostic below asks for one.
  const loaded = source.document;
  if (!loaded.ok) {
    const { kind, message, start, end } = loaded.problem;
    const ruleId = kind === "duplicate-key" ? "duplicate-key" : "yaml-syntax";
    return {
      ok: false,
      errors: [{ ruleId, severity: "error", message, file, ...source.rangeToPosition(start, end) }],
      source,
    };
  }
  const warnings: Diagnostic[] = loaded.warnings.map((w) => ({
    ruleId: "yaml-syntax",
    severity: "warning",
    message: w.message,
    file,
    ...source.rangeToPosition(w.start, w.end),
  }));
  const { data } = loaded;
  const schema = validateSchema(data, source);
  const errors = schema.map((e) => e.diagnostic);
  const shaped = data as Partial<PapersFile> | null;
  if (shaped && Array.isArray(shaped.categories) && Array.isArray(shaped.entries)) {
    errors.push(...validateReferences(shaped as PapersFile, source));
  }
  if (errors.length > 0)
    return {
      ok: false,
      errors: sortDiagnostics(errors),
      source,
      partial: { data, errorPaths: schema.map((e) => e.path), warnings },
    };
  return { ok: true, data: data as PapersFile, source, warnings };
}

/** Reads a papers file from disk. A missing file is an error result, not an exception. */
export async function readRecords(
  path: string,
  displayName = path,
  options: ParseOptions = {},
): Promise<ParseResult> {
  let text: string;
  try {
    const read = await readUtf8Strict(path);
    if (!read.ok)
      return {
        ok: false,
        source: new RecordSource(displayName, ""),
        errors: [invalidUtf8Diagnostic(displayName, read.invalid)],
      };
    text = read.text;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "it is a folder; give the records file (data/papers.yaml)"
          : String(cause);
    const source = new RecordSource(displayName, "");
    return {
      ok: false,
      source,
      errors: [
        {
          ruleId: "io",
          severity: "error",
          message: `cannot read ${path}: ${reason}`,
          file: displayName,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  return parseRecords(text, displayName, options);
}
