/**
 * papershelf's own rules for workflows and action.yml, on top of actionlint: the "safe by construction" list of
 * the GitHub Security Lab, checked rather than hoped for. Pure (text in, findings out) so tests feed it strings.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from "yaml";

export interface PolicyFinding {
  file: string;
  line: number;
  message: string;
}

/** Events that run with a write token in the context of a pull request's base: never wanted here. */
const FORBIDDEN_EVENTS = ["pull_request_target", "workflow_run"];
/** Contexts whose text an outsider controls; they may reach a step only through `env:`. */
const UNTRUSTED_IN_RUN =
  /\$\{\{[^}]*\b(github\.event\.(issue|comment|review|review_comment|pull_request\.(title|body|head\.ref|head\.label))|github\.head_ref)\b/;
const PINNED = /^[\w.-]+\/[\w.-]+(\/[^@]+)?@[0-9a-f]{40}$/;

function toPlain(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/** Checks one workflow file. */
export function checkWorkflowPolicy(file: string, text: string): PolicyFinding[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: true });
  const findings: PolicyFinding[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const add = (node: Node | null | undefined, message: string) =>
    findings.push({ file, line: lineOf(node), message });
  const root = doc.contents;
  if (!isMap(root)) return [{ file, line: 1, message: "a workflow must be a mapping" }];

  const permissions = root.get("permissions", true) as Node | undefined;
  if (permissions === undefined) {
    add(
      root,
      'no top-level "permissions": set `permissions: {}` (or `contents: read`) and grant more per job',
    );
  } else if (isMap(permissions)) {
    for (const pair of permissions.items) {
      if (toPlain(pair.value) === "write")
        add(pair.key as Node, "top-level permissions grant write: grant it per job");
    }
  } else if (["write-all", "read-all"].includes(String(toPlain(permissions)))) {
    add(permissions, "top-level permissions must list scopes (or be {}), not read-all/write-all");
  }

  const on = root.get("on", true) as Node | undefined;
  const events = isMap(on)
    ? on.items.map((p) => String(toPlain(p.key)))
    : isSeq(on)
      ? on.items.map((i) => String(toPlain(i)))
      : [String(toPlain(on))];
  for (const event of events.filter((e) => FORBIDDEN_EVENTS.includes(e)))
    add(on, `"${event}" runs with a write token on outside input: use pull_request with contents: read`);

  visit(doc, {
    Pair(_key, pair, path) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const value = pair.value as Node | null;
      if (key === "uses" && isScalar(value)) {
        const uses = String(value.value);
        if (uses.startsWith("./") || uses.startsWith("docker://")) return;
        if (!PINNED.test(uses))
          add(value, `"${uses}" must be pinned to a full commit sha: owner/repo@<40 hex> # vX.Y.Z`);
        else if (!/^\s*v\d/.test(value.comment ?? ""))
          add(value, `"${uses}" needs a "# vX.Y.Z" comment naming the pinned version`);
        if (/^actions\/checkout@/.test(uses)) {
          const step = path[path.length - 1];
          const withMap = isMap(step) ? step.get("with", true) : undefined;
          const persist = isMap(withMap) ? toPlain(withMap.get("persist-credentials", true)) : undefined;
          if (persist !== false)
            add(
              value,
              "actions/checkout must set persist-credentials: false (papershelf commits through the API)",
            );
        }
      }
      if (key === "run" && isScalar(value) && UNTRUSTED_IN_RUN.test(String(value.value)))
        add(
          value,
          "user-controlled text inside run: pass it through env: or let the Action read the event payload",
        );
    },
  });
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
