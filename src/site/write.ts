/**
 * Writes a site to its folder without ever leaving half of one: the files go to a fresh sibling folder,
 * which then replaces the old one in two renames. A failure (a template error halfway through the pages, a
 * full disk) leaves the old site as it was and no staging folder behind.
 *
 * Files are written as they arrive from `siteFiles`, a bounded number at a time, so the file system works
 * on one page (in libuv's threads, on the other core) while the next is rendered, and no page is held
 * longer than its write.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../records/index.js";
import {
  siteFiles,
  siteTemplateDiagnostic,
  type SiteAssets,
  type SiteFile,
  type SiteOptions,
} from "./build.js";
import type { PapersFile } from "../records/index.js";
import type { SiteTemplates } from "./templates.js";

/**
 * Writes in flight at once: enough to keep libuv's 4 threads busy while a page renders, and far below the
 * open-file limit (each write holds one descriptor).
 */
const WRITES_IN_FLIGHT = 16;

/** Writes every file under `outDir`, replacing what was there; resolves to the number of files. */
export async function writeSite(
  outDir: string,
  files: Iterable<SiteFile> | AsyncIterable<SiteFile>,
): Promise<number> {
  const target = path.resolve(outDir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const count = await writeFiles(staging, files);
    await rm(previous, { recursive: true, force: true });
    await rename(target, previous).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
    await rename(staging, target);
    await rm(previous, { recursive: true, force: true });
    return count;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeFiles(root: string, files: Iterable<SiteFile> | AsyncIterable<SiteFile>) {
  // Each folder is made once; a file waits for its own folder only.
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string): Promise<unknown> => {
    let made = folders.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      folders.set(dir, made);
    }
    return made;
  };
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let count = 0;
  try {
    for await (const file of files) {
      if (failure) break;
      const where = path.join(root, file.path);
      const write: Promise<void> = folder(path.dirname(where))
        .then(() => writeFile(where, file.content, "utf8"))
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      count++;
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    }
  } finally {
    // Even when the files fail to build, the writes already started finish before the folder is removed.
    await Promise.all(inFlight);
  }
  if (failure) throw failure.error;
  return count;
}

export type SiteWriteResult = { ok: true; fileCount: number } | { ok: false; errors: Diagnostic[] };

/**
 * Builds the site and writes it to `outDir` in one pass, each page written as soon as it is made. A template
 * error comes back as a diagnostic, with the previous site left in place.
 */
export async function buildAndWriteSite(
  outDir: string,
  data: PapersFile,
  templates: SiteTemplates,
  assets: SiteAssets,
  options: SiteOptions,
): Promise<SiteWriteResult> {
  try {
    return { ok: true, fileCount: await writeSite(outDir, siteFiles(data, templates, assets, options)) };
  } catch (error) {
    return { ok: false, errors: [siteTemplateDiagnostic(error)] };
  }
}
