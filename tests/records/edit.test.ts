import { chmod, lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testTempDir } from "../helpers/temp-dir.js";
import {
  insertEntry,
  removeEntry,
  replaceEntry,
  setScalar,
  stringifyEntry,
  writeTextAtomic,
} from "../../src/records/edit.js";
import { parseRecords } from "../../src/records/parse.js";
import { partsByteLength, partsEqual } from "../../src/records/text-parts.js";
import type { Entry } from "../../src/records/schema.js";

const LIST = `# yaml-language-server: $schema=../schemas/papers.schema.json
categories:
  - id: vision
    title: 影像模型
    children:
      - id: vision-seg
        title: Segment Anything
  - id: llm
    title: LLM(Large Language Model)
entries:
  # The first one.
  - id: fast-sam
    title: Fast Segment Anything
    url: "https://arxiv.org/abs/2306.12156"
    kind: paper
    category: vision-seg
    summary: |
      第一行。

      * 列表
  - id: tot
    title: 'Tree of Thoughts'
    url: https://arxiv.org/abs/2305.10601
    kind: paper
    category: llm # trailing comment
`;

const NEW: Entry = {
  id: "mobile-sam",
  title: "Faster Segment Anything: Towards Lightweight SAM",
  url: "https://arxiv.org/abs/2306.14289",
  kind: "paper",
  category: "vision-seg",
  summary: "多行\n摘要 with: colons # and hashes\n",
};

/** Removing the inserted lines must give back the original bytes exactly. */
function withoutBlock(text: string, block: string): string {
  const at = text.indexOf(block);
  expect(at).toBeGreaterThan(-1);
  return text.slice(0, at) + text.slice(at + block.length);
}

describe("insertEntry", () => {
  it("puts the record after the last entry of its category and changes no other byte", () => {
    const result = insertEntry(LIST, NEW);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const parsed = parseRecords(result.text);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    expect(parsed.data.entries.map((e) => e.id)).toEqual(["fast-sam", "mobile-sam", "tot"]);
    expect(parsed.data.entries[1]).toEqual(NEW);
    expect(withoutBlock(result.text, stringifyEntry(NEW, 2))).toBe(LIST);
  });

  it("places a record of an empty category after the entries of earlier categories", () => {
    const result = insertEntry(LIST, { ...NEW, id: "x", category: "vision" });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const parsed = parseRecords(result.text);
    expect(parsed.ok && parsed.data.entries.map((e) => e.id)).toEqual(["x", "fast-sam", "tot"]);
  });

  it("appends at the end of the last category even when the file has no final newline", () => {
    const result = insertEntry(LIST.trimEnd(), { ...NEW, id: "y", category: "llm" });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const parsed = parseRecords(result.text);
    expect(parsed.ok && parsed.data.entries.map((e) => e.id)).toEqual(["fast-sam", "tot", "y"]);
  });

  it("turns an empty flow list into a block list", () => {
    const text = "categories:\n  - id: llm\n    title: LLM\nentries: []\n";
    const result = insertEntry(text, { ...NEW, category: "llm" });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const parsed = parseRecords(result.text);
    expect(parsed.ok && parsed.data.entries).toEqual([{ ...NEW, category: "llm" }]);
  });

  it("refuses a duplicate id and a file that does not parse", () => {
    const dup = insertEntry(LIST, { ...NEW, id: "tot" });
    expect(dup.ok).toBe(false);
    expect(!dup.ok && dup.errors[0]?.message).toMatch(/already exists/);
    const broken = insertEntry("entries: [\n", NEW);
    expect(!broken.ok && broken.errors[0]?.message).toMatch(/YAML errors/);
  });

  it("refuses a file whose aliases do not resolve, with a message instead of a crash", () => {
    const broken = LIST.replace("category: llm # trailing comment", "category: *nope");
    const result = insertEntry(broken, { ...NEW, id: "alias-test" });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]?.message).toBe(
        'cannot edit: YAML alias "*nope" has no anchor "&nope" before it; define the anchor earlier or write the value out',
      );
  });

  it("keeps hostile text as data: a title that looks like YAML stays one value", () => {
    const hostile = { ...NEW, title: "x\n- id: evil\n  title: pwned", note: "key: value\n---\n..." };
    const result = insertEntry(LIST, hostile);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const parsed = parseRecords(result.text);
    expect(parsed.ok && parsed.data.entries.map((e) => e.id)).toEqual(["fast-sam", "mobile-sam", "tot"]);
    expect(parsed.ok && parsed.data.entries[1]?.title).toBe(hostile.title);
  });
});

describe("replaceEntry and removeEntry", () => {
  it("replace keeps the neighbours' bytes, including comments", () => {
    const result = replaceEntry(LIST, "tot", {
      id: "tot",
      title: "ToT",
      url: "https://x.org",
      kind: "paper",
      category: "llm",
    });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.text.startsWith(LIST.slice(0, LIST.indexOf("  - id: tot")))).toBe(true);
    expect(result.text).toContain("# The first one.");
  });

  it("remove deletes exactly the record's lines", () => {
    const result = removeEntry(LIST, "fast-sam");
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.text).not.toContain("fast-sam");
    expect(result.text).toContain("  # The first one.\n  - id: tot");
    expect(removeEntry(LIST, "nope").ok).toBe(false);
  });
});

describe("setScalar", () => {
  it("changes one URL and keeps its quoting style", () => {
    const result = setScalar(LIST, ["entries", 0, "url"], "https://arxiv.org/abs/2306.12156v2");
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.text).toBe(
      LIST.replace('"https://arxiv.org/abs/2306.12156"', '"https://arxiv.org/abs/2306.12156v2"'),
    );
  });

  it("quotes a value that would not survive plain", () => {
    const result = setScalar(LIST, ["entries", 0, "title"], "Fast: Segment #1 'SAM'");
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const parsed = parseRecords(result.text);
    expect(parsed.ok && parsed.data.entries[0]?.title).toBe("Fast: Segment #1 'SAM'");
    const single = setScalar(LIST, ["entries", 1, "title"], "Tree's");
    expect(single.ok && single.text).toContain("title: 'Tree''s'");
    expect(result.text).toContain("category: llm # trailing comment");
  });

  it("refuses a path that is not a single value, and block text", () => {
    expect(setScalar(LIST, ["entries", 0], "x").ok).toBe(false);
    expect(setScalar(LIST, ["entries", 0, "summary"], "x").ok).toBe(false);
  });
});

describe("a CRLF file", () => {
  const crlf = LIST.replace(/\n/g, "\r\n");
  const entry = {
    id: "new-one",
    title: "New One",
    url: "https://arxiv.org/abs/2401.00001",
    kind: "paper",
    category: "vision-seg",
    summary: "第一行。\n\n第二段。",
  } as Entry;

  it("gets an inserted or replaced record with CRLF lines, as the LF file gets it with LF", () => {
    for (const edit of [
      (text: string) => insertEntry(text, entry),
      (text: string) => replaceEntry(text, "fast-sam", { ...entry, id: "fast-sam" }),
    ]) {
      const lf = edit(LIST);
      const result = edit(crlf);
      if (!lf.ok || !result.ok) throw new Error("edit failed");
      expect(result.text).toBe(lf.text.replace(/\n/g, "\r\n"));
      expect(result.text).not.toMatch(/[^\r]\n/);
      const parsed = parseRecords(result.text);
      expect(parsed.ok && parsed.data.entries.some((e) => e.summary === "第一行。\n\n第二段。")).toBe(true);
    }
  });
});

describe("writeTextAtomic", () => {
  it("writes the whole text and leaves no temp file behind", async () => {
    const dir = await testTempDir("papershelf-edit-");
    const file = path.join(dir, "papers.yaml");
    await writeTextAtomic(file, LIST);
    expect(await readFile(file, "utf8")).toBe(LIST);
    expect(await readdir(dir)).toEqual(["papers.yaml"]);
  });

  it("writes parts as their join, across its buffer's edges and past its size, in UTF-8", async () => {
    const dir = await testTempDir("papershelf-edit-");
    const file = path.join(dir, "README.md");
    // Many small CJK and emoji parts fill the 1 MB write buffer several times; one part is larger than it.
    const parts = Array.from({ length: 40_000 }, (_, i) => `${i}：摘要 😀 ${"x".repeat(i % 7)}\n`);
    parts.splice(20_000, 0, "大".repeat(400_000), "\n");
    await writeTextAtomic(file, parts);
    const written = await readFile(file);
    expect(written.equals(Buffer.from(parts.join(""), "utf8"))).toBe(true);
    expect(await readdir(dir)).toEqual(["README.md"]);
  });

  it("writes through a symbolic link to the file it names, and the link stays a link", async () => {
    const dir = await testTempDir("papershelf-edit-");
    await mkdir(path.join(dir, "shared"));
    await mkdir(path.join(dir, "data"));
    const real = path.join(dir, "shared", "papers.yaml");
    await writeFile(real, "old\n");
    const link = path.join(dir, "data", "papers.yaml");
    await symlink("../shared/papers.yaml", link);
    await writeTextAtomic(link, LIST);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, "utf8")).toBe(LIST);
    expect(await readdir(path.join(dir, "data"))).toEqual(["papers.yaml"]);
    expect(await readdir(path.join(dir, "shared"))).toEqual(["papers.yaml"]);
  });

  it("keeps an existing file's permission bits, whatever the umask gives a new file", async () => {
    const dir = await testTempDir("papershelf-edit-");
    const file = path.join(dir, "papers.yaml");
    await writeFile(file, "old\n");
    for (const mode of [0o600, 0o640, 0o664]) {
      await chmod(file, mode);
      await writeTextAtomic(file, LIST);
      expect((await stat(file)).mode & 0o777, mode.toString(8)).toBe(mode);
    }
    expect(await readFile(file, "utf8")).toBe(LIST);
  });
});

describe("writeTextAtomic refusals", () => {
  it("leaves a read-only file as it is, and names it, not its temporary file, when it cannot write", async () => {
    const dir = await testTempDir("papershelf-edit-");
    const file = path.join(dir, "README.md");
    await writeFile(file, "mine\n");
    await chmod(file, 0o444);
    const refused = (await writeTextAtomic(file, LIST).catch((e: unknown) => e)) as NodeJS.ErrnoException;
    expect({ code: refused.code, path: refused.path, syscall: refused.syscall }).toEqual({
      code: "EACCES",
      path: file,
      syscall: "write",
    });
    expect(await readFile(file, "utf8")).toBe("mine\n");
    expect(await readdir(dir)).toEqual(["README.md"]);
    // A file in a folder that is not one: the error names the file asked for.
    const inFile = path.join(file, "x.md");
    const notDir = (await writeTextAtomic(inFile, LIST).catch((e: unknown) => e)) as NodeJS.ErrnoException;
    expect({ code: notDir.code, path: notDir.path }).toEqual({ code: "ENOTDIR", path: inFile });
  });
});

describe("text parts", () => {
  it("equal a text only when they spell all of it", () => {
    expect(partsEqual(["ab", "", "c"], "abc")).toBe(true);
    expect(partsEqual(["ab", "c"], "abcd")).toBe(false);
    expect(partsEqual(["ab", "cd"], "abc")).toBe(false);
    expect(partsEqual(["ab", "d"], "abc")).toBe(false);
    expect(partsEqual([], "")).toBe(true);
    expect(partsEqual(["a"], undefined)).toBe(false);
  });

  it("measure the UTF-8 bytes of their join", () => {
    const parts = ["摘要", " ok ", "😀", ""];
    expect(partsByteLength(parts)).toBe(Buffer.byteLength(parts.join(""), "utf8"));
  });
});
