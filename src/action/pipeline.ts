/**
 * The intake's link check with this run's clients: the public-only dispatcher and the project's link options
 * (the wiring itself is the use case's, src/project/intake-submission.ts, shared with the CLI).
 */
import type { IntakeLinkCheck } from "../intake/index.js";
import { createIntakeLinkCheck as createPublicLinkCheck } from "../project/index.js";
import type { CommandContext } from "./context.js";

/**
 * Strangers' links: public-only whatever the config says (the config's `check.links.publicOnly: false` only
 * shapes `ctx.links()`, for the maintainers' list); `ctx.intakeLinks()` is public-only too.
 */
export function createIntakeLinkCheck(ctx: CommandContext): IntakeLinkCheck {
  return createPublicLinkCheck(ctx.intakeLinks(), ctx.checkConfig().links);
}

/** The repository's files on GitHub at a commit: `https://github.com/<owner>/<repo>/blob/<sha>/<file>`. */
export function blobUrl(ctx: CommandContext, sha: string, file: string): string {
  const { owner, repo } = ctx.run.repo;
  return `${ctx.run.serverUrl ?? "https://github.com"}/${owner}/${repo}/blob/${sha}/${file}`;
}
