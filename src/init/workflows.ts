/**
 * The caller workflows init writes. Each calls one of papershelf's reusable workflows at a pinned commit and
 * grants exactly what that workflow's jobs need (a called workflow can never get more than its caller gives):
 * the list's repository holds about ten lines per workflow, papershelf keeps the steps.
 *
 * A reusable workflow cannot learn the commit it was called at (its `github` context is the caller's), so the
 * caller also passes that commit as `papershelf-ref`: the called workflow runs the Action from it. Both are
 * the same sha, written once here.
 */

export interface WorkflowPin {
  /** owner/name of the papershelf repository that holds the reusable workflows. */
  repository: string;
  /** The full commit sha the workflows are called at. */
  commit: string;
  /**
   * The release that commit is, for the `# vX.Y.Z` comment (and Dependabot); undefined for a commit given
   * with --ref, which may be any.
   */
  version?: string;
}

export const WORKFLOW_FILES = ["intake", "review", "main", "health", "pages"] as const;
export type WorkflowName = (typeof WORKFLOW_FILES)[number];

interface CallerSpec {
  title: string;
  why: string;
  on: string;
  permissions: string[];
}

const SPECS: Record<WorkflowName, CallerSpec> = {
  intake: {
    title: "Submissions",
    why: "A submission issue becomes one bot comment, a label and, when valid, a pull request adding the record.",
    on: "  issues:\n    types: [opened, edited, reopened, labeled]",
    // The called workflow's read-only compute job narrows these to read; its publish job uses them.
    permissions: [
      "contents: write # publish: the papershelf/issue-<n> branch (compute, which reads the issue, gets read)",
      "issues: write # publish: the comment and the labels",
      "pull-requests: write # publish: open and update the pull request",
    ],
  },
  review: {
    title: "Review",
    why: "Lint and link-check the records a pull request changes. Read-only, so a fork's pull request is safe.",
    on: "  pull_request:",
    permissions: ["contents: read"],
  },
  main: {
    title: "Main",
    why: "On every push to main: rebuild the README and refresh the open submission pull requests.",
    on: "  push:\n    branches: [main]\n  workflow_dispatch:",
    // build commits the README; refresh narrows these to read; publish updates the submissions.
    permissions: [
      "contents: write # build: commit the regenerated files; publish: update submission branches",
      "issues: write # publish: refresh the submission comments and labels (refresh, which reads, gets read)",
      "pull-requests: write # publish: update submission pull requests",
    ],
  },
  health: {
    title: "Link health",
    why: "Weekly: check every link and repository; one rolling report issue and a pull request with safe fixes.",
    on: '  schedule:\n    - cron: "23 4 * * 1" # Mondays 04:23 UTC\n  workflow_dispatch:',
    permissions: [
      "contents: write # the fixes branch, committed through the API",
      "issues: write # the rolling report issue",
      "pull-requests: write # the fixes pull request",
    ],
  },
  pages: {
    title: "Pages",
    why: "On every push to main: publish the list as a site (search, filters, feed) on GitHub Pages.",
    on: "  push:\n    branches: [main]\n  workflow_dispatch:",
    permissions: [
      "contents: read # the list, for the build job",
      "pages: write # the deploy job publishes the site",
      "id-token: write # the deploy job proves to Pages which run made the site",
    ],
  },
};

/**
 * .github/dependabot.yml: weekly updates of the workflows' pinned `uses:` lines (papershelf's reusable
 * workflows among them). Written only where the list has none: an existing one is the maintainer's.
 */
export const DEPENDABOT_FILE = ".github/dependabot.yml";
export const DEPENDABOT = `# Keeps the pinned commits of the workflows' \`uses:\` lines current (papershelf's reusable workflows too).
version: 2
updates:
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
`;

/** papershelf's reusable workflow a caller calls: `.github/workflows/papershelf-<name>.yml` in papershelf. */
export function reusableWorkflowFile(name: WorkflowName): string {
  return `papershelf-${name}.yml`;
}

/** The caller workflow `.github/workflows/<name>.yml` for one reusable workflow. */
export function renderCallerWorkflow(name: WorkflowName, pin: WorkflowPin): string {
  const spec = SPECS[name];
  return `# ${spec.why}
# The steps live in papershelf's reusable workflow, called at a pinned commit (.github/dependabot.yml keeps it current).
name: ${spec.title}

on:
${spec.on}

permissions: {}

jobs:
  ${name}:
    permissions:
${spec.permissions.map((p) => `      ${p}`).join("\n")}
    uses: ${pin.repository}/.github/workflows/${reusableWorkflowFile(name)}@${pin.commit}${pin.version === undefined ? "" : ` # v${pin.version}`}
    with:
      # The same repository and commit as the line above: the reusable workflow checks papershelf out from them.
      papershelf-repository: ${pin.repository}
      papershelf-ref: ${pin.commit}
`;
}
