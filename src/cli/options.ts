/** Flag parsing shared by the commands: node's parseArgs, with its errors turned into UsageErrors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";
import { existsSync } from "node:fs";
import { DEFAULT_CONFIG_FILE, parseConfig, readConfig, type ProjectConfig } from "../config/index.js";
import { formatDiagnostic } from "../records/index.js";
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
  // The default file is optional (defaults apply); a file named with --config must exist.
  const file = configPath === undefined ? path.join(cwd, DEFAULT_CONFIG_FILE) : path.resolve(cwd, configPath);
  const result =
    configPath === undefined && !existsSync(file) ? parseConfig("", file) : await readConfig(file);
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

export { displayPath } from "./display-path.js";
