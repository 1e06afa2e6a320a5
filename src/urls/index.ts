/**
 * What a URL points at, decided once for every stage: public or private addresses (lint reports them, the
 * checker never requests them) and GitHub repository URLs (lint, intake, check and import all parse them).
 */
export {
  isLocalDomain,
  isPublicAddress,
  isPublicUrl,
  LOCAL_DOMAINS,
  SPECIAL_IPV4_RANGES,
  SPECIAL_IPV6_RANGES,
  type SpecialRange,
} from "./addresses.js";
export {
  GITHUB_OWNER,
  GITHUB_REPO_NAME,
  githubRepoKey,
  githubRepoOf,
  githubRepoRoot,
  isGithubUrl,
  normalizeGithubRepoUrl,
  parseGithubUrl,
  parseRepoRef,
  RESERVED_OWNERS,
  type GithubRepoUrl,
  type RepoRef,
  type GithubUrlParse,
} from "./github-repo.js";
export { doiUrl } from "./doi.js";
export { trimUrl } from "./trailing-punctuation.js";
