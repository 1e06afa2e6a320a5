/**
 * The check stage: links over HTTP (undici, per-host politeness, verdicts with evidence, two-run rule,
 * success cache) and GitHub repositories over GraphQL. The intake checks one new record with `checkUrls`
 * and `checkRepos`; the CLI runs everything with `runCheck`.
 */
export {
  checkUrls,
  createLinkDispatcher,
  type LinkCheckDeps,
  type LinkCheckInput,
  type LinkRun,
} from "./links/check-urls.js";
export { DEFAULT_LINK_OPTIONS, type LinkCheckOptions } from "./links/options.js";
export { isPublicUrl } from "./links/public-only.js";
export { LINK_VERDICTS, type LinkResult, type LinkVerdict, type RedirectHop } from "./links/verdict.js";
export { checkRepos, type RepoCheckDeps, type RepoCheckInput, type RepoRun } from "./repos/check-repos.js";
export { createGraphqlClient, type GraphqlClient, type GraphqlClientOptions } from "./repos/client.js";
export { parseRepoUrl } from "./repos/github-url.js";
export { REPO_VERDICTS, type RepoRef, type RepoResult, type RepoVerdict } from "./repos/verdict.js";
export { extractRecordUrls, listScalarUrls } from "./extract/records.js";
export { extractFileUrls, readFileTargets, mergeTargets } from "./extract/files.js";
export type { CheckTarget, UrlLocation } from "./extract/targets.js";
export { runCheck, planTargets, type CheckRun, type RunCheckDeps, type RunCheckOptions } from "./run.js";
export { parseCheckSection, DEFAULT_FAIL_ON, type CheckConfig } from "./config.js";
export { parseShard, shardOfHost, type Shard } from "./shard.js";
export { emptyCache, type CacheFile } from "./state/cache.js";
export { emptyState, type CheckState } from "./state/history.js";
export { readCacheFile, readStateFile, writeJsonFile } from "./state/files.js";
export {
  buildReport,
  countFailures,
  type CheckReport,
  type ReportedLink,
  type ReportedRepo,
} from "./check-report.js";
export { mergeReports, parseReport, type ParsedReport } from "./merge-reports.js";
export * from "./fix/plan.js";
export { applyFixes } from "./fix/apply.js";
export { FAIL_ON_VALUES } from "./config.js";
