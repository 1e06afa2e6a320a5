/** What every Action command gets: the checked inputs, the run's context, the config, and lazy clients. */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Dispatcher } from "undici";
import { ARXIV_USER_AGENT, createArxivClient, type ArxivCache, type ArxivClient } from "../arxiv/index.js";
import {
  type CheckConfig,
  createGraphqlClient,
  createLinkDispatcher,
  type GraphqlClient,
  parseCheckSection,
} from "../check/index.js";
import { DEFAULT_CONFIG_FILE, parseConfig, readConfig, type ProjectConfig } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { createGitHubClient, type GitHubClient } from "../github/index.js";
import { formatDiagnostic } from "../records/index.js";
import type { RunContext } from "./event.js";
import type { ActionInputs } from "./inputs.js";
import type { ActionReporter, ActionRuntime } from "./runtime.js";

export interface CommandContext {
  inputs: ActionInputs;
  run: RunContext;
  reporter: ActionReporter;
  /** Paths resolved against the workspace; the data/readme inputs override the config. */
  config: ProjectConfig;
  /** The API client, built on first use (lint never needs one). */
  github(): GitHubClient;
  /** GraphQL for the repository check; undefined without a token (repositories are then skipped). */
  graphql(): GraphqlClient | undefined;
  /** The `check:` section of the config, validated (a ConfigError when it is not). */
  checkConfig(): CheckConfig;
  /** The HTTP client for link checks, built on first use and closed when the run ends. */
  links(): Dispatcher;
  /**
   * The HTTP client for the intake's link checks: strangers' links, so public-only whatever the config says,
   * down to the connection's own DNS answer (169.254.169.254.nip.io passes every URL-level check and resolves
   * to the cloud metadata address). Built on first use and closed when the run ends.
   */
  intakeLinks(): Dispatcher;
  /**
   * The arXiv client (PAPERSHELF_ARXIV_API_URL, the repository as the User-Agent's contact), one per run so
   * its 3 s gap holds across every lookup; `cache` seeds it on first use.
   */
  arxiv(cache?: ArxivCache): ArxivClient;
  /** Releases what the run opened (keep-alive sockets would hold the step open for seconds). */
  dispose(): Promise<void>;
  now: Date;
  /** Workspace-relative path with forward slashes, as annotations and the git data API want it. */
  relative(file: string): string;
}

export interface CommandResult {
  outputs: Record<string, string>;
  /** What fail-on looks at. */
  errors: number;
  warnings: number;
  /** Set when the step must fail whatever the policy (papershelf could not do its job). */
  failure?: string;
}

/** Reads .papershelf.yml (or the `config` input) from the workspace; a malformed config is a ConfigError. */
export async function loadActionConfig(inputs: ActionInputs, workspace: string): Promise<ProjectConfig> {
  const file = path.resolve(workspace, inputs.config ?? DEFAULT_CONFIG_FILE);
  // The default file is optional (every key has a default); a config named by the input must exist.
  const result =
    inputs.config === undefined && !existsSync(file) ? parseConfig("", file) : await readConfig(file);
  if (!result.ok) throw new ConfigError(result.errors.map(formatDiagnostic).join("\n"));
  const config = result.config;
  const resolve = (file: string) => path.resolve(workspace, file);
  return {
    ...config,
    data: resolve(inputs.data ?? config.data),
    readme: resolve(inputs.readme ?? config.readme),
    templates: resolve(config.templates),
    issueForm: resolve(config.issueForm),
  };
}

export function createCommandContext(
  runtime: ActionRuntime,
  inputs: ActionInputs,
  run: RunContext,
  config: ProjectConfig,
): CommandContext {
  let client: GitHubClient | undefined;
  let checkConfig: CheckConfig | undefined;
  let ownDispatcher: Dispatcher | undefined;
  let intakeDispatcher: Dispatcher | undefined;
  let graphqlClient: GraphqlClient | undefined;
  let arxivClient: ArxivClient | undefined;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = runtime.env;
  const arxivUserAgent = server && repository ? `papershelf (+${server}/${repository})` : ARXIV_USER_AGENT;
  const readCheckConfig = (): CheckConfig => {
    if (checkConfig) return checkConfig;
    const parsed = parseCheckSection(config.sections.check);
    if (!parsed.ok) throw new ConfigError(parsed.errors.map((e) => e.message).join("\n"));
    // On a runner, list data and redirects must never make papershelf request the runner's own network
    // (cloud metadata at 169.254.169.254, services on loopback): public-only unless the config says otherwise.
    const { links } = parsed.config;
    return (checkConfig = { ...parsed.config, links: { ...links, publicOnly: links.publicOnly ?? true } });
  };
  return {
    inputs,
    run,
    config,
    reporter: runtime.reporter,
    now: runtime.now?.() ?? new Date(),
    github: () =>
      (client ??= createGitHubClient({
        token: inputs.token || undefined,
        apiUrl: run.apiUrl,
        graphqlUrl: run.graphqlUrl,
        log: (message) => runtime.reporter.annotate("warning", message),
        ...runtime.client,
      })),
    // Built once: its throttling queue and retry state only work if every request of the run shares it.
    graphql: () =>
      inputs.token
        ? (graphqlClient ??= createGraphqlClient({
            token: inputs.token,
            apiUrl: run.apiUrl,
            graphqlUrl: run.graphqlUrl,
            ...(runtime.client?.throttle === false ? { throttle: false } : {}),
            onNotice: (message) => runtime.reporter.annotate("warning", message),
          }))
        : undefined,
    checkConfig: readCheckConfig,
    links: () => runtime.linkDispatcher ?? (ownDispatcher ??= createLinkDispatcher(readCheckConfig().links)),
    intakeLinks: () =>
      runtime.linkDispatcher ??
      (intakeDispatcher ??= createLinkDispatcher({ ...readCheckConfig().links, publicOnly: true })),
    arxiv: (cache) =>
      (arxivClient ??= createArxivClient({
        ...(runtime.env.PAPERSHELF_ARXIV_API_URL ? { apiUrl: runtime.env.PAPERSHELF_ARXIV_API_URL } : {}),
        userAgent: arxivUserAgent,
        ...(cache ? { cache } : {}),
      })),
    dispose: async () => {
      await Promise.all([ownDispatcher?.close(), intakeDispatcher?.close()]);
    },
    relative: (file) => path.relative(run.workspace, file).split(path.sep).join("/"),
  };
}
