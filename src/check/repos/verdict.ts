/** The closed set of repository verdicts, with what GitHub said about the repository. */

export const REPO_VERDICTS = [
  "ok",
  "archived",
  "disabled",
  "renamed",
  "missing",
  "stale",
  "error",
  "skipped",
] as const;

export type RepoVerdict = (typeof REPO_VERDICTS)[number];

/** A repository as listed: the URL and the owner/name it names. */
export interface RepoRef {
  url: string;
  owner: string;
  name: string;
}

export interface RepoResult {
  /** The URL as listed. */
  url: string;
  /** owner/name as listed. */
  repo: string;
  /**
   * One verdict, by precedence: missing, disabled, archived, renamed, stale, ok. `renamedTo`, `archived` and
   * `pushedAt` are recorded whatever the verdict, so an archived repository that also moved can be fixed.
   */
  verdict: RepoVerdict;
  message: string;
  /** owner/name GitHub answers with now, when it differs from `repo` (followRenames). */
  renamedTo?: string;
  /** The repository's current URL. */
  currentUrl?: string;
  stars?: number;
  /** Last push (ISO), null when GitHub has none. */
  pushedAt?: string | null;
  archived?: boolean;
  fork?: boolean;
  checkedAt: string;
  source: "network" | "cache";
}

/** Lookups that succeeded (what the cache keeps); missing and error are always asked again. */
export function isRepoSuccess(result: RepoResult): boolean {
  return !["missing", "error", "skipped"].includes(result.verdict);
}
