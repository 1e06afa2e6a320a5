/**
 * docs/adopt.md is run block by block by tests/package/adopt.e2e.test.ts; this checks what it must say: the
 * troubleshooting entries issue 11 asks for, and every reusable workflow and caller init writes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { reusableWorkflowFile, WORKFLOW_FILES } from "../../src/init/index.js";
import { renderReportForm, renderSubmitForm } from "../../src/init/issue-forms.js";
import { nextSteps } from "../../src/init/next-steps.js";

const DOCS = readFileSync("docs/adopt.md", "utf8");
const TROUBLESHOOTING = DOCS.slice(DOCS.indexOf("## Troubleshooting"));

/** The bold lead of each troubleshooting entry. */
const entries = [...TROUBLESHOOTING.matchAll(/^\*\*(.+?)\*\*/gm)].map((m) => m[1] ?? "");

describe("docs/adopt.md", () => {
  it.each([
    [
      "the Actions permission to create pull requests",
      /no pull request appears/,
      /Allow GitHub Actions to create and approve pull requests/,
    ],
    ["no workflow runs on the bot's pull request", /No workflow runs on the bot's pull request/, /App token/],
    ["a personal access token", /personal access token/, /Use an App/],
    ["a fork", /fork/, /pull_request_target/],
    ["Pages not enabled", /Pages run fails/, /"GitHub Actions"/],
  ])("troubleshoots %s", (_, heading, advice) => {
    const entry = entries.find((e) => heading.test(e));
    expect(entry).toBeDefined();
    const text = TROUBLESHOOTING.slice(TROUBLESHOOTING.indexOf(`**${entry}**`)).split("\n\n")[0] ?? "";
    expect(text).toMatch(advice);
  });

  it("asks, as init does, for every label the forms init writes put on their issues", () => {
    const labels = [renderSubmitForm(["en"]), renderReportForm(["en"])].flatMap(
      (form) => (parse(form) as { labels: string[] }).labels,
    );
    expect(labels).toEqual(["submission", "entry-report"]);
    const step = DOCS.slice(DOCS.indexOf("**Issues → Labels → New label**")).split("\n3. ")[0] ?? "";
    for (const label of labels) {
      expect(step).toContain(`\`${label}\``);
      expect(nextSteps(".")).toContain(`"${label}"`);
    }
  });

  it("names every reusable workflow and every caller init writes", () => {
    for (const name of WORKFLOW_FILES) {
      expect(DOCS).toContain(`\`${reusableWorkflowFile(name)}\``);
      expect(DOCS).toContain(`| \`${name}.yml\``);
    }
  });
});
