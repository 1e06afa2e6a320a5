/**
 * `fix` on frozen copies of the real list: only the lines it means to change change, and nothing else by a
 * byte. Not on data/papers.yaml itself: once the weekly health PR has applied these fixes, the live list has
 * no paperswithcode link left, and that must not turn the tests red.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  applyFixes,
  dedupeFixes,
  planPapersWithCodeFixes,
  planRedirectFixes,
  planRenameFixes,
} from "../../src/check/index.js";
import type { LinkResult } from "../../src/check/links/verdict.js";
import type { RepoResult } from "../../src/check/repos/verdict.js";
import { parseRecords } from "../../src/records/parse.js";

const FIXTURE = new URL("../fixtures/check/papers.yaml", import.meta.url);
const MIGRATED = new URL("../fixtures/seed/migrated.yaml", import.meta.url);

function load(file: URL) {
  const text = readFileSync(file, "utf8");
  const parsed = parseRecords(text);
  if (!parsed.ok) throw new Error(`${file.pathname} should be valid`);
  return { text, data: parsed.data };
}

/** Lines that differ (the files keep their line count: every fix replaces one single-line scalar). */
function changedLines(before: string, after: string): { line: number; from: string; to: string }[] {
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b.length).toBe(a.length);
  return a.flatMap((from, i) => (from === b[i] ? [] : [{ line: i + 1, from, to: b[i] ?? "" }]));
}

/** The text without the `previous-urls` blocks a fix adds (each old link is kept there, one item a line). */
function withoutHistory(text: string): string {
  return text.replace(/^( +)previous-urls:\n(?:\1 +- .*\n)+/gm, "");
}

/** Every replaced link is kept in its record's `previous-urls`: no history is lost. */
function expectHistoryKept(after: string, fixes: readonly { entryId: string; from: string }[]) {
  const parsed = parseRecords(after);
  if (!parsed.ok) throw new Error("the fixed text should parse");
  for (const fix of fixes) {
    const entry = parsed.data.entries.find((e) => e.id === fix.entryId);
    expect(entry?.["previous-urls"]).toContain(fix.from);
  }
}

const sources = [
  { name: "the check fixture", file: FIXTURE },
  { name: "the migrated seed (the list as migrated)", file: MIGRATED },
];

describe.each(sources)("paperswithcode → arXiv on $name", ({ file }) => {
  it("changes exactly the paperswithcode lines of entries with an arXiv id", () => {
    const { text, data } = load(file);
    const fixes = planPapersWithCodeFixes(data);
    const withArxiv = data.entries.filter((e) => e.arxiv && /paperswithcode\.com\/paper\//.test(e.url));
    expect(fixes.length).toBeGreaterThanOrEqual(withArxiv.length);
    expect(fixes.length).toBeGreaterThan(40);

    const result = applyFixes(text, fixes, "papers.yaml", data);
    expect(result.refused).toEqual([]);
    expectHistoryKept(result.text, fixes);
    const changed = changedLines(text, withoutHistory(result.text));
    expect(changed).toHaveLength(fixes.length);
    for (const { from, to } of changed) {
      const old = /https:\/\/paperswithcode\.com\/paper\/\S+/.exec(from)?.[0];
      expect(old).toBeDefined();
      const fix = fixes.find((f) => f.from === old);
      expect(to).toBe(from.replace(old ?? "", `https://arxiv.org/abs/${fix?.to.split("/abs/")[1]}`));
    }
    // Every other byte, including comments and the 摘要, is untouched.
    const strip = (s: string) =>
      s.replace(/https:\/\/(paperswithcode\.com\/paper|arxiv\.org\/abs)\/\S+/g, "URL");
    expect(strip(withoutHistory(result.text))).toBe(strip(text));
    // The arXiv id is the record's own.
    const shikra = fixes.find((f) => f.entryId === "shikra");
    expect(shikra?.to).toBe("https://arxiv.org/abs/2306.15195");
    // And a second pass finds nothing left to do.
    const again = parseRecords(result.text);
    expect(again.ok && planPapersWithCodeFixes(again.data)).toEqual([]);
  });
});

describe("renamed repositories and redirects", () => {
  const { text, data } = load(FIXTURE);
  const renamed: RepoResult = {
    url: "https://github.com/microsoft/visual-chatgpt",
    repo: "microsoft/visual-chatgpt",
    verdict: "archived",
    renamedTo: "microsoft/TaskMatrix",
    message: "archived",
    checkedAt: "2026-03-01T12:00:00.000Z",
    source: "network",
  };

  it("refuses a new link that is not an http(s) URL (a hand-made report), and applies the others", () => {
    const good = planRenameFixes(data, [renamed]);
    const bad = { ...(good[0] as (typeof good)[number]), to: "not a url\nwith: newline" };
    const result = applyFixes(text, [bad, ...good]);
    expect(result.applied).toEqual(good);
    expect(result.refused).toMatchObject([
      { fix: bad, errors: [{ message: 'the new link "not a url\\nwith: newline" is not an http(s) URL' }] },
    ]);
    expect(parseRecords(result.text).ok).toBe(true);
  });

  it("renames the repository URL (whatever its verdict) and touches one line", () => {
    const fixes = planRenameFixes(data, [renamed]);
    expect(fixes).toEqual([
      {
        path: ["entries", 2, "repos", 0, "url"],
        entryId: "visual-chatgpt",
        from: "https://github.com/microsoft/visual-chatgpt",
        to: "https://github.com/microsoft/TaskMatrix",
        reason: "renamed",
      },
    ]);
    const after = applyFixes(text, fixes).text;
    expectHistoryKept(after, fixes);
    const changed = changedLines(text, withoutHistory(after));
    expect(changed).toEqual([
      {
        line: expect.any(Number),
        from: "      - url: https://github.com/microsoft/visual-chatgpt",
        to: "      - url: https://github.com/microsoft/TaskMatrix",
      },
    ]);
  });

  it("replaces permanent redirects only, never soft 404s", () => {
    const base = {
      message: "",
      redirects: [],
      attempts: 2,
      durationMs: 1,
      checkedAt: "2026-03-01T12:00:00.000Z",
      source: "network" as const,
    };
    const results: LinkResult[] = [
      {
        ...base,
        url: "https://github.com/microsoft/unilm",
        verdict: "redirect",
        suggestion: "https://github.com/microsoft/unilm/tree/master",
      },
      {
        ...base,
        url: "https://paperswithcode.com/paper/shikra-unleashing-multimodal-llm-s",
        verdict: "soft404",
        reason: "collapse",
        sharedBy: 9,
      },
    ];
    const fixes = planRedirectFixes(data, results);
    expect(fixes.map((f) => [f.reason, f.to])).toEqual([
      ["redirect", "https://github.com/microsoft/unilm/tree/master"],
    ]);
  });

  it("keeps one fix per value, offline fixes first", () => {
    const pwc = planPapersWithCodeFixes(data);
    const first = pwc[0];
    if (!first) throw new Error("expected a paperswithcode fix");
    const clash = { ...first, to: "https://elsewhere.example/", reason: "redirect" as const };
    expect(dedupeFixes([...pwc, clash])).toEqual(pwc);
  });
});
