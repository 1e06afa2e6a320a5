/**
 * Records: `parseRecords(text)` is pure (tests call it with strings); `readRecords(path)` only reads bytes.
 */
import { readFile } from "node:fs/promises";
import { isScalar, visit } from "yaml";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { PapersFile } from "./schema.js";
import { RecordSource } from "./source.js";
import { validateReferences, validateSchema } from "./validate.js";

export type ParseResult =
  | { ok: true; data: PapersFile; source: RecordSource; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; source: RecordSource };

function yamlErrorMessage(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return `YAML syntax error: ${first}`;
}

/** yaml only says "Map keys must be unique": name the key and where it first appeared. */
function duplicateKeyMessage(source: RecordSource, offset: number): string {
  let message = "duplicate key: a mapping may name each key once";
  visit(source.doc, {
    Map(_, map) {
      const pairs = map.items.filter((p) => isScalar(p.key));
      const repeated = pairs.find((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (!repeated || !isScalar(repeated.key)) return undefined;
      const key = String(repeated.key.value);
      const first = pairs.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const line =
        isScalar(first?.key) && first.key.range ? source.positionAt(first.key.range[0]).line : undefined;
      message = `duplicate key "${key}"${line === undefined ? "" : ` (first on line ${line})`}; a mapping may name each key once: keep one`;
      return visit.BREAK;
    },
  });
  return message;
}

/** Parses and validates the text of a papers file. Never throws on bad input. */
export function parseRecords(text: string, file = "data/papers.yaml"): ParseResult {
  const source = new RecordSource(file, text);
  const { doc } = source;
  const yamlProblems = (list: typeof doc.errors, severity: Diagnostic["severity"]): Diagnostic[] =>
    list.map((e) => ({
      ruleId: e.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax",
      severity,
      message:
        e.code === "DUPLICATE_KEY" ? duplicateKeyMessage(source, e.pos[0]) : yamlErrorMessage(e.message),
      file,
      ...source.rangeToPosition(e.pos[0], e.pos[1]),
    }));
  const warnings = yamlProblems(doc.warnings, "warning");
  if (doc.errors.length > 0)
    return { ok: false, errors: sortDiagnostics(yamlProblems(doc.errors, "error")), source };

  const plain = source.toData();
  if (!plain.ok) {
    const { message, position } = plain;
    return {
      ok: false,
      errors: [{ ruleId: "yaml-syntax", severity: "error", message, file, ...position }],
      source,
    };
  }
  const { data } = plain;
  const errors = validateSchema(data, source);
  const shaped = data as Partial<PapersFile> | null;
  if (shaped && Array.isArray(shaped.categories) && Array.isArray(shaped.entries)) {
    errors.push(...validateReferences(shaped as PapersFile, source));
  }
  if (errors.length > 0) return { ok: false, errors: sortDiagnostics(errors), source };
  return { ok: true, data: data as PapersFile, source, warnings };
}

/** Reads a papers file from disk. A missing file is an error result, not an exception. */
export async function readRecords(path: string, displayName = path): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : String(cause);
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
  return parseRecords(text, displayName);
}
