/**
 * One GraphQL query for up to 100 repositories: aliased `repository` lookups (r0, r1, …) plus the rate limit.
 * A query without connections costs 1 point whatever its alias count (GitHub's cost model), so 1,000
 * repositories take 10 requests instead of 1,000 REST calls.
 */
import type { RepoRef } from "./verdict.js";

/** GitHub caps a query at 500,000 nodes and 10 s; 100 flat lookups stay far below both. */
export const REPO_BATCH_SIZE = 100;

export const REPO_FIELDS = `fragment RepoFields on Repository {
  nameWithOwner
  url
  isArchived
  isDisabled
  isFork
  isPrivate
  pushedAt
  stargazerCount
}`;

export interface RepoQuery {
  query: string;
  variables: Record<string, string>;
  /** alias → the repository it asks for. */
  aliases: Map<string, RepoRef>;
}

/** Builds the query for one batch; owner and name travel as variables, never spliced into the text. */
export function buildRepoQuery(repos: readonly RepoRef[]): RepoQuery {
  const aliases = new Map<string, RepoRef>();
  const params: string[] = [];
  const lookups: string[] = [];
  const variables: Record<string, string> = {};
  repos.forEach((repo, i) => {
    const alias = `r${i}`;
    aliases.set(alias, repo);
    params.push(`$o${i}: String!`, `$n${i}: String!`);
    variables[`o${i}`] = repo.owner;
    variables[`n${i}`] = repo.name;
    // followRenames (default true) answers for a renamed or transferred repository under its new name.
    lookups.push(
      `  ${alias}: repository(owner: $o${i}, name: $n${i}, followRenames: true) { ...RepoFields }`,
    );
  });
  const signature = params.length > 0 ? `(${params.join(", ")})` : "";
  const query = `query papershelfRepos${signature} {
${lookups.join("\n")}
  rateLimit { cost remaining resetAt }
}
${REPO_FIELDS}`;
  return { query, variables, aliases };
}

/** Splits into batches of at most `size`. */
export function batch<T>(items: readonly T[], size = REPO_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
