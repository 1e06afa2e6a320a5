/**
 * What the Action's `run()` is handed: the environment (INPUT_*, GITHUB_*), and a reporter for annotations,
 * outputs and the job summary. `src/main.ts` passes process.env and @actions/core; tests pass their own, so
 * nothing here reads globals and a test can run the Action twice in one process.
 */
import type { Dispatcher } from "undici";
import type { GitHubClientOptions } from "../github/index.js";

export type AnnotationLevel = "error" | "warning" | "notice";

export interface AnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface ActionReporter {
  info(message: string): void;
  annotate(level: AnnotationLevel, message: string, place?: AnnotationPlace): void;
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary (1 MiB per step). */
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

export interface ActionRuntime {
  env: Readonly<Record<string, string | undefined>>;
  reporter: ActionReporter;
  /** Options merged into the GitHub client; loopback tests turn throttling off. */
  client?: Partial<GitHubClientOptions>;
  /** The HTTP client for link checks (default: one sized by the check config); tests pass a mock. */
  linkDispatcher?: Dispatcher;
  /** The clock (lint's date rules, report timestamps). */
  now?: () => Date;
}
