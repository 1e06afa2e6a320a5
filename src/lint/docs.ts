/**
 * docs/rules.md, generated from the rules themselves (ids, descriptions, defaults, rationales, examples and
 * the messages the failing examples really produce). It is one of the generated files (src/render/
 * generated.ts): `npm run readme` rewrites it and `papershelf build --check` (CI) fails when it is stale.
 * The text is committed as rendered (the file is in .prettierignore): prettier would re-align its tables.
 */
import { formatDiagnostic } from "../records/index.js";
import { CORE_RULES } from "./core-rules.js";
import { EXAMPLE_NOW, lintExample } from "./examples.js";
import { RULES } from "./rules/index.js";
import type { LintRule } from "./types.js";

const HEADER = `# Lint rules

<!-- Generated from src/lint/rules/*.ts by src/lint/docs.ts. Do not edit: change the rule, then run
     npm run readme -->

\`papershelf lint\` checks \`data/papers.yaml\` the way a careful reviewer would. It first validates the file
(the [core rules](#core-rules)); when the file is valid, every rule below runs on the whole list.

\`\`\`sh
papershelf lint [file] [--format text|json|github|markdown] [--changed-since <git-ref>] [--config <path>]
\`\`\`

| Exit code | Meaning |
| --- | --- |
| 0 | no errors (warnings allowed) |
| 1 | at least one error (invalid records included) |
| 2 | usage or configuration error (unknown flag or format, malformed \`.papershelf.yml\`, unknown git ref), or a missing or unreadable records file |
| 70 | internal error: a bug in papershelf, please report it |

Every papershelf command uses these codes (\`src/errors.ts\`); \`check\`, \`enrich\` and \`fix --redirects\`
add \`75\` (network unavailable, run it again later) and \`init\` adds \`130\` (cancelled at a question).

- \`--format text\` (default): \`file:line:col  rule-id  message\` per finding (warnings say \`warning\`), then a
  summary line.
- \`--format json\`: the [JSON report](#json-report).
- \`--format github\`: workflow commands (\`::error file=…,line=…,col=…,title=…::message\`), which GitHub shows as
  annotations on the pull request's lines. GitHub shows at most 10 errors and 10 warnings per step.
- \`--format markdown\`: a table of every finding for \`$GITHUB_STEP_SUMMARY\` (cut with a note past 1 MiB).
- \`--changed-since <ref>\`: reports only findings about entries added or changed since the git ref (compared by
  id and content, so moving an entry is no change) and findings about the file as a whole; the whole file
  is still validated and every rule still sees every entry, so a new entry that duplicates an old one is
  reported.

## Configuration

Severities live in one place, \`.papershelf.yml\`:

\`\`\`yaml
lint:
  rules:
    date-arxiv-mismatch: error # error | warning | off
    text-length: off
\`\`\`

An unknown rule id or severity is a configuration error with the config's file:line:column (exit 2).

A record can silence a rule for itself, with the reason:

\`\`\`yaml
  - id: alex-petrenko-sample-factory
    title: alex-petrenko/sample-factory
    lint-ignore:
      title-is-slug-or-url: seed title kept; see issue 3
\`\`\`

A silence that no longer matches a finding, or that names an unknown rule, is reported by
[\`unused-lint-ignore\`](#unused-lint-ignore). Core rules cannot be silenced or turned off.
`;

function ruleTable(rules: readonly LintRule[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSetting} | ${r.description} |`);
  return ["## Rules", "", "| Rule | Default | Checks |", "| --- | --- | --- |", ...rows, ""].join("\n");
}

function coreSection(): string {
  return [
    "## Core rules",
    "",
    "Reported by the records stage and always errors. The rules below still run on every record whose shape allows it; only a file that is not YAML, or whose category tree is broken, stops here.",
    "",
    "| Rule | Checks |",
    "| --- | --- |",
    ...CORE_RULES.map((r) => `| \`${r.id}\` | ${r.description} |`),
    "",
  ].join("\n");
}

function ruleSection(rule: LintRule): string {
  const messages = lintExample(rule.examples.fail)
    .filter((d) => d.ruleId === rule.id)
    .map(formatDiagnostic);
  return [
    `### ${rule.id}`,
    "",
    `${rule.description} Default: **${rule.defaultSetting}**.`,
    "",
    rule.rationale,
    "",
    "Passes:",
    "",
    "```yaml",
    rule.examples.pass,
    "```",
    "",
    "Fails:",
    "",
    "```yaml",
    rule.examples.fail,
    "```",
    "",
    "```text",
    ...messages,
    "```",
    "",
  ].join("\n");
}

const JSON_SECTION = `## JSON report

\`--format json\` prints one object. Fields are never missing (\`null\` instead); a change that removes or renames
a field increases \`version\`.

| Field | Type | Meaning |
| --- | --- | --- |
| \`version\` | number | Report format version, now \`1\`. |
| \`tool\` | \`"papershelf"\` | What made the report. |
| \`file\` | string | The linted file, relative to the working directory. |
| \`entries\` | number \\| null | Entries in the file; \`null\` when it could not be parsed. |
| \`onlyEntries\` | string[] \\| null | With \`--changed-since\`: the entry ids reported on; else \`null\`. |
| \`summary\` | \`{errors, warnings}\` | Counts of the diagnostics below. |
| \`diagnostics[]\` | object | Sorted by file, line, column, rule. |
| \`diagnostics[].ruleId\` | string | A rule id from this page. |
| \`diagnostics[].severity\` | \`"error"\` \\| \`"warning"\` | |
| \`diagnostics[].message\` | string | What was found and what was expected. |
| \`diagnostics[].file\` | string | |
| \`diagnostics[].line\`, \`column\` | number | 1-based start of the YAML node (or of the text inside it). |
| \`diagnostics[].endLine\`, \`endColumn\` | number | 1-based end; equal to the start when unknown. |
| \`diagnostics[].entryId\` | string \\| null | The entry the finding is about. |
| \`diagnostics[].docs\` | string | \`docs/rules.md#<rule-id>\`; \`docs/rules.md#core-rules\` for a core rule. |

## Performance

\`npm run bench\` prints lint time for 1,000 and 10,000 synthetic records, parse time apart (goal: lint under
1 s for 10,000). Duplicates are found with one Map from identity key (normalized URL, arXiv id, DOI,
normalized title) to the first entry that had it: each entry costs a few lookups, so 10,000 entries need
about 40,000 Map operations instead of 50 million pairwise comparisons. Repeated sentences use one Map per
text in the same way.
`;

/** The whole of docs/rules.md. */
export function renderRulesDoc(rules: readonly LintRule[] = RULES): string {
  const note = `Examples are linted as of ${EXAMPLE_NOW.toISOString().slice(0, 10)} inside a one-category file.`;
  return [HEADER, ruleTable(rules), note, "", ...rules.map(ruleSection), coreSection(), JSON_SECTION].join(
    "\n",
  );
}
