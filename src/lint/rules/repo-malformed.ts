import { parseGithubUrl } from "../../urls/index.js";
import type { Finding, LintRule } from "../types.js";
import { KOSMOS } from "./example-record.js";

export const repoMalformed: LintRule = {
  id: "repo-malformed",
  description: "A GitHub repository URL does not name a valid owner/name.",
  defaultSetting: "error",
  rationale:
    "A repository link must reach a repository: `https://github.com/<owner>/<name>`, where owners are " +
    "letters, digits and single hyphens (at most 39) and names are letters, digits, `.`, `-`, `_` (at most " +
    "100). A link to a profile (`github.com/microsoft`) or to GitHub's own pages is not a repository, and the " +
    "repository check could not look it up. Deeper paths and fragments (`/tree/main`, `#readme`) are fine.",
  examples: {
    pass: `${KOSMOS}
  repos:
    - url: https://github.com/microsoft/unilm/tree/master/kosmos-1`,
    fail: `${KOSMOS}
  repos:
    - url: https://github.com/microsoft`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    data.entries.forEach((entry, i) => {
      entry.repos?.forEach((repo, r) => {
        const parsed = parseGithubUrl(repo.url);
        if (parsed.ok !== false) return;
        findings.push({
          path: ["entries", i, "repos", r, "url"],
          message: `repository URL ${repo.url} ${parsed.reason}`,
        });
      });
    });
    return findings;
  },
};
