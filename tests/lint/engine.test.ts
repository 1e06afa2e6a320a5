import { describe, expect, it } from "vitest";
import { RULES } from "../../src/lint/index.js";
import { lintText, NOW } from "./helpers.js";

const FILE = `categories:
  - id: llm
    title: LLM
entries:
  - id: kosmos-1
    title: "Language Is Not All You Need: Aligning Perception with Language Models"
    url: https://arxiv.org/abs/2302.14045
    kind: paper
    category: llm
    date: 2023-02-27
  - id: cs-deathmatch
    title: alex-petrenko/sample-factory
    url: https://arxiv.org/abs/2104.04258
    kind: paper
    category: llm
    date: 2021-04-09
  - id: kosmos-1-again
    title: Kosmos-1
    url: https://huggingface.co/papers/2302.14045
    kind: paper
    category: llm
    date: 2023-02-27
    summary: |
      First line of the 摘要.
      這句話會被重複一次，這句話很長。這句話會被重複一次，這句話很長。
`;

const brief = (list: ReturnType<typeof lintText>) =>
  list.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

describe("lintList", () => {
  it("reports each rule's findings at the exact node, with the entry id", () => {
    const found = lintText(FILE);
    expect(brief(found)).toEqual([
      "12:12 error title-is-slug-or-url",
      "19:10 error duplicate-entry",
      "25:23 error repeated-sentence",
    ]);
    expect(found.map((d) => d.entryId)).toEqual(["cs-deathmatch", "kosmos-1-again", "kosmos-1-again"]);
  });

  it("points inside a block literal at the repeated sentence's line and column", () => {
    const repeated = lintText(FILE).find((d) => d.ruleId === "repeated-sentence");
    expect(repeated).toMatchObject({ line: 25, column: 23, endLine: 25, endColumn: 39 });
    expect(FILE.split("\n")[24]?.slice(22, 38)).toBe("這句話會被重複一次，這句話很長。");
  });

  it("takes severities from settings: off skips a rule, warning downgrades it", () => {
    const found = lintText(FILE, {
      settings: { "title-is-slug-or-url": "off", "duplicate-entry": "warning" },
    });
    expect(brief(found)).toEqual(["19:10 warning duplicate-entry", "25:23 error repeated-sentence"]);
  });

  it("lets a record silence a rule for itself, and then reports nothing for it", () => {
    const silenced = FILE.replace(
      "    date: 2021-04-09\n",
      "    date: 2021-04-09\n    lint-ignore:\n      title-is-slug-or-url: seed title kept; see issue 3\n",
    );
    expect(brief(lintText(silenced))).toEqual([
      "21:10 error duplicate-entry",
      "27:23 error repeated-sentence",
    ]);
  });

  it("does not judge a silence for a rule that is off", () => {
    const silenced = FILE.replace(
      "    date: 2023-02-27\n  - id: cs",
      "    date: 2023-02-27\n    lint-ignore:\n      text-length: long on purpose\n  - id: cs",
    );
    expect(lintText(silenced, { settings: { "text-length": "off" } }).map((d) => d.ruleId)).not.toContain(
      "unused-lint-ignore",
    );
    expect(lintText(silenced).map((d) => d.ruleId)).toContain("unused-lint-ignore");
  });

  it("with onlyEntryIds reports those entries, including a duplicate whose other half changed", () => {
    // kosmos-1 "changed": the duplicate is reported on kosmos-1-again but concerns kosmos-1 too.
    expect(brief(lintText(FILE, { onlyEntryIds: new Set(["kosmos-1"]) }))).toEqual([
      "19:10 error duplicate-entry",
    ]);
    expect(brief(lintText(FILE, { onlyEntryIds: new Set(["cs-deathmatch"]) }))).toEqual([
      "12:12 error title-is-slug-or-url",
    ]);
    expect(lintText(FILE, { onlyEntryIds: new Set() })).toEqual([]);
  });

  it("keeps file-level findings (categories) when narrowed to entries", () => {
    const withEmpty = FILE.replace("    title: LLM\n", "    title: LLM\n  - id: rl\n    title: RL\n");
    const found = lintText(withEmpty, { onlyEntryIds: new Set() });
    expect(found.map((d) => d.ruleId)).toEqual(["empty-category"]);
  });

  it("reports parse errors and rule findings in one pass", () => {
    const broken = FILE.replace(
      "category: llm\n    date: 2021-04-09",
      "category: nowhere\n    date: 2021-04-09",
    );
    expect(brief(lintText(broken))).toEqual([
      "12:12 error title-is-slug-or-url",
      "15:15 error unknown-category",
      "19:10 error duplicate-entry",
      "25:23 error repeated-sentence",
    ]);
  });

  it("runs the rules on what a broken record has, and on every other record", () => {
    // kosmos-1's required url is broken: it sits out. cs-deathmatch's optional date is broken: the rules
    // still see the rest of it (its slug title).
    const broken = FILE.replace("url: https://arxiv.org/abs/2302.14045", "url: javascript:alert(1)").replace(
      "date: 2021-04-09",
      "date: April 2021",
    );
    expect(brief(lintText(broken))).toEqual([
      "7:10 error schema",
      "12:12 error title-is-slug-or-url",
      "16:11 error schema",
      "25:23 error repeated-sentence",
    ]);
  });

  it("does not call a category empty when its only record is broken", () => {
    const broken = FILE.replace(/kind: paper/g, "kind: poster");
    expect(brief(lintText(broken))).toEqual([
      "8:11 error schema",
      "14:11 error schema",
      "20:11 error schema",
    ]);
  });

  it("stops at the errors when the file is not YAML or the category tree is broken", () => {
    expect(brief(lintText(FILE.replace("    title: LLM\n", "    title: [LLM\n")))).toEqual([
      "4:1 error yaml-syntax",
    ]);
    expect(brief(lintText(FILE.replace("    title: LLM\n", "    title: 7\n")))).toEqual([
      "3:12 error schema",
    ]);
  });

  it("is deterministic: the same list gives the same findings in the same order", () => {
    expect(lintText(FILE)).toEqual(lintText(FILE));
  });

  it("has unique kebab-case rule ids", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
  });

  it("uses the clock it is given", () => {
    // Two days ahead of NOW: past the one day of slack the date rule allows for time zones ahead of UTC.
    const future = FILE.replace("date: 2023-02-27\n  - id: cs", "date: 2026-03-17\n  - id: cs");
    expect(lintText(future).map((d) => d.ruleId)).toContain("date");
    expect(lintText(future, { now: new Date("2026-03-16T00:00:00Z") }).map((d) => d.ruleId)).not.toContain(
      "date",
    );
    expect(NOW.toISOString()).toBe("2026-03-15T12:00:00.000Z");
  });
});
