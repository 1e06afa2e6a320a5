/** writeSite: every file byte for byte, large or small, whole or in pieces, wherever the writer's buffers end. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import {
  link,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { testTempDir } from "../helpers/temp-dir.js";
import {
  SITE_MARKER_FILE,
  SiteTargetError,
  openSite,
  siteTargetProblem,
  writeSite,
  type SiteFile,
} from "../../src/site/index.js";

const execFileAsync = promisify(execFile);

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
    // Every file, and the marker that says papershelf wrote the folder.
    expect(await writeSite(dir, files)).toBe(files.length + 1);
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

  it("writes an empty file for a text of no pieces, or of empty ones, between files with text", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    const files = [
      { path: "a.html", content: ["a"] },
      { path: "none.txt", content: [] },
      { path: "b.html", content: ["", "b", ""] },
      { path: "empty.txt", content: ["", ""] },
      { path: ".nojekyll", content: "" },
    ];
    await writeSite(dir, files);
    for (const file of files)
      expect(await readFile(path.join(dir, file.path), "utf8"), file.path).toBe(
        [file.content].flat().join(""),
      );
  });

  it("writes many small pieces of one file, then of the next, each into its own file whole", async () => {
    // As a list page comes, a piece per card: pieces that follow each other in a buffer are one write.
    const cards = (name: string, n: number) =>
      Array.from({ length: n }, (_, i) => (i % 97 === 0 ? "" : `<li>${name} 微調 ${i} 𠀀</li>`));
    const files = [
      { path: "index.html", pieces: cards("index", 30_000) },
      { path: "p/one/index.html", pieces: ["<p>one</p>"] },
      { path: "c/x/index.html", pieces: cards("x", 12_000) },
    ];
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(
      dir,
      files.map((f) => ({ path: f.path, content: f.pieces })),
    );
    for (const { path: file, pieces } of files)
      expect(await readFile(path.join(dir, file), "utf8"), file).toBe(pieces.join(""));
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

  it("replaces the previous site as a whole, and keeps the old one, ignored by git, for the next build", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [{ path: "old.html", content: "old" }]);
    await writeSite(dir, [
      { path: "new.html", content: "new" },
      ...Array.from({ length: 200 }, (_, i) => ({ path: `p/e-${i}/index.html`, content: `${i}` })),
    ]);
    expect((await readdir(dir)).sort()).toEqual([SITE_MARKER_FILE, "new.html", "p"]);
    // The old site stays beside the new one, whole, with a .gitignore that hides it from git.
    const [spare, ...more] = await sparesOf(dir);
    expect(more).toEqual([]);
    expect((await readdir(spare as string)).sort()).toEqual([".gitignore", SITE_MARKER_FILE, "old.html"]);
    const parent = path.dirname(dir);
    await execFileAsync("git", ["init", "-q"], { cwd: parent });
    await writeFile(path.join(parent, ".gitignore"), "_site/\n");
    const { stdout } = await execFileAsync("git", ["status", "--porcelain", "--untracked-files=all"], {
      cwd: parent,
    });
    expect(stdout).toBe("?? .gitignore\n");
  });

  it("writes the next site over the kept one: the same files (inodes), nothing left of what it did not write", async () => {
    const parent = await testTempDir("papershelf-write-");
    const dir = path.join(parent, "_site");
    const site = (n: number, text: string): SiteFile[] => [
      { path: "index.html", content: `<h1>${text}</h1>` },
      ...Array.from({ length: n }, (_, i) => ({ path: `p/e-${i}/index.html`, content: `${text} ${i} 微調` })),
    ];
    await writeSite(dir, site(30, "first, and longer than what follows"));
    await writeSite(dir, site(30, "second"));
    const [spare] = await sparesOf(dir);
    const inodes = new Map<string, number>();
    for (const file of ["index.html", "p/e-3/index.html", "p/e-29/index.html"])
      inodes.set(file, (await stat(path.join(spare as string, file))).ino);
    // Things the next build does not write: a file, a folder of files, an entry that went.
    await writeFile(path.join(spare as string, "CNAME"), "papers.example.org\n");
    await mkdir(path.join(spare as string, "extra", "deep"), { recursive: true });
    await writeFile(path.join(spare as string, "extra", "deep", "x.txt"), "x");
    await writeFile(path.join(spare as string, "p", "e-3", "old.png"), "png");

    const next = site(10, "third");
    await writeSite(dir, next);
    // Every file as written, byte for byte, even where the old file was longer; nothing else.
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
    expect(files).toEqual([SITE_MARKER_FILE, ...next.map((f) => f.path)].sort());
    expect((await readdir(path.join(dir, "p"))).length).toBe(10);
    for (const file of next) expect(await readFile(path.join(dir, file.path), "utf8")).toBe(file.content);
    // The kept site's files, written over.
    expect((await stat(path.join(dir, "index.html"))).ino).toBe(inodes.get("index.html"));
    expect((await stat(path.join(dir, "p/e-3/index.html"))).ino).toBe(inodes.get("p/e-3/index.html"));
    // The second site is the one kept now.
    const [kept, ...more] = await sparesOf(dir);
    expect(more).toEqual([]);
    expect(await readFile(path.join(kept as string, "index.html"), "utf8")).toBe("<h1>second</h1>");
  });

  it("never writes through a link or a second name that the kept site holds", async () => {
    const parent = await testTempDir("papershelf-write-");
    const dir = path.join(parent, "_site");
    const outside = path.join(parent, "outside");
    await mkdir(outside);
    await writeFile(path.join(outside, "mine.html"), "mine");
    await writeFile(path.join(outside, "linked.html"), "linked");
    await writeSite(dir, [{ path: "index.html", content: "a" }]);
    await writeSite(dir, [{ path: "index.html", content: "b" }]);
    const [spare] = await sparesOf(dir);
    // A file that is a link out, a folder that is a link out, and a file with a second name outside.
    await rm(path.join(spare as string, "index.html"));
    await symlink(path.join(outside, "mine.html"), path.join(spare as string, "index.html"));
    await symlink(outside, path.join(spare as string, "p"));
    await writeFile(path.join(spare as string, "feed.xml"), "old feed");
    await rm(path.join(outside, "linked.html"));
    await link(path.join(spare as string, "feed.xml"), path.join(outside, "linked.html"));

    await writeSite(dir, [
      { path: "index.html", content: "c" },
      { path: "p/x/index.html", content: "x" },
      { path: "feed.xml", content: "new feed" },
    ]);
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("c");
    expect(await readFile(path.join(dir, "p/x/index.html"), "utf8")).toBe("x");
    expect(await readFile(path.join(dir, "feed.xml"), "utf8")).toBe("new feed");
    expect((await lstat(path.join(dir, "p"))).isDirectory()).toBe(true);
    // What is outside is as it was.
    expect((await readdir(outside)).sort()).toEqual(["linked.html", "mine.html"]);
    expect(await readFile(path.join(outside, "mine.html"), "utf8")).toBe("mine");
    expect(await readFile(path.join(outside, "linked.html"), "utf8")).toBe("old feed");
  });

  it("writes a file where the kept site had a folder, and a folder where it had a file", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [
      { path: "x/index.html", content: "folder" },
      { path: "y", content: "file" },
    ]);
    await writeSite(dir, [{ path: "z", content: "z" }]);
    await writeSite(dir, [
      { path: "x", content: "now a file" },
      { path: "y/index.html", content: "now a folder" },
    ]);
    expect(await readFile(path.join(dir, "x"), "utf8")).toBe("now a file");
    expect(await readFile(path.join(dir, "y/index.html"), "utf8")).toBe("now a folder");
    expect((await readdir(dir)).sort()).toEqual([SITE_MARKER_FILE, "x", "y"]);
  });

  it("a build that fails while writing over the kept site leaves the live one as it was", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [{ path: "index.html", content: "one" }]);
    await writeSite(dir, [{ path: "index.html", content: "two" }]);
    async function* failing() {
      yield { path: "index.html", content: "three" };
      throw new Error("a template failed");
    }
    const [spare, ...more] = await sparesOf(dir);
    expect(more).toEqual([]);
    const inode = (await stat(spare as string)).ino;
    await expect(writeSite(dir, failing())).rejects.toThrow("a template failed");
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("two");
    // The kept site that was being written over is kept under its name, for the next build to write over.
    expect(await sparesOf(dir)).toEqual([spare]);
    expect((await stat(spare as string)).ino).toBe(inode);
    expect((await readdir(path.dirname(dir))).filter((n) => n.includes(".tmp-"))).toEqual([]);
    await writeSite(dir, [{ path: "new.html", content: "four" }]);
    expect(await readFile(path.join(dir, "new.html"), "utf8")).toBe("four");
    // Written over: nothing of what the failed build or the kept site held is left in the new site.
    expect((await readdir(dir)).sort()).toEqual([SITE_MARKER_FILE, "new.html"]);
  });

  it("a site given up once opened (its pages could not be made) leaves the live one and the kept one, no staging folder", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    await writeSite(dir, [{ path: "index.html", content: "one" }]);
    await writeSite(dir, [
      { path: "index.html", content: "two" },
      ...Array.from({ length: 300 }, (_, i) => ({ path: `p/e-${i}/index.html`, content: `${i}` })),
    ]);
    // Opened: the kept site is renamed to the staging folder and the writer thread starts surveying it.
    const before = (await readdir(path.dirname(dir))).sort();
    expect(before).toEqual(["_site", path.basename((await sparesOf(dir))[0] as string)]);
    const out = await openSite(dir);
    expect((await readdir(path.dirname(dir))).filter((n) => n.includes(".tmp-"))).toHaveLength(1);
    await out.abort();
    // The kept site is back under its name, whole: nothing was written into it.
    expect((await readdir(path.dirname(dir))).sort()).toEqual(before);
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("two");
    expect((await readdir(path.join((await sparesOf(dir))[0] as string))).sort()).toEqual([
      ".gitignore",
      SITE_MARKER_FILE,
      "index.html",
    ]);
    await writeSite(dir, [{ path: "index.html", content: "three" }]);
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("three");

    // A first build given up removes its fresh staging folder.
    const fresh = path.join(await testTempDir("papershelf-write-"), "_site");
    const first = await openSite(fresh);
    first.makeAhead(["p/a/"]);
    await first.abort();
    expect(await readdir(path.dirname(fresh))).toEqual([]);
  });

  it("makes the folders asked for ahead in a fresh folder, and writes every file into them as given", async () => {
    const dir = path.join(await testTempDir("papershelf-write-"), "_site");
    const folders = Array.from({ length: 500 }, (_, i) => `p/e-${i}/`);
    const files: SiteFile[] = [
      ...folders.map((f, i) => ({ path: `${f}index.html`, content: `<p>${i} 微調</p>` })),
      { path: "c/deep/er/index.html", content: "below" },
    ];
    const out = await openSite(dir);
    // Asked for in parts (as the records are read, then the rest), with folders no file goes into.
    out.makeAhead([...folders.slice(0, 300), "p/ghost/", "c/deep/"]);
    out.makeAhead([...folders.slice(300), "c/empty/"]);
    // All of them are made before any file is written (the build's staging folder, beside the site).
    const staging = `${dir}.tmp-${process.pid}`;
    await vi.waitFor(
      () => {
        for (const folder of ["p/e-0/", "p/ghost/", "p/e-499/", "c/empty/"])
          expect(existsSync(path.join(staging, folder)), folder).toBe(true);
      },
      { timeout: 10_000 },
    );
    expect(await out.write(files)).toBe(files.length + 1);
    for (const file of files) expect(await readFile(path.join(dir, file.path), "utf8")).toBe(file.content);
    // A folder made ahead that nothing went into is gone; one with a file below it stays.
    expect((await readdir(path.join(dir, "p"))).length).toBe(500);
    expect((await readdir(path.join(dir, "c"))).sort()).toEqual(["deep"]);
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
    for (const name of [...leftovers, "_site.old-notes", "other.old-4199999-1", "_site.old-2024"])
      await mkdir(path.join(parent, name, "p", "x"), { recursive: true });
    // Replaced sites are sites (a marker; a removal cut short keeps it to the last); a backup someone named
    // like one is not, and stays.
    for (const name of ["_site.old-4199999-1", "_site.old-123", "other.old-4199999-1"])
      await writeFile(path.join(parent, name, SITE_MARKER_FILE), "");
    await writeFile(path.join(parent, "_site.old-2024", "mine.txt"), "mine\n");
    await writeSite(dir, [{ path: "index.html", content: "new" }]);
    const kept = [
      "_site",
      "_site.old-2024",
      "_site.old-notes",
      `_site.tmp-${process.ppid}`,
      "other.old-4199999-1",
    ].sort();
    expect(await siblingsOnceRemoved(dir, kept)).toEqual(kept);
    // One of the old sites was written over: nothing of it is left but what this build wrote.
    expect((await readdir(dir)).sort()).toEqual([SITE_MARKER_FILE, "index.html"]);
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toBe("new");
  });
});

describe("a site folder that is a symbolic link", () => {
  it("replaces the folder the link points to and keeps the link (it once emptied that folder)", async () => {
    const parent = await testTempDir("papershelf-write-");
    const pages = path.join(parent, "pages-out");
    await writeSite(pages, [{ path: "old.html", content: "old" }]);
    const link = path.join(parent, "project", "_site");
    await mkdir(path.dirname(link));
    await symlink(pages, link);
    await writeSite(link, [{ path: "new.html", content: "new" }]);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(pages);
    // The old site is kept beside the real folder; nothing is left beside the link.
    expect((await sparesOf(pages)).map((p) => path.dirname(p))).toEqual([parent]);
    expect((await readdir(pages)).sort()).toEqual([SITE_MARKER_FILE, "new.html"]);
    expect(await readdir(path.dirname(link))).toEqual(["_site"]);
  });

  it("does not sweep through a link named like a replaced site, nor empty what it points to", async () => {
    const parent = await testTempDir("papershelf-write-");
    const elsewhere = path.join(parent, "elsewhere");
    await writeSite(elsewhere, [{ path: "keep.html", content: "keep" }]);
    await writeFile(path.join(elsewhere, "CNAME"), "papers.example.org\n");
    await symlink(elsewhere, path.join(parent, "_site.old-4199999-1"));
    await writeSite(path.join(parent, "_site"), [{ path: "index.html", content: "new" }]);
    // Given time for a background removal to have run, the link and what it points to are as they were.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readdir(parent)).sort()).toEqual(["_site", "_site.old-4199999-1", "elsewhere"]);
    expect((await readdir(elsewhere)).sort()).toEqual([SITE_MARKER_FILE, "CNAME", "keep.html"]);
  });

  it("is refused when it points at a kept path, and the message names the link as given", async () => {
    const parent = await testTempDir("papershelf-write-");
    const data = path.join(parent, "data");
    await mkdir(data);
    await writeFile(path.join(data, "papers.yaml"), "entries: []\n");
    await symlink(data, path.join(parent, "_site"));
    const keep = [{ path: path.join(data, "papers.yaml"), role: "the records file" }];
    expect(await siteTargetProblem(path.join(parent, "_site"), keep)).toBe(
      `${path.join(parent, "_site")} holds the records file (${path.join(data, "papers.yaml")}), and a site replaces its whole folder`,
    );
  });
});

describe("the folder a site may replace", () => {
  it("refuses a folder of files papershelf did not write, and writes nothing, not even a staging folder", async () => {
    const parent = await testTempDir("papershelf-write-");
    const docs = path.join(parent, "docs");
    await mkdir(docs);
    await writeFile(path.join(docs, "notes.md"), "hand-written\n");
    await expect(writeSite(docs, [{ path: "index.html", content: "new" }])).rejects.toThrow(SiteTargetError);
    await expect(writeSite(docs, [{ path: "index.html", content: "new" }])).rejects.toThrow(
      /docs holds files that papershelf did not write \(it has no \.papershelf-site\)/,
    );
    expect(await readdir(parent)).toEqual(["docs"]);
    expect(await readdir(docs)).toEqual(["notes.md"]);
    expect(await readFile(path.join(docs, "notes.md"), "utf8")).toBe("hand-written\n");
  });

  it("checks again before replacing: a folder filled by someone else while the pages were written is kept", async () => {
    const parent = await testTempDir("papershelf-write-");
    const dir = path.join(parent, "_site");
    async function* pages() {
      yield { path: "index.html", content: "new" };
      // Meanwhile, someone makes the folder and puts a file of theirs in it.
      await mkdir(dir);
      await writeFile(path.join(dir, "theirs.txt"), "theirs\n");
      yield { path: "p/a/index.html", content: "a" };
    }
    await expect(writeSite(dir, pages())).rejects.toThrow(/_site holds files that papershelf did not write/);
    expect(await readdir(parent)).toEqual(["_site"]);
    expect(await readdir(dir)).toEqual(["theirs.txt"]);
  });

  it("refuses a file, and leaves it as it was", async () => {
    const parent = await testTempDir("papershelf-write-");
    const file = path.join(parent, "README.md");
    await writeFile(file, "# mine\n");
    await expect(writeSite(file, [{ path: "index.html", content: "new" }])).rejects.toThrow(
      /README\.md is a file, not a folder/,
    );
    expect(await readdir(parent)).toEqual(["README.md"]);
    expect(await readFile(file, "utf8")).toBe("# mine\n");
  });

  it("refuses a place where no folder can be made, with the reason, before building anything", async () => {
    const parent = await testTempDir("papershelf-write-");
    await symlink(path.join(parent, "nowhere", "dir"), path.join(parent, "dangling"));
    let built = 0;
    const files = function* () {
      built++;
      yield { path: "index.html", content: "new" };
    };
    // A link to nowhere on the way, and (Linux) /proc, where Node 20's recursive mkdir looped for ever.
    const places = [
      path.join(parent, "dangling", "site"),
      ...(process.platform === "linux" ? ["/proc/papershelf-x"] : []),
    ];
    for (const out of places) {
      const refused = await writeSite(out, files()).catch((error: unknown) => error);
      expect(refused, out).toBeInstanceOf(SiteTargetError);
      expect((refused as SiteTargetError).reason).toMatch(
        /no folder can be made beside .* to build it in \(ENOENT\)/,
      );
    }
    expect(built).toBe(0);
    expect((await readdir(parent)).sort()).toEqual(["dangling"]);
  });

  it("refuses a folder that is or holds a kept path, even one papershelf wrote", async () => {
    const project = await testTempDir("papershelf-write-");
    const records = path.join(project, "data", "papers.yaml");
    await mkdir(path.dirname(records));
    await writeFile(records, "entries: []\n");
    await writeFile(path.join(project, SITE_MARKER_FILE), "");
    const kept = [{ path: records, role: "the records file" }];
    expect(await siteTargetProblem(project, kept)).toBe(
      `${project} holds the records file (${records}), and a site replaces its whole folder`,
    );
    expect(await siteTargetProblem(project, [{ path: project, role: "the project" }])).toBe(
      `${project} is the project, and a site replaces its whole folder`,
    );
    // A sibling whose name starts with the kept folder's is not inside it.
    const data = [{ path: path.join(project, "data"), role: "the data" }];
    expect(await siteTargetProblem(path.join(project, "data-site"), data)).toBeUndefined();
    await expect(writeSite(project, [{ path: "index.html", content: "x" }], kept)).rejects.toThrow(
      SiteTargetError,
    );
    expect((await readdir(project)).sort()).toEqual([SITE_MARKER_FILE, "data"]);
  });

  it("replaces a new folder, an empty one, its own site, and an earlier papershelf's site without the marker", async () => {
    const parent = await testTempDir("papershelf-write-");
    const fresh = path.join(parent, "fresh");
    expect(await siteTargetProblem(fresh)).toBeUndefined();
    const empty = path.join(parent, "empty");
    await mkdir(empty);
    expect(await siteTargetProblem(empty)).toBeUndefined();
    const earlier = path.join(parent, "earlier");
    await mkdir(earlier);
    for (const name of ["search-index.json", "papers.json", ".nojekyll", "index.html"])
      await writeFile(path.join(earlier, name), "");
    expect(await siteTargetProblem(earlier)).toBeUndefined();
    // Two of the three files an earlier site always had are not enough.
    const partial = path.join(parent, "partial");
    await mkdir(partial);
    for (const name of ["search-index.json", "index.html"]) await writeFile(path.join(partial, name), "");
    expect(await siteTargetProblem(partial)).toMatch(/holds files that papershelf did not write/);

    for (const dir of [fresh, empty, earlier]) {
      await writeSite(dir, [{ path: "index.html", content: "new" }]);
      expect((await readdir(dir)).sort(), dir).toEqual([SITE_MARKER_FILE, "index.html"]);
    }
    await writeSite(fresh, [{ path: "again.html", content: "again" }]);
    expect(await readFile(path.join(fresh, "again.html"), "utf8")).toBe("again");
  });
});

/** The replaced sites kept next to `dir` (`<name>.old-…`), as paths. */
async function sparesOf(dir: string): Promise<string[]> {
  const name = `${path.basename(dir)}.old-`;
  return (await readdir(path.dirname(dir)))
    .filter((n) => n.startsWith(name))
    .map((n) => path.join(path.dirname(dir), n));
}

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
