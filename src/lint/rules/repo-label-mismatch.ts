import { parseGithubUrl } from "../../urls/index.js";
import type { Finding, LintRule } from "../types.js";
import { KOSMOS } from "./example-record.js";

/** A label written as a repository (`owner/name`), which readers take for where the link goes. */
const SLUG_LABEL = /^\s*([\w.-]+)\s*\/\s*([\w.-]+)\s*$/;

export const repoLabelMismatch: LintRule = {
  id: "repo-label-mismatch",
  description: "A repository's label names a different owner/name than its URL.",
  defaultSetting: "error",
  rationale:
    "A label such as `microsoft/TaskMatrix` on a link to `github.com/microsoft/visual-chatgpt` shows one " +
    "repository and opens another (here: the repository was renamed). Names are compared without case, " +
    "as GitHub does: `microsoft/JARVIS` and `microsoft/jarvis` are the same repository. Labels that are " +
    'not owner/name ("Official code") are not compared.',
  examples: {
    pass: `${KOSMOS}
  repos:
    - url: https://github.com/microsoft/unilm
      label: Microsoft/UniLM`,
    fail: `- id: visual-chatgpt
  title: "Visual ChatGPT: Talking, Drawing and Editing with Visual Foundation Models"
  url: https://arxiv.org/abs/2303.04671
  kind: paper
  category: llm
  date: 2023-03-08
  repos:
    - url: https://github.com/microsoft/visual-chatgpt
      label: microsoft/TaskMatrix`,
  },
  check({ data }) {
    const findings: Finding[] = [];
    data.entries.forEach((entry, i) => {
      entry.repos?.forEach((repo, r) => {
        const label = repo.label === undefined ? undefined : SLUG_LABEL.exec(repo.label);
        const target = parseGithubUrl(repo.url);
        if (!label || target.ok !== true) return;
        const named = `${label[1]}/${label[2]}`;
        const actual = `${target.owner}/${target.name}`;
        if (named.toLowerCase() === actual.toLowerCase()) return;
        findings.push({
          path: ["entries", i, "repos", r, "label"],
          message: `repository label "${named}" names a different repository than its URL (${actual}); expected the label to match the URL, or the URL of ${named}`,
        });
      });
    });
    return findings;
  },
};
