/**
 * Writes a site to its folder without ever leaving half of one: the files go to a fresh sibling folder,
 * which then replaces the old one in two renames. A failure (a template error halfway through the pages, a
 * full disk) leaves the old site as it was and no staging folder behind.
 *
 * Files are written as they arrive, by a writer thread (file-writer.ts), so the file system works on one
 * batch of pages on the other core while the next is rendered, and no page is held longer than its write.
 * The terms (related entries, search index) are computed on a third thread meanwhile (terms-thread.ts).
 *
 * The old site, once replaced, is kept beside the new one (`<name>.old-…`) for the next build to write over
 * (FileWriter's `recycle` says why); any older one is removed by a detached process (`removeInBackground`),
 * so a build returns as soon as the new site is in place.
 *
 * Because the folder is replaced as a whole, only a folder that is a site may be replaced: one that papershelf
 * wrote (it holds SITE_MARKER_FILE), an empty one, or none. `papershelf site --out .` once replaced the
 * project it was run in, records and .git included (`siteTargetProblem` refuses it now).
 */
import { spawn } from "node:child_process";
import { lstat, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic, PapersFile } from "../records/index.js";
import { ID_PATTERN, keptPathWithin, resolveThroughLinks, type KeptPath } from "../records/index.js";
import {
  SEARCH_INDEX_FILE,
  planSite,
  siteTemplateDiagnostic,
  type SiteAssets,
  type SiteOptions,
  type StreamedSiteFile,
} from "./build.js";
import { FileWriter, type FileContent } from "./file-writer.js";
import { entryPath } from "./pages.js";
import { termInput } from "./term-input.js";
import { bootTermThread, type TermThread } from "./terms-thread.js";
import type { SiteTemplates } from "./templates.js";

/**
 * The file at the root of every folder `writeSite` writes: the sign that the folder is a site papershelf made,
 * which the next build may replace as a whole (Sphinx's `.buildinfo` marks its output the same way).
 */
export const SITE_MARKER_FILE = ".papershelf-site";
const SITE_MARKER_TEXT =
  "This folder is written by `papershelf site`, which replaces the whole folder at every build.\n";

/** What every site had at its root before SITE_MARKER_FILE: an earlier papershelf's site may be replaced too. */
const EARLIER_SITE_FILES = [SEARCH_INDEX_FILE, "papers.json", ".nojekyll"];

/** A folder the site may not replace (see `siteTargetProblem`). */
export class SiteTargetError extends Error {
  override name = "SiteTargetError";
  /** @param reason what `siteTargetProblem` said */
  constructor(readonly reason: string) {
    super(`refusing to write the site: ${reason}`);
  }
}

/** A path a site's folder may not be or hold, and what it is, for the refusal ("the records file"). */
export type { KeptPath } from "../records/index.js";

/**
 * Why a site may not replace `target`, or undefined when it may: `target` does not exist, is an empty folder,
 * or is a site papershelf wrote. Whatever it holds, a folder that is or holds one of `keep` (the project
 * folder, its records, templates and config) is refused. `show` turns a path into what the message says.
 */
export async function siteTargetProblem(
  target: string,
  keep: readonly KeptPath[] = [],
  show: (file: string) => string = (file) => file,
): Promise<string | undefined> {
  // Compared through links (a link to the project is the project); named as the caller gave them.
  const folder = await resolveThroughLinks(target);
  const held = await keptPathWithin(folder, keep);
  if (held !== undefined) {
    const what = held.same
      ? `is ${held.kept.role}`
      : `holds ${held.kept.role} (${show(path.resolve(held.kept.path))})`;
    return `${show(path.resolve(target))} ${what}, and a site replaces its whole folder`;
  }
  let names: string[];
  try {
    if (!(await stat(folder)).isDirectory()) return `${show(path.resolve(target))} is a file, not a folder`;
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (names.length === 0 || names.includes(SITE_MARKER_FILE)) return undefined;
  if (EARLIER_SITE_FILES.every((name) => names.includes(name))) return undefined;
  return `${show(path.resolve(target))} holds files that papershelf did not write (it has no ${SITE_MARKER_FILE}), and a site replaces its whole folder`;
}

/** A file to write: text, text in pieces, or bytes (the search index, encoded on the term thread). */
export interface FileToWrite {
  path: string;
  content: FileContent;
}

type Files = Iterable<StreamedSiteFile | FileToWrite> | AsyncIterable<StreamedSiteFile | FileToWrite>;

/**
 * The remover a detached process runs: removes each folder named in its arguments and ignores failures
 * (what it leaves behind, the next build's sweep takes). The marker goes last, so a removal cut short
 * leaves a folder the sweep still knows for a site.
 */
const REMOVER = `const { lstatSync, readdirSync, rmSync } = require("node:fs");
const { join } = require("node:path");
const gone = (p) => rmSync(p, { recursive: true, force: true, maxRetries: 2 });
for (const dir of process.argv.slice(1))
  try {
    // A link is removed, never what it points to.
    if (lstatSync(dir).isDirectory())
      for (const name of readdirSync(dir)) if (name !== ${JSON.stringify(SITE_MARKER_FILE)}) gone(join(dir, name));
    gone(dir);
  } catch {}`;

/**
 * Removes folders without waiting for them to go: a detached process removes them, so a build returns as
 * soon as the new site is in place. Removing the old site of 10,000 records (20,000 files and folders) took
 * 1.5 s after the build, and 9-11 s when the file system had first to write the old files out (measured
 * here after a `sync`). If no process can be started, the folders are removed here, and waited for.
 */
async function removeInBackground(dirs: readonly string[]): Promise<void> {
  if (dirs.length === 0) return;
  const started = await new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, ["-e", REMOVER, ...dirs], {
      detached: true,
      stdio: "ignore",
      windowsHide: true,
    });
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
    child.once("error", () => resolve(false));
  });
  if (!started) await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** `<name>.old-<pid>-<n>` (a replaced site) or `<name>.tmp-<pid>` (a build's staging folder). */
const SIBLING = /^(.*)\.(old|tmp)-(\d+)(?:-\d+)?$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * What earlier builds left next to `target`: replaced sites whose removal did not finish (a machine that
 * stopped meanwhile), and staging folders of builds that died. A running build's staging folder stays, and so
 * does a folder named like a replaced site that is not a site (`siteTargetProblem`).
 */
async function leftovers(target: string): Promise<string[]> {
  const parent = path.dirname(target);
  const name = path.basename(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  const swept: string[] = [];
  for (const sibling of names) {
    const match = SIBLING.exec(sibling);
    if (match?.[1] !== name) continue;
    const folder = path.join(parent, sibling);
    // Only folders: a link named like one points at something that is not ours to remove.
    if (
      !(await lstat(folder).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    )
      continue;
    // A replaced site only if it still is one: `_site.old-2024` may be somebody's copy of anything.
    if (match[2] === "old" ? (await siteTargetProblem(folder)) === undefined : !isRunning(Number(match[3])))
      swept.push(folder);
  }
  return swept;
}

/**
 * Renames one of `leftovers` that is a replaced site (`<name>.old-…`) to `staging`, to be written over:
 * resolves to the folder it was, or undefined when there is none (or another build took it first).
 */
async function takeSpare(leftovers: readonly string[], staging: string): Promise<string | undefined> {
  for (const folder of leftovers) {
    if (SIBLING.exec(path.basename(folder))?.[2] !== "old") continue;
    try {
      await rename(folder, staging);
      return folder;
    } catch {
      // Gone meanwhile (another build took it, or its removal finished): the next, or a fresh folder.
    }
  }
  return undefined;
}

/**
 * A replaced site, kept beside the new one until the next build writes over it, says what it is and is
 * ignored by git (a `.gitignore` of "*", as pytest and mypy mark their caches): `_site/` in a project's
 * .gitignore does not cover `_site.old-…/`. The next build removes this file with the rest it does not write.
 */
async function markSpare(folder: string): Promise<void> {
  await writeFile(path.join(folder, ".gitignore"), SPARE_GITIGNORE).catch(() => undefined);
}
const SPARE_GITIGNORE =
  "# The site papershelf replaced, kept for the next `papershelf site` to write over (faster than new files).\n*\n";

/**
 * Makes the staging folder, its parents first, here rather than in the writer thread: a place where no folder
 * can be made is a refusal with the reason, before any page is built. (`--out /proc/x` kept Node 20's
 * recursive mkdir looping for ever, ENOENT for the folder and EEXIST for /proc; a link to nowhere, or a file,
 * on the way was an internal error.)
 */
async function makeStaging(staging: string, target: string): Promise<void> {
  try {
    await mkdir(path.dirname(staging), { recursive: true });
    await mkdir(staging);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new SiteTargetError(`no folder can be made beside ${target} to build it in (${code ?? message})`);
  }
}

/** Whether `from` could be renamed `to`. */
function renamed(from: string, to: string): Promise<boolean> {
  return rename(from, to).then(
    () => true,
    () => false,
  );
}

/** Numbers the replaced sites of one process, so a build never waits for an earlier one's to be removed. */
let replaced = 0;

/** A site being written (`openSite`): its folder checked, its staging folder ready, its writer thread started. */
export interface SiteOutput {
  /**
   * Writes every file and SITE_MARKER_FILE, then puts the new site in place; resolves to the number of files
   * written. On any failure the old site is left as it was, and the staging folder is given up as `abort`
   * gives it up.
   */
  write(files: Files): Promise<number>;
  /**
   * Names the folders the site will have (relative), once they are known: into a fresh folder, the writer
   * thread makes them ahead of their files (FileWriter's `makeAhead`); over a kept site, they are there.
   */
  makeAhead(folders: readonly string[]): void;
  /**
   * Gives up before `write` (the files could not be made): stops the thread, and puts the kept site it was
   * writing over back under its name, or removes the fresh staging folder.
   */
  abort(): Promise<void>;
}

/**
 * Checks that `outDir` may be replaced (`siteTargetProblem`, with `keep`) and gets a folder ready to write the
 * new site into: the site an earlier build replaced, to be written over, or a fresh one. The writer thread
 * starts here, and with it the survey of that earlier site, so a caller that opens the site before making its
 * pages has both done meanwhile: waited for, the survey of 10,000 entry folders left the pages' thread idle
 * for 0.2 s. Throws a SiteTargetError, leaving no staging folder.
 */
export async function openSite(outDir: string, keep: readonly KeptPath[] = []): Promise<SiteOutput> {
  // Through links: the folder a linked `_site` points to is replaced, and the link stays.
  const target = await resolveThroughLinks(outDir);
  const problem = await siteTargetProblem(target, keep);
  if (problem !== undefined) throw new SiteTargetError(problem);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}-${++replaced}`;
  await rm(staging, { recursive: true, force: true });
  const stale = await leftovers(target);
  // The site an earlier build replaced is kept as the next one's staging folder (see FileWriter), one only.
  const spare = await takeSpare(stale, staging);
  if (spare === undefined) await makeStaging(staging, target);
  const writer = new FileWriter(spare === undefined ? undefined : staging);
  const makeAhead = (folders: readonly string[]) => {
    if (spare === undefined && folders.length > 0)
      writer.makeAhead(folders.map((f) => path.resolve(staging, f)));
  };
  const abort = async () => {
    // The files failed to build (or a write failed): the thread stops before the folder is touched.
    await writer.abort();
    // A kept site taken to be written over goes back to its name, to be the next build's again: that build
    // writes over whatever it holds, this one's pages included, and removes the rest. Removed here, its
    // thousands of files kept the error waiting for seconds (a template being edited fails build after
    // build), and the next build wrote every file anew.
    const putBack = spare !== undefined && (await renamed(staging, spare));
    if (!putBack) await rm(staging, { recursive: true, force: true });
  };
  const write = async (files: Files) => {
    try {
      let count = 0;
      for await (const file of files) {
        await writer.write(path.join(staging, file.path), file.content);
        count++;
      }
      await writer.write(path.join(staging, SITE_MARKER_FILE), SITE_MARKER_TEXT);
      count++;
      await writer.close();
      // Again at the moment of replacing: the folder may have changed while the pages were written.
      const late = await siteTargetProblem(target, keep);
      if (late !== undefined) throw new SiteTargetError(late);
      const hadSite = await rename(target, previous).then(
        () => true,
        (e: NodeJS.ErrnoException) => {
          if (e.code !== "ENOENT") throw e;
          return false;
        },
      );
      await rename(staging, target);
      if (hadSite) await markSpare(previous);
      await removeInBackground(stale.filter((folder) => folder !== spare));
      return count;
    } catch (error) {
      await abort();
      throw error;
    }
  };
  return { write, makeAhead, abort };
}

/**
 * Writes every file under `outDir`, replacing what was there, and SITE_MARKER_FILE; resolves to the number of
 * files written once the new site is in place (the old one is kept for the next build, older ones are
 * removed in the background).
 * Throws a SiteTargetError when `outDir` may not be replaced (`siteTargetProblem`, with `keep`): before
 * writing anything, and again just before the replacing rename, leaving no staging folder.
 */
export async function writeSite(
  outDir: string,
  files: Files,
  keep: readonly KeptPath[] = [],
): Promise<number> {
  return (await openSite(outDir, keep)).write(files);
}

export type SiteWriteResult = { ok: true; fileCount: number } | { ok: false; errors: Diagnostic[] };

/**
 * The site's files with the terms computed on the term thread: the pages that need no terms first, then the
 * entry pages, each run of them as soon as the thread sends its related entries, and the search index.
 * Waiting for all the related entries left this thread idle for 0.3-1.4 s of a 10,000-record build.
 */
async function* filesWithTermThread(
  site: ReturnType<typeof planSite>,
  terms: TermThread,
): AsyncGenerator<StreamedSiteFile | FileToWrite> {
  yield* site.head();
  yield* site.exports();
  for await (const run of terms.relatedRuns()) yield* site.entryPages(run.related, run.from, run.to);
  yield { path: SEARCH_INDEX_FILE, content: await terms.searchIndex };
}

/** A site build whose threads are started, waiting for the records (`startSiteBuild`). */
export interface SiteBuild {
  /**
   * Builds the site and writes it, each page as soon as it is made; once. A template error comes back as a
   * diagnostic, with the previous site left in place.
   */
  build(
    data: PapersFile,
    templates: SiteTemplates,
    assets: SiteAssets,
    options: SiteOptions,
  ): Promise<SiteWriteResult>;
  /**
   * Told of a record while the records are still being read (parseRecords' `onEntry`), before anything
   * checks it: the writer thread makes the entry's folder meanwhile, on the core that idles while this one
   * reads. Only an entry whose id is one the schema allows counts; a folder made for an entry that `build`
   * does not have is removed when the site is written. Ignored once `build` was called.
   */
  expectEntry(entry: unknown): void;
  /**
   * Gives up before `build` (the records or templates did not load): the threads stop, and the old site
   * stays as it was. Does nothing once `build` was called.
   */
  abort(): Promise<void>;
}

/** Entries told of (`expectEntry`) whose folders go to the writer thread in one message. */
const EXPECTED_BATCH = 256;
const ENTRY_ID = new RegExp(ID_PATTERN);

/**
 * Gets a build of `outDir` going before its records are read: the term thread loads its code, and the
 * writer thread starts and surveys the site it will write over (`openSite`), on the core that idles while
 * this one reads and checks the records (~0.5 s at 10,000 records; done after, the same work competed with
 * the pages for both cores). Throws a SiteTargetError when `outDir` may not be replaced (`siteTargetProblem`,
 * with `keep`, the paths it may not be or hold).
 */
export async function startSiteBuild(outDir: string, keep: readonly KeptPath[] = []): Promise<SiteBuild> {
  const terms = bootTermThread();
  let out: SiteOutput;
  try {
    out = await openSite(outDir, keep);
  } catch (error) {
    await terms.close();
    throw error;
  }
  let started = false;
  // How many entries were told of, and the folders of those not sent yet.
  let told = 0;
  let expected: string[] = [];
  const askAhead = () => {
    if (expected.length > 0) out.makeAhead(expected);
    expected = [];
  };
  return {
    expectEntry(entry) {
      if (started) return;
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id !== "string" || !ENTRY_ID.test(id)) return;
      told++;
      expected.push(entryPath(id));
      if (expected.length === EXPECTED_BATCH) askAhead();
    },
    async build(data, templates, assets, options) {
      if (started) throw new Error("a site build runs once");
      started = true;
      askAhead();
      let thread: TermThread | undefined;
      // Once writing, a failure gives the site up by itself (SiteOutput#write); before, it is given up here.
      let writing = false;
      try {
        // The thread numbers the terms while this one renders the entries' Markdown.
        thread = terms.run(() => termInput(data.entries));
        // Not every entry was told of (a file the quick reader left to the full one): all of them, and the
        // writer skips the folders it has made.
        if (told !== data.entries.length) out.makeAhead(data.entries.map((e) => entryPath(e.id)));
        const site = planSite(data, templates, assets, options);
        writing = true;
        return { ok: true, fileCount: await out.write(filesWithTermThread(site, thread)) };
      } catch (error) {
        if (!writing) await out.abort();
        return { ok: false, errors: [siteTemplateDiagnostic(error)] };
      } finally {
        // Stopped already when making its input failed (TermThreadBoot#run).
        await thread?.close();
      }
    },
    async abort() {
      // A build that ran cleans up after itself.
      if (started) return;
      started = true;
      await Promise.all([out.abort(), terms.close()]);
    },
  };
}

/**
 * Builds the site and writes it to `outDir` in one pass, each page written as soon as it is made. A template
 * error comes back as a diagnostic, with the previous site left in place. Throws a SiteTargetError when
 * `outDir` may not be replaced (see `startSiteBuild`).
 */
export async function buildAndWriteSite(
  outDir: string,
  data: PapersFile,
  templates: SiteTemplates,
  assets: SiteAssets,
  options: SiteOptions,
  /** Paths the output folder may not be or hold (see `siteTargetProblem`). */
  keep: readonly KeptPath[] = [],
): Promise<SiteWriteResult> {
  return (await startSiteBuild(outDir, keep)).build(data, templates, assets, options);
}
