/**
 * zizmor's audits, reproduced for papershelf's workflows (zizmor is a Python tool this project cannot install,
 * RESEARCH.md "Safe workflows"). Each audit carries zizmor's name, so a finding reads like zizmor's and its
 * docs apply: https://docs.zizmor.sh/audits/#<name>. Only the offline audits are reproduced; the ones that need
 * the network (known-vulnerable-actions, impostor-commit, ref-confusion, stale-action-refs) are not, and
 * Dependabot keeps the pins fresh instead. `job-timeout` is papershelf's own: zizmor has no such audit.
 */
import { isMap, isScalar, isSeq, visit, type Document, type Node, type YAMLMap } from "yaml";

export interface AuditContext {
  doc: Document;
  root: YAMLMap;
  events: string[];
  /** Every job's mapping, by job id. */
  jobs: [string, YAMLMap][];
  add(node: Node | null | undefined, message: string): void;
}

export interface WorkflowAudit {
  /** zizmor's audit name (papershelf's own audits say so in their description). */
  id: string;
  description: string;
  run(ctx: AuditContext): void;
}

/** Events that run with a write token in the context of a pull request's base: never wanted here. */
const DANGEROUS_EVENTS = ["pull_request_target", "workflow_run"];
/** Events whose runs publish something users download: a poisoned cache would ship in it. */
const PUBLISHING_EVENTS = ["release", "registry_package"];
/** Contexts whose text an outsider controls; they may reach a step only through `env:`. */
const UNTRUSTED_CONTEXT =
  /\$\{\{[^}]*\b(github\.event\.(issue|comment|review|review_comment|discussion|discussion_comment|pages|commits|head_commit|workflow_run|pull_request\.(title|body|head\.ref|head\.label))|github\.head_ref)\b/;
const PINNED = /^[\w.-]+\/[\w.-]+(\/[^@]+)?@[0-9a-f]{40}$/;
/** Actions that cache between runs, and the input that turns their cache on. */
const CACHE_ACTIONS: Record<string, string | undefined> = {
  "actions/cache": undefined,
  "actions/setup-node": "cache",
  "actions/setup-python": "cache",
  "actions/setup-go": "cache",
  "actions/setup-java": "cache",
};

export function plain(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function mapOf(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

function stepsOf(job: YAMLMap): YAMLMap[] {
  const steps = job.get("steps", true);
  return isSeq(steps) ? steps.items.filter((s): s is YAMLMap => isMap(s)) : [];
}

function usesOf(step: YAMLMap): { node: Node; action: string; ref: string } | undefined {
  const node = step.get("uses", true);
  if (!isScalar(node)) return undefined;
  const [action = "", ref = ""] = String(node.value).split("@");
  return { node, action, ref };
}

/** Each write grant of a permissions mapping, with its key node. */
function writeGrants(permissions: unknown): Node[] {
  const map = mapOf(permissions);
  if (!map) return [];
  return map.items.filter((p) => plain(p.value) === "write").map((p) => p.key as Node);
}

const artipacked: WorkflowAudit = {
  id: "artipacked",
  description: "actions/checkout leaves the token in .git/config unless persist-credentials: false",
  run(ctx) {
    for (const [, job] of ctx.jobs)
      for (const step of stepsOf(job)) {
        const uses = usesOf(step);
        if (uses?.action !== "actions/checkout") continue;
        if (plain(mapOf(step.get("with", true))?.get("persist-credentials", true)) !== false)
          ctx.add(
            uses.node,
            "actions/checkout must set persist-credentials: false (papershelf commits through the API)",
          );
      }
  },
};

const excessivePermissions: WorkflowAudit = {
  id: "excessive-permissions",
  description: "permissions: {} at the top, write scopes only on the jobs that need them, never *-all",
  run(ctx) {
    const top = ctx.root.get("permissions", true) as Node | undefined;
    if (top === undefined)
      ctx.add(
        ctx.root,
        'no top-level "permissions": set `permissions: {}` (or `contents: read`) and grant more per job',
      );
    else if (isMap(top)) {
      for (const key of writeGrants(top)) ctx.add(key, "top-level permissions grant write: grant it per job");
    } else if (["write-all", "read-all"].includes(String(plain(top))))
      ctx.add(top, "top-level permissions must list scopes (or be {}), not read-all/write-all");
    for (const [id, job] of ctx.jobs) {
      const permissions = job.get("permissions", true) as Node | undefined;
      if (String(plain(permissions)) === "write-all")
        ctx.add(permissions, `job "${id}" asks for write-all: list the scopes it needs`);
    }
  },
};

const undocumentedPermissions: WorkflowAudit = {
  id: "undocumented-permissions",
  description: "every write grant says on its line why the job needs it",
  run(ctx) {
    for (const [id, job] of ctx.jobs) {
      const permissions = mapOf(job.get("permissions", true));
      for (const pair of permissions?.items ?? []) {
        const value = pair.value as Node | null;
        if (plain(value) !== "write") continue;
        if (!isScalar(value) || (value.comment ?? "").trim() === "")
          ctx.add(
            pair.key as Node,
            `job "${id}" grants ${String(plain(pair.key))}: write without a # comment why`,
          );
      }
    }
  },
};

const templateInjection: WorkflowAudit = {
  id: "template-injection",
  description: "text an outsider controls never expands inside run: or a github-script script:",
  run(ctx) {
    visit(ctx.doc, {
      Pair(_key, pair) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const value = pair.value as Node | null;
        if (!isScalar(value) || !UNTRUSTED_CONTEXT.test(String(value.value))) return;
        // `script:` is actions/github-script's input: JavaScript, as dangerous as a shell line.
        if (key === "run" || key === "script")
          ctx.add(
            value,
            "user-controlled text inside run: pass it through env: or let the Action read the event payload",
          );
      },
    });
  },
};

const unpinnedUses: WorkflowAudit = {
  id: "unpinned-uses",
  description: "every action is pinned to a full commit SHA with a # vX.Y.Z comment",
  run(ctx) {
    visit(ctx.doc, {
      Pair(_key, pair) {
        if (!isScalar(pair.key) || pair.key.value !== "uses" || !isScalar(pair.value)) return;
        const value = pair.value;
        const uses = String(value.value);
        if (uses.startsWith("./") || uses.startsWith("docker://")) return;
        if (!PINNED.test(uses))
          ctx.add(value, `"${uses}" must be pinned to a full commit sha: owner/repo@<40 hex> # vX.Y.Z`);
        else if (!/^\s*v\d/.test(value.comment ?? ""))
          ctx.add(value, `"${uses}" needs a "# vX.Y.Z" comment naming the pinned version`);
      },
    });
  },
};

const dangerousTriggers: WorkflowAudit = {
  id: "dangerous-triggers",
  description: "no pull_request_target or workflow_run: they run with a write token on outside input",
  run(ctx) {
    for (const event of ctx.events.filter((e) => DANGEROUS_EVENTS.includes(e)))
      ctx.add(
        ctx.root.get("on", true) as Node,
        `"${event}" runs with a write token on outside input: use pull_request with contents: read`,
      );
  },
};

const cachePoisoning: WorkflowAudit = {
  id: "cache-poisoning",
  description: "no cache restored into a run that publishes a release",
  run(ctx) {
    const onTags = (() => {
      const push = mapOf(mapOf(ctx.root.get("on", true))?.get("push", true));
      return push?.has("tags") === true;
    })();
    if (!onTags && !ctx.events.some((e) => PUBLISHING_EVENTS.includes(e))) return;
    for (const [, job] of ctx.jobs)
      for (const step of stepsOf(job)) {
        const uses = usesOf(step);
        if (!uses || !(uses.action in CACHE_ACTIONS)) continue;
        const input = CACHE_ACTIONS[uses.action];
        const enabled =
          input === undefined || plain(mapOf(step.get("with", true))?.get(input, true)) !== undefined;
        if (enabled)
          ctx.add(uses.node, `${uses.action} restores a cache in a publishing run: build it clean`);
      }
  },
};

const githubEnv: WorkflowAudit = {
  id: "github-env",
  description: "no step writes GITHUB_ENV or GITHUB_PATH (a value there changes every later step)",
  run(ctx) {
    for (const [, job] of ctx.jobs)
      for (const step of stepsOf(job)) {
        const run = step.get("run", true);
        if (isScalar(run) && /\bGITHUB_(ENV|PATH)\b/.test(String(run.value)))
          ctx.add(run, "a run: step writes GITHUB_ENV or GITHUB_PATH: pass values as step outputs or env:");
      }
  },
};

const insecureCommands: WorkflowAudit = {
  id: "insecure-commands",
  description: "ACTIONS_ALLOW_UNSECURE_COMMANDS is never turned on",
  run(ctx) {
    visit(ctx.doc, {
      Pair(_key, pair) {
        if (isScalar(pair.key) && pair.key.value === "ACTIONS_ALLOW_UNSECURE_COMMANDS")
          ctx.add(pair.key, "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables set-env and add-path: remove it");
      },
    });
  },
};

const selfHostedRunner: WorkflowAudit = {
  id: "self-hosted-runner",
  description: "jobs run on GitHub-hosted runners: a self-hosted one keeps state between strangers' runs",
  run(ctx) {
    for (const [id, job] of ctx.jobs) {
      const runsOn = job.get("runs-on", true) as Node | undefined;
      const labels = isSeq(runsOn) ? runsOn.items.map((i) => String(plain(i))) : [String(plain(runsOn))];
      if (labels.includes("self-hosted")) ctx.add(runsOn, `job "${id}" runs on a self-hosted runner`);
    }
  },
};

const secretsInherit: WorkflowAudit = {
  id: "secrets-inherit",
  description: "a reusable workflow gets the secrets it names, not `secrets: inherit`",
  run(ctx) {
    for (const [id, job] of ctx.jobs) {
      const secrets = job.get("secrets", true) as Node | undefined;
      if (String(plain(secrets)) === "inherit")
        ctx.add(secrets, `job "${id}" passes every secret (secrets: inherit): name the ones it needs`);
    }
  },
};

const overprovisionedSecrets: WorkflowAudit = {
  id: "overprovisioned-secrets",
  description: "no expression hands over the whole secrets context",
  run(ctx) {
    visit(ctx.doc, {
      Scalar(_key, node) {
        if (/\$\{\{[^}]*\b(toJSON|tojson)\(\s*secrets\s*\)/.test(String(node.value)))
          ctx.add(node, "toJSON(secrets) exposes every secret to the step: pass the one it needs");
      },
    });
  },
};

const botConditions: WorkflowAudit = {
  id: "bot-conditions",
  description: "no `if:` trusts github.actor to be a bot (anyone can trigger a run a bot started)",
  run(ctx) {
    visit(ctx.doc, {
      Pair(_key, pair) {
        if (!isScalar(pair.key) || pair.key.value !== "if" || !isScalar(pair.value)) return;
        if (/github\.(actor|triggering_actor)\s*==\s*'[^']*\[bot\]'/.test(String(pair.value.value)))
          ctx.add(
            pair.value,
            "an if: compares github.actor with a bot: compare the event's user.login instead",
          );
      },
    });
  },
};

const hardcodedContainerCredentials: WorkflowAudit = {
  id: "hardcoded-container-credentials",
  description: "container and service credentials come from secrets, never literals",
  run(ctx) {
    visit(ctx.doc, {
      Pair(_key, pair) {
        if (!isScalar(pair.key) || pair.key.value !== "credentials" || !isMap(pair.value)) return;
        const password = pair.value.get("password", true);
        if (isScalar(password) && !String(password.value).includes("${{"))
          ctx.add(password, "a container password is written in the workflow: use ${{ secrets.… }}");
      },
    });
  },
};

const jobTimeout: WorkflowAudit = {
  id: "job-timeout",
  description: "papershelf's own: every job has timeout-minutes (the default holds a runner for 6 hours)",
  run(ctx) {
    for (const [id, job] of ctx.jobs) {
      // A job that calls a reusable workflow takes its timeouts from that workflow's jobs.
      if (job.has("uses")) continue;
      if (typeof plain(job.get("timeout-minutes", true)) !== "number")
        ctx.add(job, `job "${id}" has no timeout-minutes: a stalled step would hold a runner for six hours`);
    }
  },
};

/** Every audit the policy runs, in the order findings are reported. */
export const WORKFLOW_AUDITS: readonly WorkflowAudit[] = [
  excessivePermissions,
  dangerousTriggers,
  unpinnedUses,
  artipacked,
  templateInjection,
  undocumentedPermissions,
  cachePoisoning,
  githubEnv,
  insecureCommands,
  selfHostedRunner,
  secretsInherit,
  overprovisionedSecrets,
  botConditions,
  hardcodedContainerCredentials,
  jobTimeout,
];
