/** Every lint rule, in the order docs/rules.md lists them. Add a rule: one file in this folder, one line here. */
import type { LintRule } from "../types.js";
import { dateArxivMismatch } from "./date-arxiv-mismatch.js";
import { dateRule } from "./date.js";
import { duplicateEntry } from "./duplicate-entry.js";
import { emptyCategory } from "./empty-category.js";
import { imageUrl } from "./image-url.js";
import { markdownStructure } from "./markdown-structure.js";
import { markdownSyntax } from "./markdown-syntax.js";
import { repeatedSentence } from "./repeated-sentence.js";
import { repoLabelMismatch } from "./repo-label-mismatch.js";
import { repoMalformed } from "./repo-malformed.js";
import { requiredFields } from "./required-fields.js";
import { textHygiene } from "./text-hygiene.js";
import { textLength } from "./text-length.js";
import { titleIsSlugOrUrl } from "./title-is-slug-or-url.js";
import { unusedLintIgnore } from "./unused-lint-ignore.js";
import { urlHttps } from "./url-https.js";
import { urlLocalHost } from "./url-local-host.js";
import { urlScheme } from "./url-scheme.js";
import { urlTrailingPunctuation } from "./url-trailing-punctuation.js";
import { venueLooksLikeDate } from "./venue-looks-like-date.js";

export const RULES: readonly LintRule[] = [
  requiredFields,
  duplicateEntry,
  dateRule,
  dateArxivMismatch,
  venueLooksLikeDate,
  titleIsSlugOrUrl,
  repoLabelMismatch,
  repoMalformed,
  urlScheme,
  urlHttps,
  urlLocalHost,
  urlTrailingPunctuation,
  imageUrl,
  repeatedSentence,
  markdownStructure,
  markdownSyntax,
  textHygiene,
  textLength,
  emptyCategory,
  unusedLintIgnore,
];
