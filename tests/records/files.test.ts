import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstInvalidUtf8, readTextOrUndefined } from "../../src/records/files.js";
import { readRecords } from "../../src/records/parse.js";

const dir = mkdtempSync(path.join(tmpdir(), "papershelf-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("reads a file, says undefined for a missing one, and throws for anything else", async () => {
  writeFileSync(path.join(dir, "a.txt"), "摘要\n");
  expect(await readTextOrUndefined(path.join(dir, "a.txt"))).toBe("摘要\n");
  expect(await readTextOrUndefined(path.join(dir, "missing.txt"))).toBeUndefined();
  await expect(readTextOrUndefined(dir)).rejects.toMatchObject({ code: "EISDIR" });
});

describe("firstInvalidUtf8", () => {
  const at = (bytes: Buffer) => firstInvalidUtf8(bytes, bytes.toString("utf8"));

  it("finds the first byte that is not UTF-8, by line and character column", () => {
    const bytes = Buffer.concat([
      Buffer.from("entries: []\n# 摘要 caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);
    expect(at(bytes)).toEqual({ line: 2, column: 9, byte: 0xe9 });
    // A sequence cut short (the first two bytes of 摘) is reported at its first byte.
    const cut = Buffer.concat([Buffer.from("a: "), Buffer.from("摘").subarray(0, 2), Buffer.from(" b\n")]);
    expect(at(cut)).toEqual({ line: 1, column: 4, byte: 0xe6 });
  });

  it("finds nothing in UTF-8, a U+FFFD the file really holds included", () => {
    expect(at(Buffer.from("title: 摘要 \uFFFD 𠀀\n"))).toBeUndefined();
    expect(at(Buffer.from(""))).toBeUndefined();
  });

  it("reads a records file that is not UTF-8 as an error at its place", async () => {
    const file = path.join(dir, "latin1.yaml");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("categories: []\n# caf"),
        Buffer.from([0xe9]),
        Buffer.from("\nentries: []\n"),
      ]),
    );
    expect(await readRecords(file, "data/papers.yaml")).toMatchObject({
      ok: false,
      errors: [
        {
          ruleId: "encoding",
          file: "data/papers.yaml",
          line: 2,
          column: 6,
          message: expect.stringMatching(/^not UTF-8: byte 0xE9 at line 2, column 6; save the file as UTF-8/),
        },
      ],
    });
  });
});
