/**
 * Markdown checks with remark-lint: the Markdown fields (摘要, notes, intros) are parsed as GitHub renders
 * them (remark-gfm) and run through remark-lint rules — published ones for link syntax and our own, written
 * with unified-lint-rule, for what breaks the generated README (headings, unclosed fences, broken tables).
 * Two lint rules read the result: markdown-structure and markdown-syntax.
 */
import type { Code, Heading, Paragraph, Root, Table } from "mdast";
import remarkLint from "remark-lint";
import remarkLintCorrectMediaSyntax from "remark-lint-correct-media-syntax";
import remarkLintNoEmptyUrl from "remark-lint-no-empty-url";
import remarkLintNoHeadingLikeParagraph from "remark-lint-no-heading-like-paragraph";
import remarkLintNoUndefinedReferences from "remark-lint-no-undefined-references";
import { unified } from "unified";
import { lintRule } from "unified-lint-rule";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import type { PapersFile } from "../records/index.js";
import { entryMarkdown, listTexts, type FieldRef } from "./walk.js";
import { describeMarkdownLimit, parseMarkdown } from "../markdown/index.js";

const ORIGIN = "papershelf";

/** Any heading ends the entry early in the README: entries sit under category headings. */
const noHeading = lintRule<Root>(`${ORIGIN}:no-heading`, (tree, file) => {
  const text = String(file);
  visit(tree, "heading", (node: Heading) => {
    const start = node.position?.start.offset ?? 0;
    const title =
      text
        .slice(start, node.position?.end.offset ?? start)
        .split("\n")[0]
        ?.trim() ?? "";
    const setext = !text.slice(start).trimStart().startsWith("#");
    file.message(
      setext
        ? `the line of ${node.depth === 1 ? "=" : "-"} under ${JSON.stringify(title)} makes it a level-${node.depth} heading, which would break the README's structure; expected a blank line before the rule, or bold text`
        : `heading ${JSON.stringify(title)} (level ${node.depth}) would break the README's structure, where entries sit under category headings; expected **bold** text instead`,
      node,
    );
  });
});

/** A fence without its closing line swallows the rest of the entry as code. */
const noUnclosedFence = lintRule<Root>(`${ORIGIN}:no-unclosed-fence`, (tree, file) => {
  const text = String(file);
  visit(tree, "code", (node: Code) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const lines = text.slice(start, end).split("\n");
    const opening = /^\s*(`{3,}|~{3,})/.exec(lines[0] ?? "")?.[1];
    if (!opening) return; // indented code
    const last = (lines.length > 1 ? lines[lines.length - 1] : "")?.replace(/^[\s>]*/, "").trimEnd() ?? "";
    const closes = last.length >= opening.length && [...last].every((c) => c === opening[0]);
    if (!closes)
      file.message(
        `code fence ${opening} is never closed, so everything after it renders as code; expected a closing ${opening} line`,
        node.position?.start,
      );
  });
});

/** A table GitHub will not render (missing delimiter row, mismatched cells) shows as raw pipes. */
const noBrokenTable = lintRule<Root>(`${ORIGIN}:no-broken-table`, (tree, file) => {
  const text = String(file);
  visit(tree, "paragraph", (node: Paragraph) => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return;
    const rows = text
      .slice(start.offset, end.offset)
      .split("\n")
      .filter((l) => /^\s*\|.*\|\s*$/.test(l));
    if (rows.length >= 2)
      file.message(
        "these lines look like a table but GitHub renders them as text; expected a header row, a delimiter row like | --- | --- | with the same number of cells, then the rows",
        node,
      );
  });
  visit(tree, "table", (node: Table) => {
    const columns = node.children[0]?.children.length ?? 0;
    for (const row of node.children.slice(1)) {
      if (row.children.length > columns)
        file.message(
          `table row has ${row.children.length} cells but the header has ${columns}; GitHub drops the extra cells; expected ${columns}`,
          row,
        );
    }
  });
});

/** Built once: building the processor costs more than running it on one 摘要. It runs on src/markdown's tree. */
const processor = unified()
  .use(remarkLint)
  .use(remarkLintNoUndefinedReferences)
  .use(remarkLintNoEmptyUrl)
  .use(remarkLintCorrectMediaSyntax)
  .use(remarkLintNoHeadingLikeParagraph)
  .use(noHeading)
  .use(noUnclosedFence)
  .use(noBrokenTable)
  .freeze();

/** Rules whose findings break the README's layout; the others are link syntax slips. */
const STRUCTURE_RULES = new Set(["no-heading", "no-unclosed-fence", "no-broken-table"]);

/**
 * Text without any of these characters cannot trip a check above, so remark does not need to parse it:
 * most 摘要 are plain prose and this keeps 10,000 entries well under a second.
 */
const MAY_HAVE_MARKUP = /[`~|#[\]<(]|^ {0,3}(?:-+|=+)[ \t]*$/m;

export interface MarkdownMessage {
  field: FieldRef;
  kind: "structure" | "syntax";
  /** remark-lint rule name, e.g. no-undefined-references. */
  rule: string;
  reason: string;
  range: [number, number];
}

/** Lints one Markdown text; positions are offsets into it. */
export function lintMarkdownText(field: FieldRef): MarkdownMessage[] {
  if (!MAY_HAVE_MARKUP.test(field.value)) return [];
  // Past the parser's limits remark overflows its stack or takes minutes: reported instead of parsed.
  const parsed = parseMarkdown(field.value);
  if (!parsed.ok) {
    const tooComplex = parsed.problem;
    const { message, hint } = describeMarkdownLimit(tooComplex);
    const start = tooComplex.limit === "depth" ? lineOffset(field.value, tooComplex.line) : 0;
    return [
      { field, kind: "structure", rule: "too-complex", reason: `${message}. ${hint}`, range: [start, start] },
    ];
  }
  const file = new VFile({ value: field.value });
  processor.runSync(parsed.tree, file);
  const lineStarts = [0];
  for (let i = field.value.indexOf("\n"); i !== -1; i = field.value.indexOf("\n", i + 1))
    lineStarts.push(i + 1);
  const offset = (point: { line: number; column: number } | undefined) =>
    point ? (lineStarts[point.line - 1] ?? 0) + point.column - 1 : 0;
  return file.messages.map((m) => {
    const rule = m.ruleId ?? "remark";
    const start = offset(m.place && "start" in m.place ? m.place.start : m.place);
    const end = m.place && "end" in m.place ? offset(m.place.end) : start;
    return {
      field,
      kind: STRUCTURE_RULES.has(rule) ? "structure" : "syntax",
      rule,
      reason: m.reason,
      range: [start, end] as [number, number],
    };
  });
}

/** Offset of the first character of 1-based line `line`. */
function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) offset = text.indexOf("\n", offset) + 1;
  return offset;
}

const cache = new WeakMap<PapersFile, MarkdownMessage[]>();

/** All Markdown messages of a list, computed once per list and shared by both Markdown rules. */
export function markdownMessages(data: PapersFile): MarkdownMessage[] {
  let messages = cache.get(data);
  if (!messages) {
    const fields = [...listTexts(data).markdown, ...data.entries.flatMap((e, i) => entryMarkdown(e, i))];
    messages = fields.flatMap(lintMarkdownText);
    cache.set(data, messages);
  }
  return messages;
}
