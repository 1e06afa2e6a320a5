/** Flag parsing shared by the commands: node's parseArgs, with its errors turned into UsageErrors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";
import { readConfig, type ProjectConfig } from "../config/load.js";
import { formatDiagnostic } from "../records/diagnostics.js";
import { ConfigError } from "../errors.js";
import path from "node:path";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

export function parseCommandArgs<T extends Options>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals,
      strict: true,
    });
  } catch (cause) {
    throw new UsageError((cause as Error).message, { cause });
  }
}

/** Loads `.papershelf.yml` (or --config) relative to cwd; a malformed config is a ConfigError (exit 2). */
export async function loadProjectConfig(configPath: string | undefined, cwd: string): Promise<ProjectConfig> {
  const result = await readConfig(
    configPath === undefined ? path.join(cwd, ".papershelf.yml") : path.resolve(cwd, configPath),
  );
  if (!result.ok) throw new ConfigError(result.errors.map(formatDiagnostic).join("\n"));
  const { config } = result;
  return {
    ...config,
    data: path.resolve(cwd, config.data),
    readme: path.resolve(cwd, config.readme),
    templates: path.resolve(cwd, config.templates),
    issueForm: path.resolve(cwd, config.issueForm),
  };
}

/** Path as shown to people: relative to cwd, forward slashes (matches annotations' `file`). */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith("..") ? file : rel).split(path.sep).join("/");
}
