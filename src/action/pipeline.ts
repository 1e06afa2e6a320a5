/**
 * The pipeline stages wired the way the Action uses them: the same functions the CLI calls, given this run's
 * config, clock and clients. Nothing here talks to GitHub's API.
 */
import { readFile } from "node:fs/promises";
import { checkUrls } from "../check/links/check-urls.js";
import { ConfigError } from "../errors.js";
import type { IntakeLinkCheck, IntakeLint, IntakeRenderEntry } from "../intake/index.js";
import { createEntryRenderer } from "../intake/preview.js";
import { lintList, parseLintConfig, RULES } from "../lint/index.js";
import { isPublicUrl } from "../urls/index.js";
import { formatDiagnostic } from "../records/diagnostics.js";
import { readTemplates } from "../render/templates.js";
import type { CommandContext } from "./context.js";

/** The lint as the intake runs it: the whole list with the new record, the project's severities. */
export function createIntakeLint(ctx: CommandContext): IntakeLint {
  const settings = parseLintConfig(ctx.config, RULES);
  if (!settings.ok) throw new ConfigError(settings.errors.map(formatDiagnostic).join("\n"));
  return ({ parsed, entryId, now }) =>
    lintList(parsed, { now, settings: settings.settings, onlyEntryIds: new Set([entryId]) });
}

/** True for URLs the runner must not be made to request (loopback, private, link-local: cloud metadata). */
function isLocalUrl(url: string): boolean {
  try {
    return !isPublicUrl(new URL(url));
  } catch {
    return false;
  }
}

/**
 * The link check as the intake runs it: the submitted links only, fresh (no cache: the submitter just typed
 * them). Anyone can open an issue, so addresses on the runner's own network are never requested; the
 * url-local-host lint rule reports them to the submitter instead.
 */
export function createIntakeLinkCheck(ctx: CommandContext): IntakeLinkCheck {
  return async (urls) => {
    const remote = urls.filter((url) => !isLocalUrl(url));
    // Strangers' links: public-only whatever the config says. `publicOnly` here tests each URL and redirect
    // hop; the names they resolve to are tested by the intake's own dispatcher, which is public-only too
    // (the config's `check.links.publicOnly: false` only shapes `ctx.links()`, for the maintainers' list).
    const options = { ...ctx.checkConfig().links, publicOnly: true };
    const { results } = await checkUrls(remote, { dispatcher: ctx.intakeLinks() }, options);
    const skipped = urls
      .filter(isLocalUrl)
      .map((url) => ({ url, verdict: "excluded", message: "a local or private address is not requested" }));
    return [...results, ...skipped];
  };
}

/**
 * The preview as the README's own entry template renders it. Broken templates are the maintainers' problem
 * (build reports them): the submitter then gets the plain preview, and the step a warning.
 */
export async function createIntakeRenderer(
  ctx: CommandContext,
  readText: (file: string) => Promise<string | undefined> = (file) =>
    readFile(file, "utf8").catch(() => undefined),
): Promise<IntakeRenderEntry | undefined> {
  const templates = await readTemplates(ctx.config.templates, readText, ctx.relative);
  if (templates.ok) return createEntryRenderer(templates.templates);
  for (const d of templates.errors)
    ctx.reporter.annotate("warning", `${formatDiagnostic(d)} (plain preview instead)`);
  return undefined;
}
