/**
 * Runs the Action's `run()` the way the runner does — INPUT_* variables, GITHUB_* variables, an event payload
 * file, a workspace — against the loopback GitHub mock, with a reporter that records annotations, outputs and
 * the job summary. Links the intake checks are answered by an undici MockAgent (no request leaves the process).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MockAgent } from "undici";
import { run } from "../../src/main.js";
import type { ActionReporter, AnnotationLevel, AnnotationPlace } from "../../src/action/runtime.js";
import { MockGitHub } from "../github/mock-github.js";

export const FIXTURES = path.resolve("tests/fixtures/action");

export class RecordingReporter implements ActionReporter {
  readonly infos: string[] = [];
  readonly annotations: { level: AnnotationLevel; message: string; place?: AnnotationPlace }[] = [];
  readonly outputs: Record<string, string> = {};
  summary = "";
  failed: string | undefined;
  info(message: string): void {
    this.infos.push(message);
  }
  annotate(level: AnnotationLevel, message: string, place?: AnnotationPlace): void {
    this.annotations.push({ level, message, ...(place ? { place } : {}) });
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summary += markdown;
  }
  setFailed(message: string): void {
    this.failed = message;
  }
}

/** A temp copy of the fixture repository plus the project's templates and submission form. */
export async function makeWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "papershelf-action-"));
  await cp(path.join(FIXTURES, "repo"), dir, { recursive: true });
  await cp("templates", path.join(dir, "templates"), { recursive: true });
  await cp(".github/ISSUE_TEMPLATE", path.join(dir, ".github/ISSUE_TEMPLATE"), { recursive: true });
  return dir;
}

export async function removeWorkspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A repository for one test: the mock GitHub, a workspace, and main on the mock holding the workspace's files. */
export interface TestRepository {
  mock: MockGitHub;
  workspace: string;
  /** The commit of main on the mock. */
  main: string;
}

/** Starts the mock and seeds main with a fresh workspace; `stopRepository` undoes it (call it in afterEach). */
export async function startRepository(): Promise<TestRepository> {
  const mock = await new MockGitHub().start();
  const workspace = await makeWorkspace();
  return { mock, workspace, main: mock.seedBranch(await workspaceFiles(workspace)) };
}

export async function stopRepository({ mock, workspace }: Pick<TestRepository, "mock" | "workspace">) {
  await mock.close();
  await removeWorkspace(workspace);
}

/** Every file of the workspace, by repository path: what the mock's main branch holds. */
export async function workspaceFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join("/")] = await readFile(full, "utf8");
  }
  return files;
}

export async function readEvent(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(FIXTURES, "events", `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;
}

/** Answers every link on these origins with 200, like the sites would. */
export function healthyLinks(origins: readonly string[]): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  for (const origin of origins)
    agent
      .get(origin)
      .intercept({ path: () => true, method: () => true })
      .reply(200, "<html><title>ok</title><body>a page</body></html>", {
        headers: { "content-type": "text/html" },
      })
      .persist();
  return agent;
}

export const SUBMISSION_ORIGINS = ["https://arxiv.org", "https://github.com"];

export interface ActionRun {
  reporter: RecordingReporter;
  code: number;
}

export interface RunOptions {
  mock: MockGitHub;
  workspace: string;
  eventName: string;
  payload: unknown;
  inputs: Record<string, string>;
  /** GITHUB_SHA: the commit the workspace holds. */
  sha: string;
  ref?: string;
  links?: MockAgent;
  now?: Date;
  /** More environment: PAPERSHELF_ARXIV_API_URL pointing at a loopback arXiv. */
  env?: Record<string, string>;
}

/**
 * The variables GitHub's runner sets for a step of this workflow, inputs as INPUT_*; the event payload is
 * at `eventPath`.
 */
export function runnerEnv(
  options: Pick<RunOptions, "mock" | "workspace" | "eventName" | "inputs" | "sha" | "ref" | "env">,
  eventPath: string,
): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${options.mock.owner}/${options.mock.repo}`,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref ?? "refs/heads/main",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.mock.url,
    GITHUB_GRAPHQL_URL: `${options.mock.url}/graphql`,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    INPUT_TOKEN: "ghs_test-token",
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** One step of a workflow: the Action with these inputs on this event. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const eventPath = path.join(options.workspace, "..", `${path.basename(options.workspace)}-event.json`);
  await writeFile(eventPath, JSON.stringify(options.payload));
  const env = runnerEnv(options, eventPath);
  const reporter = new RecordingReporter();
  try {
    const code = await run({
      env,
      reporter,
      client: { throttle: false },
      now: () => options.now ?? new Date("2026-11-29T06:30:00Z"),
      ...(options.links ? { linkDispatcher: options.links } : {}),
    });
    return { reporter, code };
  } finally {
    await rm(eventPath, { force: true });
  }
}

/** The issue as GitHub holds it when the event fires: the intake reads it back through the API. */
export function seedIssue(
  mock: MockGitHub,
  payload: Record<string, unknown>,
): ReturnType<MockGitHub["addIssue"]> {
  const issue = payload.issue as { title: string; body: string; labels: { name: string }[] };
  return mock.addIssue({ title: issue.title, body: issue.body, labels: issue.labels.map((l) => l.name) });
}

/** One `command: intake` step on this event, the submitted links (arXiv, GitHub) answered as healthy. */
export function runIntakeStep(
  repo: { mock: MockGitHub; workspace: string; sha: string },
  eventName: string,
  payload: unknown,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction({
    ...repo,
    eventName,
    payload,
    inputs: { command: "intake", ...inputs },
    links: healthyLinks(SUBMISSION_ORIGINS),
  });
}
