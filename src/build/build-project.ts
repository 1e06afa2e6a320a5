/**
 * `buildProject`: the use case behind `papershelf build` and the Action's build and intake. Runs every
 * generator for these records and says which files are stale; writing, committing and printing stay with the
 * edges (the CLI writes the workspace, the Action commits through the API).
 */
import type { ProjectConfig } from "../config/index.js";
import type { Diagnostic, PapersFile } from "../records/index.js";
import { GENERATORS, runGenerators, type Generator } from "./generators.js";

export interface BuildInput {
  /** The project config, paths resolved. */
  config: ProjectConfig;
  /** Valid records. */
  data: PapersFile;
  /** Reads a UTF-8 file by the path a generator names; undefined when it does not exist. */
  readText(path: string): Promise<string | undefined>;
  /** How a path is shown in messages. */
  displayPath(path: string): string;
  /** The registry (tests register their own). */
  generators?: readonly Generator[];
}

export interface BuiltFile {
  /** The path the generator names (resolve it as `readText` does). */
  path: string;
  describe: string;
  /** The file's text now (undefined: missing). */
  current: string | undefined;
  /** The generated text (joined from `parts` the first time it is read, when there are parts). */
  readonly text: string;
  /** The generated text as parts, when the generator made it so: writers stream them (writeTextAtomic). */
  parts?: readonly string[];
  /** `text` differs from `current`. */
  stale: boolean;
}

/** Every generated file, or every generator's errors (a broken template, missing zone markers…). */
export type BuildResult =
  { ok: true; files: BuiltFile[]; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

export async function buildProject(input: BuildInput): Promise<BuildResult> {
  const generated = await runGenerators(input, input.generators ?? GENERATORS);
  const errors = generated.flatMap((f) => (f.result.ok ? [] : f.result.errors));
  if (errors.length > 0) return { ok: false, errors };
  const files: BuiltFile[] = [];
  const warnings: Diagnostic[] = [];
  for (const f of generated) {
    const result = f.result;
    if (!result.ok) continue;
    files.push({
      path: f.path,
      describe: f.describe,
      current: f.current,
      get text() {
        return result.text;
      },
      ...(result.parts ? { parts: result.parts } : {}),
      stale: f.stale,
    });
    warnings.push(...result.warnings);
  }
  return { ok: true, files, warnings };
}
