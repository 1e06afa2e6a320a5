/**
 * Writes a site to its folder without ever leaving half of one: the files go to a fresh sibling folder,
 * which then replaces the old one in two renames. A failure (a template error halfway through the pages, a
 * full disk) leaves the old site as it was and no staging folder behind.
 *
 * Files are written as they arrive, by a writer thread (file-writer.ts), so the file system works on one
 * batch of pages on the other core while the next is rendered, and no page is held longer than its write.
 * The terms (related entries, search index) are computed on a third thread meanwhile (terms-thread.ts).
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic, PapersFile } from "../records/index.js";
import {
  SEARCH_INDEX_FILE,
  planSite,
  siteTemplateDiagnostic,
  type SiteAssets,
  type SiteOptions,
  type StreamedSiteFile,
} from "./build.js";
import { FileWriter, type FileContent } from "./file-writer.js";
import { termInput } from "./term-input.js";
import { startTermThread, type TermThread } from "./terms-thread.js";
import type { SiteTemplates } from "./templates.js";

/** A file to write: text, text in pieces, or bytes (the search index, encoded on the term thread). */
export interface FileToWrite {
  path: string;
  content: FileContent;
}

type Files = Iterable<StreamedSiteFile | FileToWrite> | AsyncIterable<StreamedSiteFile | FileToWrite>;

/** Writes every file under `outDir`, replacing what was there; resolves to the number of files. */
export async function writeSite(outDir: string, files: Files): Promise<number> {
  const target = path.resolve(outDir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const writer = new FileWriter();
  try {
    let count = 0;
    for await (const file of files) {
      await writer.write(path.join(staging, file.path), file.content);
      count++;
    }
    await writer.close();
    await rm(previous, { recursive: true, force: true });
    await rename(target, previous).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
    await rename(staging, target);
    // fs/promises' rm works through libuv's four threads at once; one thread removing the old site's
    // 20,000 files and folders with synchronous calls took twice as long (3-4 s against 1.5 s, load ~2).
    await rm(previous, { recursive: true, force: true });
    return count;
  } catch (error) {
    // The files failed to build (or a write failed): what is queued finishes before the folder is removed.
    await writer.close().catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

export type SiteWriteResult = { ok: true; fileCount: number } | { ok: false; errors: Diagnostic[] };

/**
 * The site's files with the terms computed on the term thread: the pages that need no terms first, then,
 * once the thread sends them, the entry pages (their related entries) and the search index.
 */
async function* filesWithTermThread(
  site: ReturnType<typeof planSite>,
  terms: TermThread,
): AsyncGenerator<StreamedSiteFile | FileToWrite> {
  yield* site.head();
  yield* site.exports();
  yield* site.entryPages(await terms.related);
  yield { path: SEARCH_INDEX_FILE, content: await terms.searchIndex };
}

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
  // Started first: the thread numbers the terms while this one renders the entries' Markdown.
  const terms = startTermThread(termInput(data.entries));
  try {
    const site = planSite(data, templates, assets, options);
    return { ok: true, fileCount: await writeSite(outDir, filesWithTermThread(site, terms)) };
  } catch (error) {
    return { ok: false, errors: [siteTemplateDiagnostic(error)] };
  } finally {
    await terms.close();
  }
}
