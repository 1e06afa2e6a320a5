import { markdownMessages } from "../markdown.js";
import type { LintRule } from "../types.js";
import { SHIKRA } from "./example-record.js";

export const markdownSyntax: LintRule = {
  id: "markdown-syntax",
  description: "Link and image syntax slips in Markdown text, found by remark-lint rules.",
  defaultSetting: "warning",
  rationale:
    "Runs remark-lint's `no-undefined-references` (`[text][ref]` or `[text]` with no definition renders as " +
    "literal brackets; write `\\[text]` for literal ones), `no-empty-url` (`[text]()`), " +
    "`correct-media-syntax` (`(text)[url]` instead of `[text](url)`) and `no-heading-like-paragraph` (seven " +
    "or more `#`). The message names the remark-lint rule.",
  examples: {
    pass: `${SHIKRA}
  date: 2023-06-27
  summary: Code at [GitHub](https://github.com/shikras/shikra).`,
    fail: `${SHIKRA}
  date: 2023-06-27
  summary: Code at [GitHub]().`,
  },
  check: ({ data }) =>
    markdownMessages(data)
      .filter((m) => m.kind === "syntax")
      .map((m) => ({
        path: m.field.path,
        range: m.range,
        message: `${m.field.name}: ${m.reason} (remark-lint ${m.rule})`,
      })),
};
