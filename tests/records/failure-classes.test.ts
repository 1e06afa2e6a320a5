/**
 * One test per failure class of data/papers.yaml: each asserts the rule, the message (what was found, what
 * was expected) and the exact line:column a person or an editor jumps to.
 */
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/records/diagnostics.js";
import { parseRecords } from "../../src/records/parse.js";

const VALID = `categories:
  - id: llm
    title: LLM
entries:
  - id: shikra
    title: Shikra
    url: https://arxiv.org/abs/2306.15195
    kind: paper
    category: llm
    date: "2023-06"
`;

/** The formatted errors of `text` (file:line:col  rule  message). */
function errorsOf(text: string): string[] {
  const result = parseRecords(text, "data/papers.yaml");
  return result.ok ? [] : result.errors.map(formatDiagnostic);
}

function edit(find: string, replace: string, text = VALID): string {
  if (!text.includes(find)) throw new Error(`fixture has no ${JSON.stringify(find)}`);
  return text.replace(find, replace);
}

describe("records: every failure class says what and where", () => {
  test("the valid base has no errors", () => {
    expect(parseRecords(VALID).ok).toBe(true);
  });

  test("YAML syntax error", () => {
    const errors = errorsOf(edit("    kind: paper\n", "   kind: paper\n"));
    expect(errors[0]).toBe(
      "data/papers.yaml:8:4  yaml-syntax  YAML syntax error: bad indentation of a sequence entry",
    );
  });

  test("YAML syntax error: an unclosed flow sequence", () => {
    const errors = errorsOf(edit("    title: Shikra\n", "    title: [Shikra\n"));
    expect(errors[0]).toBe(
      "data/papers.yaml:7:5  yaml-syntax  YAML syntax error: missed comma between flow collection entries",
    );
  });

  test("a second YAML document is named as one, at its ---", () => {
    expect(errorsOf(`${VALID}---\nentries: []\n`)).toEqual([
      "data/papers.yaml:11:1  yaml-syntax  YAML syntax error: a second document starts here; the data file is one document: remove this line, or the document after it",
    ]);
  });

  test("YAML's document markers around the one document are fine", () => {
    expect(errorsOf(`---\n${VALID}...\n`)).toEqual([]);
    expect(parseRecords(`${VALID}... # end of the list\n`).ok).toBe(true);
  });

  test("an empty file says it is empty", () => {
    expect(errorsOf("")).toEqual([
      "data/papers.yaml:1:1  schema  the file is empty; a records file holds `categories:` and `entries:`",
    ]);
  });

  test("duplicate key", () => {
    expect(errorsOf(edit("    kind: paper\n", "    kind: paper\n    kind: dataset\n"))).toEqual([
      'data/papers.yaml:9:5  duplicate-key  duplicate key "kind" (first on line 8); a mapping may name each key once: keep one',
    ]);
  });

  test("unknown field", () => {
    expect(errorsOf(edit("    kind: paper\n", "    kind: paper\n    autor: X\n"))).toEqual([
      'data/papers.yaml:9:5  schema  unknown field "autor" in entry "shikra"; expected one of: id, title, authors, url, kind, category, date, venue, arxiv, doi, arxiv-category, journal-ref, repos, links, images, extra, summary, abstract, note, aside, tags, added, previous-urls, lint-ignore',
    ]);
  });

  test("wrong type: an unquoted year is a number", () => {
    expect(errorsOf(edit('    date: "2023-06"\n', "    date: 2023\n"))).toEqual([
      'data/papers.yaml:10:11  schema  entry "shikra" › date should be a string, found number 2023 — quote it, e.g. "2023"',
    ]);
  });

  test("wrong type: an unquoted arXiv id is a number, shown as YAML read it", () => {
    const edited = edit('    date: "2023-06"\n', '    date: "2023-06"\n    arxiv: 2306.10010\n');
    expect(errorsOf(edited)).toEqual([
      'data/papers.yaml:11:12  schema  entry "shikra" › arxiv should be a string, found number 2306.1001 — quote it as you wrote it ("…"): unquoted, YAML reads a number and drops trailing zeros',
    ]);
  });

  test("wrong type: a list where text belongs", () => {
    expect(errorsOf(edit("    title: Shikra\n", "    title: [a, b]\n"))).toEqual([
      'data/papers.yaml:6:12  schema  entry "shikra" › title should be a string, found a list',
    ]);
  });

  test("wrong type: a bare URL where a repository item ({ url }) belongs says how to write it", () => {
    const [error] = errorsOf(
      edit("    kind: paper\n", "    kind: paper\n    repos: [https://github.com/shikras/shikra]\n"),
    );
    expect(error).toMatch(
      /› repos › item #1 should be an object, found "https:\/\/github\.com\/shikras\/shikra" — write the item as "- url: https:\/\/github\.com\/shikras\/shikra"$/,
    );
  });

  test("a value of the wrong shape says what one looks like, not what the field is for", () => {
    expect(errorsOf(edit("  - id: shikra\n", '  - id: "Shikra VLM"\n'))).toEqual([
      'data/papers.yaml:5:9  schema  entry "Shikra VLM" › id is "Shikra VLM"; expected a kebab-case id: lowercase letters a–z, digits and hyphens, starting and ending with a letter or digit, at most 80 characters (e.g. "segment-anything")',
    ]);
    expect(errorsOf(edit('    date: "2023-06"\n', '    date: "2023/06"\n'))).toEqual([
      'data/papers.yaml:10:11  schema  entry "shikra" › date is "2023/06"; expected a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2023-06")',
    ]);
    expect(errorsOf(edit("    kind: paper\n", "    kind: paper\n    arxiv: arXiv:2306.15195\n"))).toEqual([
      'data/papers.yaml:9:12  schema  entry "shikra" › arxiv is "arXiv:2306.15195"; expected an arXiv id without the "arXiv:" prefix (e.g. 2306.15195, 2306.15195v2 or hep-th/9901001)',
    ]);
    expect(errorsOf(edit("https://arxiv.org/abs/2306.15195", "arxiv.org/abs/2306.15195"))).toEqual([
      'data/papers.yaml:7:10  schema  entry "shikra" › url is "arxiv.org/abs/2306.15195"; expected an http(s) URL with no spaces (e.g. https://arxiv.org/abs/2306.15195)',
    ]);
  });

  test("duplicate id", () => {
    const twice = VALID + VALID.slice(VALID.indexOf("  - id: shikra"));
    expect(errorsOf(twice)).toEqual([
      'data/papers.yaml:11:9  duplicate-id  duplicate entry id "shikra": already used on line 5',
    ]);
  });

  test("unknown category", () => {
    expect(errorsOf(edit("    category: llm\n", "    category: vision\n"))).toEqual([
      'data/papers.yaml:9:15  unknown-category  entry "shikra" names unknown category "vision"; expected one of: llm',
    ]);
  });

  test("an alias to an anchor that does not exist is a positioned syntax error, not a crash", () => {
    expect(errorsOf(edit("    category: llm\n", "    category: *nope\n"))).toEqual([
      'data/papers.yaml:9:15  yaml-syntax  YAML alias "*nope" has no anchor "&nope" before it; define the anchor earlier or write the value out',
    ]);
    expect(errorsOf("categories: *nope\nentries: []\n")).toEqual([
      'data/papers.yaml:1:13  yaml-syntax  YAML alias "*nope" has no anchor "&nope" before it; define the anchor earlier or write the value out',
    ]);
  });

  test("an alias bomb is refused at its first anchor, before anything expands", () => {
    const bomb = [
      "x1: &a [x, x, x, x, x, x, x, x, x, x]",
      "x2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "x3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "x4: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "",
    ].join("\n");
    const errors = errorsOf(bomb);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(
      'data/papers.yaml:1:5  yaml-syntax  YAML anchor "&a": anchors and aliases are not allowed in the data file; write the value out where it is used',
    );
  });

  test("an alias, an anchor and a tag are refused where they stand", () => {
    const anchored = edit("    category: llm\n", "    category: &c llm\n");
    expect(errorsOf(anchored)).toEqual([
      'data/papers.yaml:9:15  yaml-syntax  YAML anchor "&c": anchors and aliases are not allowed in the data file; write the value out where it is used',
    ]);
    expect(errorsOf("categories: &x []\nentries: *x\n")[0]).toBe(
      'data/papers.yaml:1:13  yaml-syntax  YAML anchor "&x": anchors and aliases are not allowed in the data file; write the value out where it is used',
    );
    expect(errorsOf(edit('    date: "2023-06"\n', "    date: !!str 2023-06\n"))).toEqual([
      'data/papers.yaml:10:11  yaml-syntax  YAML tag "!!str": tags are not used in the data file; write the value plainly (quote it to keep it text)',
    ]);
  });

  test("positions are exact with Chinese text before the error (columns count characters)", () => {
    const text = edit(
      "    title: LLM\n",
      "    title: 大型語言模型\n    intro: 這是一段說明\n    colour: red\n",
    );
    expect(errorsOf(text)).toEqual([
      'data/papers.yaml:5:5  schema  unknown field "colour" in category "llm"; expected one of: id, title, intro, children',
    ]);
  });
});
