/**
 * papershelf's own rules for workflows and action.yml, on top of actionlint: the "safe by construction" list of
 * the GitHub Security Lab and zizmor's audits (scripts/workflow-audits.ts), checked rather than hoped for.
 * Pure (text in, findings out) so tests feed it strings.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from "yaml";
import { WORKFLOW_AUDITS, type WorkflowAudit } from "./workflow-audits.js";

export { WORKFLOW_AUDITS } from "./workflow-audits.js";

export interface PolicyFinding {
  file: string;
  line: number;
  /** The zizmor audit (or papershelf check) that found it; absent for action.yml and tool findings. */
  audit?: string;
  message: string;
}

function toPlain(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/** Checks one workflow file against every audit of WORKFLOW_AUDITS (zizmor's, named as zizmor names them). */
export function checkWorkflowPolicy(
  file: string,
  text: string,
  audits: readonly WorkflowAudit[] = WORKFLOW_AUDITS,
): PolicyFinding[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: true });
  const root = doc.contents;
  if (!isMap(root)) return [{ file, line: 1, audit: "syntax", message: "a workflow must be a mapping" }];
  const on = root.get("on", true) as Node | undefined;
  const events = isMap(on)
    ? on.items.map((p) => String(toPlain(p.key)))
    : isSeq(on)
      ? on.items.map((i) => String(toPlain(i)))
      : [String(toPlain(on))];
  const jobsNode = root.get("jobs", true);
  const jobs = isMap(jobsNode)
    ? jobsNode.items.flatMap((p): [string, YAMLMap][] =>
        isMap(p.value) ? [[String(toPlain(p.key)), p.value]] : [],
      )
    : [];
  const findings: PolicyFinding[] = [];
  for (const audit of audits) {
    const add = (node: Node | null | undefined, message: string) =>
      findings.push({
        file,
        line: node?.range ? lines.linePos(node.range[0]).line : 1,
        audit: audit.id,
        message,
      });
    audit.run({ doc, root, events, jobs, add });
  }
  return findings;
}

/** Checks action.yml: the keys the runner needs, descriptions everywhere, and the inputs the code reads. */
export function checkActionMetadata(
  text: string,
  inputsReadByCode: readonly string[],
  file = "action.yml",
): PolicyFinding[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const findings: PolicyFinding[] = [];
  const add = (message: string, node?: Node | null) =>
    findings.push({ file, line: node?.range ? lines.linePos(node.range[0]).line : 1, message });
  const root = doc.contents;
  if (!isMap(root)) return [{ file, line: 1, message: "action.yml must be a mapping" }];
  for (const key of ["name", "description", "runs"]) if (!root.has(key)) add(`missing required key "${key}"`);
  const runs = root.get("runs", true);
  if (isMap(runs)) {
    const using = String(toPlain(runs.get("using", true)));
    if (!["node20", "node24"].includes(using))
      add(`runs.using must be node24 (or node20), found "${using}"`, runs);
    if (!runs.has("main")) add("runs.main is missing", runs);
  }
  const declared = new Set<string>();
  for (const section of ["inputs", "outputs"]) {
    const map = root.get(section, true);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const name = String(toPlain(pair.key));
      if (section === "inputs") declared.add(name);
      const description = isMap(pair.value) ? toPlain(pair.value.get("description", true)) : undefined;
      if (typeof description !== "string" || description.trim() === "")
        add(`${section}.${name} has no description`, pair.key as Node);
    }
  }
  for (const name of inputsReadByCode)
    if (!declared.has(name)) add(`the code reads input "${name}" but action.yml does not declare it`);
  for (const name of declared)
    if (!inputsReadByCode.includes(name)) add(`input "${name}" is declared but the code never reads it`);
  return findings;
}
