/** writeSite: every file as given, large ones (written in slices) and small ones (by the writer thread). */
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeSite, type SiteFile } from "../../src/site/index.js";

describe("writeSite", () => {
  it("writes large texts byte for byte, with surrogate pairs and CJK at every slice boundary", async () => {
    // 𠀀 (a surrogate pair) placed so that one pair straddles each 65,536-unit slice boundary.
    const unit = "微調 model 𠀀 ";
    const large = Array.from({ length: 40_000 }, (_, i) => `${unit}${i}`).join("\n");
    const straddling = `${"a".repeat(65_535)}𠀀${"b".repeat(65_534)}𠀀${"é".repeat(200_000)}`;
    const files: SiteFile[] = [
      { path: "search-index.json", content: large },
      { path: "c/x/index.html", content: straddling },
      ...Array.from({ length: 300 }, (_, i) => ({
        path: `p/e-${i}/index.html`,
        content: `<p>${unit}${i}</p>`,
      })),
      { path: ".nojekyll", content: "" },
    ];
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "papershelf-write-")), "_site");
    expect(await writeSite(dir, files)).toBe(files.length);
    for (const file of files)
      expect(await readFile(path.join(dir, file.path), "utf8"), file.path).toBe(file.content);
    expect((await readdir(path.join(dir, "p"))).length).toBe(300);
  });

  it("writes a text given in pieces as their concatenation", async () => {
    const pieces = ["[", "微調", ",", "x".repeat(70_000), "𠀀", "", "é".repeat(100_000), "]"];
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "papershelf-write-")), "_site");
    await writeSite(dir, [{ path: "search-index.json", content: pieces }]);
    expect(await readFile(path.join(dir, "search-index.json"), "utf8")).toBe(pieces.join(""));
  });

  it("replaces the previous site as a whole", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "papershelf-write-")), "_site");
    await writeSite(dir, [{ path: "old.html", content: "old" }]);
    await writeSite(dir, [{ path: "new.html", content: "new" }]);
    expect(await readdir(dir)).toEqual(["new.html"]);
    expect(await readdir(path.dirname(dir))).toEqual(["_site"]);
  });
});
