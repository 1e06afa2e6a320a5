import { describe, expect, it } from "vitest";
import { addEntryFields } from "../../src/records/edit-fields.js";
import { parseRecords } from "../../src/records/parse.js";

const LIST = `categories:
  - id: llm
    title: LLM
entries:
  # The first one.
  - id: tot
    title: 'Tree of Thoughts'
    url: https://arxiv.org/abs/2305.10601
    kind: paper
    category: llm # trailing comment
    arxiv: "2305.10601"
    summary: |
      第一行。

      * 列表
    note: kept
  - id: last
    title: Last
    url: https://example.org/last
    kind: paper
    category: llm
    previous-urls:
      - https://paperswithcode.com/paper/last
`;

function ok(result: ReturnType<typeof addEntryFields>): string {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.text;
}

describe("addEntryFields", () => {
  it("puts new keys where the schema orders them and changes no other byte", () => {
    const text = ok(
      addEntryFields(LIST, [
        { entryIndex: 0, key: "date", mode: "set", value: "2023-05-17" },
        {
          entryIndex: 0,
          key: "previous-urls",
          mode: "append",
          value: "https://paperswithcode.com/paper/tot",
        },
        { entryIndex: 0, key: "venue", mode: "set", value: "NeurIPS 2023" },
      ]),
    );
    expect(text).toBe(
      LIST.replace(
        '    arxiv: "2305.10601"\n',
        '    date: 2023-05-17\n    venue: NeurIPS 2023\n    arxiv: "2305.10601"\n',
      ).replace(
        "    note: kept\n",
        "    note: kept\n    previous-urls:\n      - https://paperswithcode.com/paper/tot\n",
      ),
    );
    const parsed = parseRecords(text);
    expect(parsed.ok && parsed.data.entries[0]?.date).toBe("2023-05-17");
  });

  it("appends to an existing list at its indentation, and adds multi-line text as a literal block", () => {
    const text = ok(
      addEntryFields(LIST, [
        { entryIndex: 1, key: "previous-urls", mode: "append", value: "https://github.com/old/name" },
        { entryIndex: 1, key: "note", mode: "set", value: "line one\nline two" },
      ]),
    );
    expect(
      text.endsWith(
        "    note: |-\n      line one\n      line two\n    previous-urls:\n      - https://paperswithcode.com/paper/last\n      - https://github.com/old/name\n",
      ),
    ).toBe(true);
    expect(text.startsWith(LIST.slice(0, LIST.indexOf("  - id: last")))).toBe(true);
  });

  it("writes the new lines of a CRLF file with CRLF, and changes no other byte", () => {
    const crlf = LIST.replace(/\n/g, "\r\n");
    const additions = [
      { entryIndex: 0, key: "date", mode: "set" as const, value: "2023-05-17" },
      { entryIndex: 1, key: "previous-urls", mode: "append" as const, value: "https://github.com/old/name" },
      { entryIndex: 1, key: "note", mode: "set" as const, value: "line one\nline two" },
    ];
    const text = ok(addEntryFields(crlf, additions));
    // The same edit as on the LF file, line for line.
    expect(text).toBe(ok(addEntryFields(LIST, additions)).replace(/\n/g, "\r\n"));
    expect(text).not.toMatch(/[^\r]\n/);
    const parsed = parseRecords(text);
    expect(parsed.ok && parsed.data.entries[1]?.note).toBe("line one\nline two");
  });

  it("never overwrites a value that is there, and changes nothing then", () => {
    const result = addEntryFields(LIST, [
      { entryIndex: 1, key: "venue", mode: "set", value: "ICML" },
      { entryIndex: 0, key: "note", mode: "set", value: "replaced?" },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(/entry "tot" already has note: not overwritten/);
  });

  it("refuses records in flow style rather than rewriting them", () => {
    const flow = `categories: [{id: llm, title: LLM}]\nentries:\n  - {id: a, title: A, url: "https://a.org/", kind: paper, category: llm}\n`;
    const result = addEntryFields(flow, [{ entryIndex: 0, key: "date", mode: "set", value: "2023" }]);
    expect(result.ok).toBe(false);
  });
});
