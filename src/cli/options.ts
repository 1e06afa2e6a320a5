/** Flag parsing shared by the commands: node's parseArgs, with its errors turned into UsageErrors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";
import { closestName } from "../did-you-mean.js";
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
    throw new UsageError(
      unknownOptionMessage(cause, { ...COMMON_OPTIONS, ...options }) ?? (cause as Error).message,
      {
        cause,
      },
    );
  }
}

/**
 * parseArgs says only "Unknown option '--fromat'" (and, where positionals are allowed, how to pass one that
 * starts with "-"): name the flag meant when it is a typo of one, else the command's flags.
 */
function unknownOptionMessage(error: unknown, options: Options): string | undefined {
  if ((error as { code?: unknown }).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return undefined;
  const typed = /Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
  if (typed === undefined) return undefined;
  const flags = Object.keys(options).map((name) => `--${name}`);
  const meant = typed.startsWith("--") ? closestName(typed, flags) : undefined;
  return meant === undefined
    ? `unknown option ${typed}; the options are ${flags.join(", ")} (--help says what each does)`
    : `unknown option ${typed}; did you mean ${meant}?`;
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
