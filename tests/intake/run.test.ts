import { describe, expect, it } from "vitest";
import { runIntake, type IntakeLint } from "../../src/intake/run.js";
import { removeEntry } from "../../src/records/edit.js";
import { parseRecords } from "../../src/records/parse.js";
import { fixtureInput, fixtureLint, papersText } from "./helpers.js";

const input = fixtureInput;

describe("runIntake", () => {
  it("inserts the record at the end of its category and changes no other byte", async () => {
    const result = await runIntake(input());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const original = papersText();
    const removed = removeEntry(result.newText, result.entry.id, "papers.yaml");
    expect(removed).toEqual({ ok: true, text: original });
    const parsed = parseRecords(result.newText);
    expect(parsed.ok && parsed.data.entries.map((e) => e.id)).toEqual([
      "shikra",
      "motiongpt",
      "fast-segment-anything",
      "lisa",
      "tree-of-thoughts",
    ]);
    expect(result.findings).toEqual([]);
    expect(result.preview).toContain("LISA: Reasoning Segmentation via Large Language Model");
  });

  it("runs the lint on the whole list and keeps the findings about the new entry", async () => {
    // Same arXiv id and title as an existing entry: only the whole list can show the duplicate.
    const result = await runIntake(
      input(
        {
          title: "Fast Segment Anything",
          url: "https://arxiv.org/abs/2306.12156",
          category: "x [segment-anything]",
        },
        { lint: fixtureLint },
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.length).toBeGreaterThan(0);
    expect(!result.ok && result.entry?.id).toBe("fast-segment-anything-2");
    expect(!result.ok && result.preview).toContain("Fast Segment Anything");
    expect(JSON.stringify(!result.ok && result.errors)).toMatch(/duplicate/i);
  });

  it("cuts a sentence's punctuation off a pasted link, with a warning, so a listed paper is still found", async () => {
    for (const tail of [".", "。", ")."]) {
      const result = await runIntake(
        input(
          {
            title: "Something else",
            url: `https://arxiv.org/abs/2306.12156${tail}`,
            category: "x [segment-anything]",
          },
          { lint: fixtureLint },
        ),
      );
      expect(result.ok, tail).toBe(false);
      expect(!result.ok && result.entry?.url, tail).toBe("https://arxiv.org/abs/2306.12156");
      expect(JSON.stringify(!result.ok && result.errors), tail).toMatch(/duplicate/i);
      expect(JSON.stringify(!result.ok && result.findings), tail).toContain(
        `Removed the punctuation \\"${tail}\\" at the end of the link.`,
      );
    }
  });

  it("reads authors typed as a Markdown list or on one line as one name each, and says when it split a line", async () => {
    const cases: [string, string[], boolean][] = [
      [
        "- Keqin Chen\n- Zhao Zhang\n* Weili Zeng\n1. Ada Lovelace",
        ["Keqin Chen", "Zhao Zhang", "Weili Zeng", "Ada Lovelace"],
        false,
      ],
      ["Keqin Chen, Zhao Zhang, Weili Zeng", ["Keqin Chen", "Zhao Zhang", "Weili Zeng"], true],
      ["Keqin Chen, Zhao Zhang", ["Keqin Chen", "Zhao Zhang"], true],
      ["陳克勤、張釗、曾偉立", ["陳克勤", "張釗", "曾偉立"], true],
      // Surname first: one name.
      ["Chen, Keqin", ["Chen, Keqin"], false],
      ["Keqin Chen", ["Keqin Chen"], false],
    ];
    for (const [typed, names, warned] of cases) {
      const result = await runIntake(input({ authors: typed }));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.entry.authors, typed).toEqual(names);
      expect(
        result.findings.some(
          (f) => f.field === "authors" && f.message.startsWith(`Read as ${names.length} items`),
        ),
        typed,
      ).toBe(warned);
    }
  });

  it("passes the new list to the injected lint and maps its findings to form fields", async () => {
    const lint: IntakeLint = ({ parsed, entryId }) => {
      const index = parsed.data.entries.findIndex((e) => e.id === entryId);
      const pos = parsed.source.position(["entries", index, "venue"]);
      return [
        {
          ruleId: "venue-style",
          severity: "warning",
          message: "write the venue as CVPR 2024",
          file: "papers.yaml",
          ...pos,
          entryId,
        },
      ];
    };
    const result = await runIntake(input({}, { lint }));
    expect(result).toMatchObject({
      ok: true,
      findings: [
        {
          severity: "warning",
          field: "venue",
          label: "會議或期刊 / Venue",
          // The rule id is kept for code, out of the sentence the submitter reads.
          message: "Write the venue as CVPR 2024.",
          zh: "這個欄位不符合清單的規則（英文說明如下）。",
          code: "venue-style",
        },
      ],
    });
  });

  it("maps a finding on the line where one field ends and the next begins to the next field", async () => {
    // A block sequence (repos) ends at column 1 of the line of the key after it (summary).
    const lint: IntakeLint = ({ parsed, entryId }) => {
      const index = parsed.data.entries.findIndex((e) => e.id === entryId);
      const line = parsed.source.keyPosition(["entries", index], "summary")?.line ?? 0;
      const place = { file: "papers.yaml", line, column: 5, entryId };
      return [{ ruleId: "text-length", severity: "warning", message: "summary is long", ...place }];
    };
    const result = await runIntake(input({}, { lint }));
    expect(result).toMatchObject({ ok: true, findings: [{ field: "summary", label: "摘要 / Summary" }] });
  });

  it("checks the record's links through the injected checker: a dead link blocks, a redirect warns", async () => {
    const asked: string[][] = [];
    const result = await runIntake(
      input(
        {},
        {
          checkLinks: async (urls) => {
            asked.push([...urls]);
            return [
              { url: urls[0] ?? "", verdict: "ok", message: "200" },
              { url: urls[1] ?? "", verdict: "suspect", message: "404 Not Found" },
            ];
          },
        },
      ),
    );
    expect(asked).toEqual([["https://arxiv.org/abs/2308.00692", "https://github.com/dvlab-research/LISA"]]);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          severity: "error",
          // The link's field is named: the repositories field, where the link was given.
          field: "repos",
          label: "程式碼 / Repositories",
          message: 'The link "https://github.com/dvlab-research/LISA": 404 Not Found.',
          zh: '連結 "https://github.com/dvlab-research/LISA" 打不開。',
          hint: "Check the address; the link must open for everyone.",
          code: "link-suspect",
        },
      ],
    });
    const warned = await runIntake(
      input(
        {},
        { checkLinks: async (urls) => urls.map((url) => ({ url, verdict: "redirect", message: "moved" })) },
      ),
    );
    expect(warned.ok && warned.findings.map((f) => f.severity)).toEqual(["warning", "warning"]);
  });

  it("combines body and record problems without repeating a field", async () => {
    const result = await runIntake(input({ title: "", date: "someday" }));
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(["title", "date"]);
  });

  it("says the list is broken, not the submission, when data/papers.yaml does not validate", async () => {
    const result = await runIntake(input({}, { papersText: "categories: []\nentries: {}\n" }));
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("papers.yaml has 2 error(s)") }],
    });
    expect(!result.ok && result.errors[0]?.hint).toContain("Not your submission's fault");
  });

  it("reports a broken form as the maintainers' problem", async () => {
    const result = await runIntake(input({}, { template: "name: x\n" }));
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: 'The submission form is broken: an issue form needs a "body:" list.' }],
    });
  });
});
