/**
 * `intakeSubmission`: the intake as the CLI and the Action both run it, wired once: the project's lint
 * severities, the README's entry template for the preview (a plain preview when the templates are broken),
 * and, when the edge hands one in, the check of the submitted links (intake-link-check.ts).
 */
import type { ProjectConfig } from "../config/index.js";
import { ConfigError } from "../errors.js";
import {
  createEntryLinker,
  createEntryRenderer,
  runIntake,
  type IntakeArxivLookup,
  type IntakeLinkCheck,
  type IntakeLint,
  type IntakeResult,
} from "../intake/index.js";
import { lintList, parseLintConfig, RULES } from "../lint/index.js";
import { formatDiagnostic, type Diagnostic } from "../records/index.js";
import { readTemplates } from "../render/index.js";

/** The lint as the intake runs it: the whole list with the new record, the project's severities. */
function createIntakeLint(config: ProjectConfig): IntakeLint {
  const settings = parseLintConfig(config, RULES);
  if (!settings.ok) throw new ConfigError(settings.errors.map(formatDiagnostic).join("\n"));
  return ({ parsed, entryId, now }) =>
    lintList(parsed, { now, settings: settings.settings, onlyEntryIds: new Set([entryId]) });
}

export interface IntakeSubmissionInput {
  config: ProjectConfig;
  /** The issue body, the form's YAML and data/papers.yaml as they are on the base. */
  body: string;
  template: string;
  papersText: string;
  /** How the data file is named in messages. */
  file: string;
  now: Date;
  /** Reads the templates (the workspace, or a commit's files); undefined when missing or unreadable. */
  readText(path: string): Promise<string | undefined>;
  displayPath(path: string): string;
  /**
   * Where the README is shown, for the link to an entry a duplicate repeats: its blob URL at the base commit
   * on GitHub, or its path (the CLI).
   */
  readmeUrl: string;
  /** The submitted links' check; none: links are not requested (the CLI). */
  checkLinks?: IntakeLinkCheck;
  /** Fills what the submitter left empty from arXiv (one request); none: nothing is looked up. */
  lookupArxiv?: IntakeArxivLookup;
}

export interface IntakeSubmission {
  result: IntakeResult;
  /** Why the preview is plain: the templates' errors, for the maintainers (never the submitter). */
  templateErrors: Diagnostic[];
}

export async function intakeSubmission(input: IntakeSubmissionInput): Promise<IntakeSubmission> {
  const lint = createIntakeLint(input.config);
  const templates = await readTemplates(input.config.templates, input.readText, input.displayPath);
  const result = await runIntake({
    body: input.body,
    template: input.template,
    papersText: input.papersText,
    file: input.file,
    now: input.now,
    lint,
    ...(input.checkLinks ? { checkLinks: input.checkLinks } : {}),
    ...(input.lookupArxiv ? { lookupArxiv: input.lookupArxiv } : {}),
    ...(templates.ok
      ? {
          renderEntry: createEntryRenderer(templates.templates),
          // A duplicate's answer links the listed entry's category in the README, with the generator's anchors.
          linkToEntry: createEntryLinker(
            templates.templates,
            await input.readText(input.config.readme),
            input.readmeUrl,
          ),
        }
      : {}),
  });
  return { result, templateErrors: templates.ok ? [] : templates.errors };
}
