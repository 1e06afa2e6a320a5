/**
 * The first README: the list's name, a short intro, how to submit, and the zones `papershelf build` fills.
 * The `site` zone comes first and stays empty until `site.url` is set in `.papershelf.yml`; then the README's
 * first line links the site.
 */
import type { InitAnswers, Language } from "./answers.js";
import { say } from "./phrases.js";

export function renderReadmeFile({ name, languages }: InitAnswers): string {
  const each = (key: Parameters<typeof say>[0]) => languages.map((l) => say(key, [l])).join("\n\n");
  return `<!-- papershelf:begin site -->
<!-- papershelf:end site -->

# ${name}

${each("readmeIntro")}

## ${say("readmeSubmitHeading", languages)}

${each("readmeSubmit")}

## ${say("readmeContents", languages)}

<!-- papershelf:begin toc -->
<!-- papershelf:end toc -->

<!-- papershelf:begin entries -->
<!-- papershelf:end entries -->

Kept with [papershelf](https://www.npmjs.com/package/papershelf): \`npx papershelf build\` regenerates the zones
between the \`papershelf:begin\`/\`papershelf:end\` markers from \`data/papers.yaml\`; edit everything else freely.
`;
}

/** `.papershelf.yml`: the default paths, spelled out, and the languages of the generated form labels. */
export function renderConfigFile(languages: readonly Language[]): string {
  return `# papershelf project config. Every key is optional; \`npx papershelf <command> --help\` explains each.
data: data/papers.yaml
readme: README.md
templates: templates
issueForm: .github/ISSUE_TEMPLATE/submit-paper.yml
# The languages of the labels \`papershelf build\` generates in the submission form, in order (en, zh-TW).
languages: [${languages.join(", ")}]
`;
}
