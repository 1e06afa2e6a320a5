import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  applyFixes,
  checkRepos,
  checkUrls,
  createLinkDispatcher,
  dedupeFixes,
  listScalarUrls,
  parseReport,
  parseRepoUrl,
  planPapersWithCodeFixes,
  planRedirectFixes,
  planRenameFixes,
  readCacheFile,
  type LinkResult,
  type PlannedFix,
  type RepoRef,
  type RepoResult,
} from "../../check/index.js";
import { EXIT_FINDINGS, EXIT_NETWORK_UNAVAILABLE, EXIT_OK, UsageError } from "../../errors.js";
import type { PapersFile } from "../../records/index.js";
import type { CliContext, Command } from "../context.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";
import { finishRecordsEdit, readRecordsForEdit, type RecordsForEdit } from "../records.js";
import { githubRepoKey, githubRepoOf, normalizeGithubRepoUrl } from "../../urls/index.js";
import { githubClientFromEnv, loadCheckConfig } from "./check-shared.js";

const HELP = `Usage: papershelf fix [options]

Applies safe fixes to the records file without changing any other byte:
  - paperswithcode.com paper links of entries with an arXiv id → https://arxiv.org/abs/<id> (offline)
  - GitHub repositories that were renamed or transferred → their new owner/name (needs GITHUB_TOKEN,
    or a check report given with --from)
  - permanent redirects → their target (only with --redirects)

Options:
  --redirects       Also replace links that redirect permanently (checks them, or reads --from).
  --from <file>     Take repository and redirect findings from a "papershelf check --format json" report.
  --offline         No network: only the paperswithcode fixes (and what --from provides).
  --dry-run         Print the changes, write nothing.
  --config <file>   Config file (default .papershelf.yml).

Exit codes: 0 done (or nothing to fix), 1 invalid records (nothing fixed), 2 usage, config or
missing/unreadable input, 70 internal error (a bug: please report it), 75 network unavailable (--redirects
could reach almost no host, as in "papershelf check": nothing was fixed; run it again later).`;

/** Repositories named by the records' GitHub URLs (the repository itself or a file inside it). */
function repoRefs(data: PapersFile): RepoRef[] {
  const refs = new Map<string, RepoRef>();
  for (const { url } of listScalarUrls(data)) {
    const repo = githubRepoOf(url);
    if (repo)
      refs.set(githubRepoKey(repo), {
        url: normalizeGithubRepoUrl(repo),
        owner: repo.owner,
        name: repo.name,
      });
  }
  return [...refs.values()];
}

async function readReportFindings(
  file: string,
  cwd: string,
): Promise<{ links: LinkResult[]; repos: RepoResult[] }> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = parseReport(text);
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.message}`);
  return { links: parsed.report.links, repos: parsed.report.repos };
}

function say(
  ctx: CliContext,
  file: string,
  fixes: readonly PlannedFix[],
  source: RecordsForEdit["records"]["source"],
) {
  for (const fix of fixes) {
    const pos = source.position(fix.path);
    ctx.stdout.write(
      `${file}:${pos.line}:${pos.column}  ${fix.reason}  ${fix.from} → ${fix.to} (${fix.entryId})\n`,
    );
  }
}

export const fixCommand: Command = {
  name: "fix",
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, {
      redirects: { type: "boolean" },
      from: { type: "string" },
      offline: { type: "boolean" },
      "dry-run": { type: "boolean" },
    });
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const check = loadCheckConfig(config, ctx.cwd);
    const file = displayPath(config.data, ctx.cwd);
    const read = await readRecordsForEdit(ctx, config.data, file, "nothing was fixed");
    if (!read) return EXIT_FINDINGS;
    const { text, records } = read;
    const { data } = records;

    const fixes: PlannedFix[] = planPapersWithCodeFixes(data);
    const report = values.from ? await readReportFindings(values.from, ctx.cwd) : undefined;
    const online = !values.offline && !report;
    const cache = online ? (await readCacheFile(check.cacheFile)).cache : undefined;

    let repos = report?.repos ?? [];
    const graphql = online ? githubClientFromEnv(ctx) : undefined;
    if (graphql)
      repos = (await checkRepos(repoRefs(data), { graphql }, { ...(cache ? { cache } : {}) })).results;
    else if (online)
      ctx.stderr.write("renamed repositories not looked up: set GITHUB_TOKEN, or pass --from report.json\n");
    fixes.push(...planRenameFixes(data, repos));

    if (values.redirects) {
      let links = report?.links ?? [];
      if (online) {
        const dispatcher = createLinkDispatcher(check.links);
        try {
          const urls = listScalarUrls(data)
            .map((s) => s.url)
            .filter((u) => !parseRepoUrl(u));
          const run = await checkUrls(urls, { dispatcher }, { ...check.links, ...(cache ? { cache } : {}) });
          // As check: a run that reached almost no host says nothing about redirects. "Nothing to fix" would
          // read as "no link moved"; say the network was down, write nothing, and exit 75 (run it again).
          if (!run.network.available) {
            ctx.stderr.write(
              `network unavailable: ${run.network.unreachable.length} of ${run.network.hostsAsked} hosts could not be reached; no redirect was looked up and nothing was fixed (exit ${EXIT_NETWORK_UNAVAILABLE})\n`,
            );
            return EXIT_NETWORK_UNAVAILABLE;
          }
          links = run.results;
        } finally {
          await dispatcher.close();
        }
      }
      fixes.push(...planRedirectFixes(data, links));
    }

    const planned = dedupeFixes(fixes);
    if (planned.length === 0) {
      ctx.stdout.write(`${file}: nothing to fix\n`);
      return EXIT_OK;
    }
    const result = applyFixes(text, planned, file, data);
    say(ctx, file, result.applied, records.source);
    for (const { fix, errors } of result.refused) {
      ctx.stderr.write(
        `not fixed: ${fix.from} (${fix.entryId}): ${errors.map((e) => e.message).join("; ")}\n`,
      );
    }
    await finishRecordsEdit(ctx, {
      file: config.data,
      shown: file,
      text: result.text,
      changed: result.applied.length > 0,
      dryRun: values["dry-run"] === true,
      summary: `${result.applied.length} fix(es)`,
      done: "applied",
    });
    return EXIT_OK;
  },
};
