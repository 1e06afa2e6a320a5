/**
 * The `check:` section of .papershelf.yml, validated here, next to the code that uses it. Every key is
 * optional; the defaults are the engine's constants.
 */
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { HOUR_MS, compilePattern, type LinkCheckOptions } from "./links/options.js";
import { LINK_VERDICTS } from "./links/verdict.js";
import { REPO_VERDICTS } from "./repos/verdict.js";

const Count = (description: string) => Type.Integer({ minimum: 1, description });
const Millis = (description: string) => Type.Integer({ minimum: 0, description });

export const FAIL_ON_VALUES = [...new Set([...LINK_VERDICTS, ...REPO_VERDICTS]), "never"] as const;

export const CheckSectionSchema = Type.Object(
  {
    maxConcurrency: Type.Optional(Count("Requests in flight across all hosts.")),
    hostConcurrency: Type.Optional(Count("Requests in flight per host.")),
    hostIntervalMs: Type.Optional(Millis("Minimum gap between request starts on one host.")),
    hosts: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object(
          { concurrency: Type.Optional(Count("cap")), intervalMs: Type.Optional(Millis("gap")) },
          { additionalProperties: false },
        ),
      ),
    ),
    timeoutMs: Type.Optional(Count("Time for one request (headers and drained body).")),
    deadlineMs: Type.Optional(Count("Time for one link: every request, retry, backoff and redirect.")),
    connectTimeoutMs: Type.Optional(Count("Time to open a connection.")),
    retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    retryBaseMs: Type.Optional(Millis("First backoff, doubled on each retry.")),
    maxRetryWaitMs: Type.Optional(Millis("Longest Retry-After honoured.")),
    maxRedirects: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
    method: Type.Optional(Type.Union([Type.Literal("auto"), Type.Literal("get"), Type.Literal("head")])),
    exclude: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    blockedHosts: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    collapseThreshold: Type.Optional(Type.Integer({ minimum: 2 })),
    // At least an hour: the two-run rule is about runs "some hours apart"; 0 made two pushes a minute apart
    // turn a flaky 404 into `dead`.
    deadAfterHours: Type.Optional(
      Type.Number({ minimum: 1, description: "Hours between two failures before a link is dead." }),
    ),
    cacheFile: Type.Optional(Type.String({ minLength: 1 })),
    cacheMaxAgeHours: Type.Optional(Type.Number({ minimum: 0 })),
    stateFile: Type.Optional(Type.String({ minLength: 1 })),
    staleMonths: Type.Optional(Type.Integer({ minimum: 1 })),
    failOn: Type.Optional(Type.Array(Type.Unsafe<string>({ type: "string", enum: [...FAIL_ON_VALUES] }))),
    userAgent: Type.Optional(Type.String({ minLength: 1 })),
    publicOnly: Type.Optional(Type.Boolean({ description: "Never request private or local addresses." })),
  },
  { additionalProperties: false },
);

export type CheckSection = Static<typeof CheckSectionSchema>;

export interface CheckConfig {
  links: Partial<LinkCheckOptions>;
  staleMonths?: number;
  cacheFile: string;
  stateFile: string;
  failOn: string[];
}

/** Where the workflow's actions/cache step keeps them (.github/workflows/health.yml). */
export const DEFAULT_CACHE_FILE = ".papershelf-cache/check-cache.json";
export const DEFAULT_STATE_FILE = ".papershelf-cache/check-state.json";
/** Findings that fail the run by default: the two that mean "this link no longer leads anywhere". */
export const DEFAULT_FAIL_ON = ["dead", "missing"];

export type CheckConfigResult =
  { ok: true; config: CheckConfig } | { ok: false; errors: { path: (string | number)[]; message: string }[] };

/** Validates the raw section (undefined: all defaults). */
export function parseCheckSection(raw: unknown): CheckConfigResult {
  const value = raw ?? {};
  if (!Value.Check(CheckSectionSchema, value)) {
    const errors = [...Value.Errors(CheckSectionSchema, value)].map((e) => ({
      path: e.path
        .split("/")
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      message: `check${e.path.replace(/\//g, ".")}: ${e.message}`,
    }));
    return { ok: false, errors };
  }
  const section = value as CheckSection;
  // A `/…/` pattern that is not a regular expression was an internal error when the check compiled it.
  const badPatterns = (section.exclude ?? []).flatMap((pattern, i) => {
    try {
      compilePattern(pattern);
      return [];
    } catch (error) {
      return [
        {
          path: ["exclude", i],
          message: `check.exclude[${i}]: ${JSON.stringify(pattern)} is not a regular expression (${(error as Error).message}); write /…/ around a valid one, or a glob such as https://example.org/*`,
        },
      ];
    }
  });
  if (badPatterns.length > 0) return { ok: false, errors: badPatterns };
  const { deadAfterHours, cacheMaxAgeHours, cacheFile, stateFile, staleMonths, failOn, ...links } = section;
  return {
    ok: true,
    config: {
      links: {
        ...links,
        ...(deadAfterHours !== undefined ? { deadAfterMs: deadAfterHours * HOUR_MS } : {}),
        ...(cacheMaxAgeHours !== undefined ? { cacheMaxAgeMs: cacheMaxAgeHours * HOUR_MS } : {}),
      } as Partial<LinkCheckOptions>,
      ...(staleMonths !== undefined ? { staleMonths } : {}),
      cacheFile: cacheFile ?? DEFAULT_CACHE_FILE,
      stateFile: stateFile ?? DEFAULT_STATE_FILE,
      failOn: failOn ?? DEFAULT_FAIL_ON,
    },
  };
}
