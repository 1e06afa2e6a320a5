/**
 * What `check`, `fix` and `report` share at the edge: the check section of the config, the GitHub client
 * built from the environment, progress output, report rendering.
 */
import path from "node:path";
import { type ProjectConfig, sectionOf } from "../../config/index.js";
import {
  type CheckConfig,
  type CheckReport,
  createGraphqlClient,
  FAIL_ON_VALUES,
  type GraphqlClient,
  parseCheckSection,
} from "../../check/index.js";
import { ConfigError, UsageError } from "../../errors.js";
import { CHECK_FORMATS, pickFormat, type CheckFormat } from "../../report/index.js";
import type { CliContext } from "../context.js";
import { outputFileFor, projectInputs, type OutputFile } from "../output-file.js";

/** The `check:` section, validated; errors carry the config file's line and column. */
export function loadCheckConfig(config: ProjectConfig, cwd: string): CheckConfig {
  const section = sectionOf(config, "check");
  const parsed = parseCheckSection(section.value);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => {
      const pos = section.position(e.path);
      return `${section.file}:${pos.line}:${pos.column}  config  ${e.message}`;
    });
    throw new ConfigError(lines.join("\n"));
  }
  const { config: check } = parsed;
  return {
    ...check,
    cacheFile: path.resolve(cwd, check.cacheFile),
    stateFile: path.resolve(cwd, check.stateFile),
  };
}

export function parseFormat(value: string | undefined): CheckFormat {
  const format = pickFormat(CHECK_FORMATS, value ?? "text");
  if (!format) {
    throw new UsageError(`--format must be one of ${Object.keys(CHECK_FORMATS).join(", ")}, got "${value}"`);
  }
  return format;
}

export function parseFailOn(value: string | undefined, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = list.filter((v) => !(FAIL_ON_VALUES as readonly string[]).includes(v));
  if (unknown.length > 0) {
    throw new UsageError(
      `--fail-on: unknown verdict ${unknown.join(", ")}; expected some of ${FAIL_ON_VALUES.join(", ")}`,
    );
  }
  return list;
}

export function parsePositiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--${name} expects a positive whole number, got "${value}"`);
  return Number(value);
}

/** The report in a format; Markdown puts the `failOn` findings first. */
export function renderReport(report: CheckReport, format: CheckFormat, failOn?: readonly string[]): string {
  return CHECK_FORMATS[format](report, failOn ? { failOn } : {});
}

/** GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL: read here, at the edge, and passed in. */
export function githubClientFromEnv(ctx: CliContext): GraphqlClient | undefined {
  const token = ctx.env.GITHUB_TOKEN;
  if (!token) return undefined;
  // Checked where they are read: a bad one showed later as "HTTP 500: Invalid URL" on every repository.
  for (const name of ["GITHUB_API_URL", "GITHUB_GRAPHQL_URL"] as const) {
    const value = ctx.env[name];
    if (value && !URL.canParse(value))
      throw new ConfigError(`${name} is "${value}", which is not a URL; unset it, or give the full address`);
  }
  return createGraphqlClient({
    token,
    ...(ctx.env.GITHUB_API_URL ? { apiUrl: ctx.env.GITHUB_API_URL } : {}),
    ...(ctx.env.GITHUB_GRAPHQL_URL ? { graphqlUrl: ctx.env.GITHUB_GRAPHQL_URL } : {}),
    onNotice: (message) => ctx.stderr.write(`papershelf: ${message}\n`),
  });
}

const BAR_WIDTH = 30;
/** Plain progress lines in CI logs: one per tenth of the work. */
const PLAIN_STEPS = 10;

/** A progress bar on a terminal (redrawn in place), plain lines otherwise; both on stderr. */
export function progressPrinter(
  ctx: CliContext,
  noun: string,
): { update(e: { done: number; total: number }): void; end(): void } {
  let lastStep = -1;
  let drawn = false;
  return {
    update({ done, total }) {
      if (total === 0) return;
      if (ctx.interactive) {
        const filled = Math.round((done / total) * BAR_WIDTH);
        ctx.stderr.write(
          `\r[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${done}/${total} ${noun}`,
        );
        drawn = true;
        return;
      }
      const step = Math.floor((done / total) * PLAIN_STEPS);
      if (step !== lastStep) {
        lastStep = step;
        ctx.stderr.write(`checked ${done}/${total} ${noun}\n`);
      }
    },
    end() {
      if (drawn) ctx.stderr.write("\n");
    },
  };
}

/**
 * Where `--output` writes a report (check, report merge), checked before the run: not over the project's
 * inputs, nor over the check's own state and cache. Undefined without --output (the report goes to stdout).
 */
export async function reportOutput(
  output: string | undefined,
  ctx: CliContext,
  config: ProjectConfig,
  configFlag: string | undefined,
  files: { stateFile: string; cacheFile: string },
  format: CheckFormat,
): Promise<OutputFile | undefined> {
  if (output === undefined) return undefined;
  return outputFileFor(
    output,
    ctx.cwd,
    [
      ...projectInputs(config, ctx.cwd, configFlag),
      { path: files.stateFile, role: "the check's state file" },
      { path: files.cacheFile, role: "the check's cache" },
    ],
    format === "json" ? "check-report.json" : "check-report.md",
  );
}
