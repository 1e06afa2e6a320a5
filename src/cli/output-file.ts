/**
 * Where a command may write what a person points it at (`check --output`, `report merge --output`): not over
 * the project's own inputs. `check --output data/papers.yaml` once replaced the records with the report and
 * exited 0. A folder is refused with a message (it was an internal error), and missing folders are made, as
 * `import --out` makes them. Checked before the work, so a refused run costs nothing.
 */
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_CONFIG_FILE, type ProjectConfig } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { isWithin, resolveThroughLinks, writeTextAtomic, type KeptPath } from "../records/index.js";

/** The project's inputs, by config: the records, README, templates, issue form and the config file itself. */
export function projectInputs(config: ProjectConfig, cwd: string, configFlag?: string): KeptPath[] {
  return [
    { path: config.data, role: "the records file" },
    { path: config.readme, role: "the README" },
    { path: config.templates, role: "the templates folder" },
    { path: config.issueForm, role: "the issue form" },
    { path: path.resolve(cwd, configFlag ?? DEFAULT_CONFIG_FILE), role: "the config file" },
  ];
}

/**
 * Where `file` (as the person gave it, relative to `cwd`) will be written, checked before any work is done:
 * refused with a ConfigError (exit 2, nothing written) when it is one of `keep` or lies inside one, or is a
 * folder. Missing folders on its way are made.
 */
export async function outputFileFor(
  file: string,
  cwd: string,
  keep: readonly KeptPath[],
  example: string,
): Promise<OutputFile> {
  const target = path.resolve(cwd, file);
  const real = await resolveThroughLinks(target);
  for (const kept of keep) {
    const keptReal = await resolveThroughLinks(kept.path);
    if (isWithin(real, keptReal))
      throw new ConfigError(
        `refusing to write to ${file}: it ${real === keptReal ? "is" : "is inside"} ${kept.role}. Give --output a file of its own, e.g. ${example}`,
      );
  }
  const existing = await stat(real).catch(() => undefined);
  if (existing?.isDirectory())
    throw new ConfigError(
      `cannot write to ${file}: it is a folder. Give --output a file name, e.g. ${example}`,
    );
  await mkdir(path.dirname(real), { recursive: true });
  return { write: (text) => writeTextAtomic(real, text) };
}

export interface OutputFile {
  /** Writes the text atomically (a reader never sees half of it). */
  write(text: string): Promise<void>;
}
