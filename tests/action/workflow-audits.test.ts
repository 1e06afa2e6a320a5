/**
 * zizmor's audits as the policy script reproduces them (scripts/workflow-audits.ts): for each, a workflow that
 * breaks only that audit is reported under its zizmor name at the right line, and the fixed workflow is clean.
 */
import { describe, expect, it } from "vitest";
import { checkWorkflowPolicy, WORKFLOW_AUDITS } from "../../scripts/workflow-policy.js";

const SHA = "08c6903cd8c0fde910a37f88322edcfb5dd907a8";

/** A workflow that passes every audit; each case below changes one thing in it. */
const CLEAN = `name: clean
on:
  push:
    branches: [main]
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      contents: write # commit the result
    steps:
      - uses: actions/checkout@${SHA} # v5.0.0
        with:
          persist-credentials: false
      - run: echo "\${{ github.sha }}"
`;

const CASES: [audit: string, line: number, workflow: string][] = [
  ["artipacked", 13, CLEAN.replace("          persist-credentials: false\n", "          fetch-depth: 0\n")],
  ["excessive-permissions", 5, CLEAN.replace("permissions: {}", "permissions: write-all")],
  [
    "excessive-permissions",
    10,
    CLEAN.replace(
      "    permissions:\n      contents: write # commit the result",
      "    permissions: write-all",
    ),
  ],
  ["undocumented-permissions", 11, CLEAN.replace(" # commit the result", "")],
  ["template-injection", 16, CLEAN.replace("github.sha", "github.event.issue.title")],
  [
    "template-injection",
    18,
    CLEAN.replace(
      'run: echo "${{ github.sha }}"',
      `uses: actions/github-script@${SHA} # v8.0.0\n        with:\n          script: console.log("\${{ github.event.comment.body }}")`,
    ).replace(/^/, ""),
  ],
  ["unpinned-uses", 13, CLEAN.replace(`@${SHA} # v5.0.0`, "@v5")],
  ["unpinned-uses", 13, CLEAN.replace(" # v5.0.0", "")],
  ["dangerous-triggers", 3, CLEAN.replace("  push:\n    branches: [main]", "  pull_request_target:")],
  [
    "dangerous-triggers",
    3,
    CLEAN.replace("  push:\n    branches: [main]", "  workflow_run:\n    workflows: [CI]"),
  ],
  [
    "cache-poisoning",
    16,
    CLEAN.replace("  push:\n    branches: [main]", "  release:\n    types: [published]").replace(
      'run: echo "${{ github.sha }}"',
      `uses: actions/setup-node@${SHA} # v5.0.0\n        with:\n          cache: npm`,
    ),
  ],
  ["github-env", 16, CLEAN.replace('echo "${{ github.sha }}"', 'echo "X=1" >> "$GITHUB_ENV"')],
  [
    "insecure-commands",
    11,
    CLEAN.replace(
      "    timeout-minutes: 5\n",
      "    timeout-minutes: 5\n    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n",
    ).replace(/^/, ""),
  ],
  ["self-hosted-runner", 8, CLEAN.replace("runs-on: ubuntu-latest", "runs-on: [self-hosted, linux]")],
  [
    "secrets-inherit",
    9,
    CLEAN.replace(/ {4}runs-on[\s\S]*$/, "    uses: ./.github/workflows/other.yml\n    secrets: inherit\n"),
  ],
  ["overprovisioned-secrets", 16, CLEAN.replace("github.sha", "toJSON(secrets)")],
  [
    "bot-conditions",
    8,
    CLEAN.replace(
      "    runs-on: ubuntu-latest\n",
      "    if: github.actor == 'dependabot[bot]'\n    runs-on: ubuntu-latest\n",
    ),
  ],
  [
    "hardcoded-container-credentials",
    14,
    CLEAN.replace(
      "    timeout-minutes: 5\n",
      "    timeout-minutes: 5\n    container:\n      image: ghcr.io/x/y\n      credentials:\n        username: me\n        password: hunter2\n",
    ),
  ],
  ["job-timeout", 8, CLEAN.replace("    timeout-minutes: 5\n", "")],
];

describe("zizmor's audits in the workflow policy", () => {
  it("passes the clean workflow", () => {
    expect(checkWorkflowPolicy("clean.yml", CLEAN)).toEqual([]);
  });

  it.each(CASES)("%s fails a workflow that breaks it (line %i)", (audit, line, workflow) => {
    const findings = checkWorkflowPolicy("bad.yml", workflow);
    expect(findings.map((f) => f.audit)).toContain(audit);
    expect(findings.filter((f) => f.audit === audit).map((f) => f.line)).toContain(line);
  });

  it("has a failing case for every audit it runs", () => {
    const covered = new Set(CASES.map(([audit]) => audit));
    expect(WORKFLOW_AUDITS.map((a) => a.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
