/**
 * The project config, `.papershelf.yml` at the repository root (optional: every key has a default).
 * This module knows the top-level keys and the paths; each stage (lint, check, intake) validates its own
 * section with `sectionOf`, so a stage's options live next to the code that uses them.
 */
import { readFile } from "node:fs/promises";
import {
  DEFAULT_LABEL_LANGUAGES,
  type Diagnostic,
  LABEL_LANGUAGES,
  type LabelLanguage,
  RecordSource,
} from "../records/index.js";

export const DEFAULT_CONFIG_FILE = ".papershelf.yml";

export interface ProjectConfig {
  /** The records file. */
  data: string;
  /** The README whose zones `build` rewrites. */
  readme: string;
  /** Folder with the user-editable README templates. */
  templates: string;
  /** The submission issue form whose category list `build` regenerates. */
  issueForm: string;
  /** The languages of the labels `build` generates in the form, in order ("標題 / Title" for zh-TW, en). */
  languages: readonly LabelLanguage[];
  /** Raw stage sections, validated by their stages. */
  sections: Record<"lint" | "check" | "intake" | "site", unknown>;
  /** Where the config came from, for positions in stage errors (undefined: defaults only). */
  source?: RecordSource;
}

const PATH_KEYS = ["data", "readme", "templates", "issueForm"] as const;
const SECTION_KEYS = ["lint", "check", "intake", "site"] as const;
const KNOWN_KEYS: readonly string[] = [...PATH_KEYS, "languages", ...SECTION_KEYS];

export const DEFAULT_CONFIG: Omit<ProjectConfig, "sections" | "source"> = {
  data: "data/papers.yaml",
  readme: "README.md",
  templates: "templates",
  issueForm: ".github/ISSUE_TEMPLATE/submit-paper.yml",
  languages: DEFAULT_LABEL_LANGUAGES,
};

/** `languages: [en]` or `[zh-TW, en]`: known languages, at least one, none twice; else what is wrong. */
function readLanguages(value: unknown): LabelLanguage[] | string {
  const known: readonly string[] = LABEL_LANGUAGES;
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0)
    return `"languages" should be a list of ${LABEL_LANGUAGES.join(", ")}, found ${JSON.stringify(value ?? null)}`;
  const out: LabelLanguage[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== "string" || !known.includes(item))
      return `unknown language ${JSON.stringify(item)} in "languages"; papershelf has words for ${LABEL_LANGUAGES.join(", ")}`;
    if (out.includes(item as LabelLanguage)) return `"languages" names ${item} twice`;
    out.push(item as LabelLanguage);
  }
  return out;
}

export type ConfigResult = { ok: true; config: ProjectConfig } | { ok: false; errors: Diagnostic[] };

/** Pure: parses config text. Unknown keys and wrong types are errors with file:line:column. */
export function parseConfig(text: string, file = DEFAULT_CONFIG_FILE): ConfigResult {
  const source = new RecordSource(file, text);
  const error = (message: string, pos = { line: 1, column: 1 }): Diagnostic => ({
    ruleId: "config",
    severity: "error",
    message,
    file,
    ...pos,
  });
  const loaded = source.toData();
  if (!loaded.ok) return { ok: false, errors: [error(loaded.message, loaded.position)] };
  const root = source.root;
  const isEmpty = root === undefined || (root.kind === "scalar" && root.value === null);
  if (!isEmpty && root.kind !== "map")
    return { ok: false, errors: [error("the config must be a mapping of keys to values")] };
  const values = (loaded.data ?? {}) as Record<string, unknown>;
  const errors: Diagnostic[] = [];
  const config: ProjectConfig = {
    ...DEFAULT_CONFIG,
    sections: { lint: undefined, check: undefined, intake: undefined, site: undefined },
    source,
  };
  for (const pair of root?.kind === "map" ? root.pairs : []) {
    const key = pair.key.kind === "scalar" ? String(pair.key.value) : "";
    const pos = source.keyPosition([], key) ?? { line: 1, column: 1 };
    if (!KNOWN_KEYS.includes(key)) {
      errors.push(error(`unknown key "${key}"; expected one of: ${KNOWN_KEYS.join(", ")}`, pos));
      continue;
    }
    const plain = values[key];
    if (key === "languages") {
      const languages = readLanguages(plain);
      if (typeof languages === "string") errors.push(error(languages, source.position([key])));
      else config.languages = languages;
    } else if ((PATH_KEYS as readonly string[]).includes(key)) {
      if (typeof plain !== "string" || plain === "") {
        errors.push(
          error(
            `"${key}" should be a path (text), found ${JSON.stringify(plain ?? null)}`,
            source.position([key]),
          ),
        );
      } else {
        config[key as (typeof PATH_KEYS)[number]] = plain;
      }
    } else {
      config.sections[key as (typeof SECTION_KEYS)[number]] = values[key];
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

/**
 * Reads the config. An explicitly named file must exist; the default file is optional.
 */
export async function readConfig(path: string | undefined): Promise<ConfigResult> {
  const file = path ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    if (path === undefined && (cause as NodeJS.ErrnoException).code === "ENOENT")
      return parseConfig("", file);
    return {
      ok: false,
      errors: [
        {
          ruleId: "config",
          severity: "error",
          message: `cannot read config ${file}: ${(cause as Error).message}`,
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  return parseConfig(text, file);
}

/** A stage's section with the helper to place its errors: `sectionOf(config, "lint").position(["rules", "x"])`. */
export function sectionOf(config: ProjectConfig, name: keyof ProjectConfig["sections"]) {
  const value = config.sections[name];
  const file = config.source?.file ?? DEFAULT_CONFIG_FILE;
  return {
    value,
    file,
    position: (path: readonly (string | number)[]) =>
      config.source
        ? config.source.position([name, ...path])
        : { line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}
