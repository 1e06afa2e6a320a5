/** writeSite: every file byte for byte, large or small, whole or in pieces, wherever the writer's buffers end. */
import { mkdir, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testTempDir } from "../helpers/temp-dir.js";
import { writeSite, type SiteFile } from "../../src/site/index.js";

describe("writeSite", () => {
  it("writes large texts byte for byte, with surrogate pairs and CJK at every slice boundary", async () => {
    // 𠀀 (a surrogate pair) placed so that one pair straddles each 65,536-unit slice boundary.
    const unit = "微調 model 𠀀 ";
    const large = Array.from({ length: 40_000 }, (_, i) => `${unit}${i}`).join("\n");
    // Characters of 2, 3 and 4 bytes across the writer's 256 KB buffers, and across 64K-unit slices.
    const straddling = `${"a".repeat(65_535)}𠀀${"b".repeat(65_534)}𠀀${"é".repeat(200_000)}`;
    const acrossBuffers = [`${"a".repeat(262_142)}𠀀`, `${"a".repeat(262_143)}微`, `${"a".repeat(262_143)}é`];
    const files: SiteFile[] = [
      { path: "search-index.json", content: large },
      { path: "c/x/index.html", content: straddling },
      ...acrossBuffers.map((content, i) => ({ path: `c/across-${i}/index.html`, content })),
      ...Array.from({ length: 300 }, (_, i) => ({
        path: `p/e-${i}/index.html`,
        content: `<p>${unit}${i}</p>`,
      })),
      { path: ".nojekyll", content: "" },
    ];
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    expect(await writeSite(dir, files)).toBe(files.length);
    for (const file of files)
      expect(await readFile(path.join(dir, file.path), "utf8"), file.path).toBe(file.content);
    expect((await readdir(path.join(dir, "p"))).length).toBe(300);
  });

  it("writes a text given in pieces as their concatenation", async () => {
    const pieces = ["[", "微調", ",", "x".repeat(70_000), "𠀀", "", "é".repeat(100_000), "]"];
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [{ path: "search-index.json", content: pieces }]);
    expect(await readFile(path.join(dir, "search-index.json"), "utf8")).toBe(pieces.join(""));
  });

  it("writes bytes as they are, across the writer's buffers", async () => {
    const bytes = new TextEncoder().encode(`${"微調".repeat(100_000)}𠀀${"x".repeat(300_000)}`);
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [
      { path: "a.json", content: bytes.subarray(3) },
      { path: "empty.txt", content: new Uint8Array(0) },
    ]);
    // Compared as one Buffer (toEqual walks a large typed array element by element: seconds).
    expect((await readFile(path.join(dir, "a.json"))).equals(bytes.subarray(3))).toBe(true);
    expect((await readFile(path.join(dir, "empty.txt"))).length).toBe(0);
  });

  it("fails on a file it cannot write, leaving the previous site and no staging folder", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [{ path: "index.html", content: "old" }]);
    // "a" is a file, so "a/b" cannot be made: the writer thread's error reaches the caller.
    const broken = [
      { path: "a", content: "x" },
      ...Array.from({ length: 50 }, (_, i) => ({ path: `a/${i}`, content: "y" })),
    ];
    await expect(writeSite(dir, broken)).rejects.toThrow(
      /ENOTDIR|EEXIST|not a directory|file already exists/,
    );
    expect(await readdir(path.dirname(dir))).toEqual(["_site"]);
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("old");
  });

  it("replaces the previous site as a whole, and the old one goes in the background", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [{ path: "old.html", content: "old" }]);
    await writeSite(dir, [
      { path: "new.html", content: "new" },
      ...Array.from({ length: 200 }, (_, i) => ({ path: `p/e-${i}/index.html`, content: `${i}` })),
    ]);
    // The new site is in place when writeSite resolves; the old one is then removed by a detached process.
    expect((await readdir(dir)).sort()).toEqual(["new.html", "p"]);
    expect(await siblingsOnceRemoved(dir, ["_site"])).toEqual(["_site"]);
  });

  it("sweeps what earlier builds left: old sites, and staging folders of builds that are gone", async () => {
    const parent = await testTempDir("papershelf-write-");
    const dir = path.join(parent, "_site");
    // A pid far above any Linux pid_max: no such process. The parent process (the test runner) is running.
    const leftovers = [
      "_site.old-4199999-1",
      "_site.old-123",
      "_site.tmp-4199999",
      `_site.tmp-${process.ppid}`,
    ];
    for (const name of [...leftovers, "_site.old-notes", "other.old-4199999-1"])
      await mkdir(path.join(parent, name, "p", "x"), { recursive: true });
    await writeSite(dir, [{ path: "index.html", content: "new" }]);
    const kept = ["_site", "_site.old-notes", `_site.tmp-${process.ppid}`, "other.old-4199999-1"].sort();
    expect(await siblingsOnceRemoved(dir, kept)).toEqual(kept);
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("new");
  });
});

/**
 * The folders next to `dir`, sorted, once they are `expected` (the background removal has finished), or as
 * they are after 20 s of waiting for it.
 */
async function siblingsOnceRemoved(dir: string, expected: string[]): Promise<string[]> {
  const list = async () => (await readdir(path.dirname(dir))).sort();
  let seen = await list();
  for (let waited = 0; waited < 20_000 && seen.join("/") !== expected.join("/"); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await list();
  }
  return seen;
}
