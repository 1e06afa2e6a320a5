/**
 * Writes a site to its folder without ever leaving half of one: the files go to a fresh sibling folder,
 * which then replaces the old one in two renames. A failure (a template error halfway through the pages, a
 * full disk) leaves the old site as it was and no staging folder behind.
 *
 * Files are written as they arrive from `siteFiles`, by a writer thread (file-writer.ts), so the file system
 * works on one batch of pages on the other core while the next is rendered, and no page is held longer than
 * its write.
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic, PapersFile } from "../records/index.js";
import {
  siteFiles,
  siteTemplateDiagnostic,
  type SiteAssets,
  type SiteOptions,
  type StreamedSiteFile,
} from "./build.js";
import { FileWriter } from "./file-writer.js";
import type { SiteTemplates } from "./templates.js";

/** Writes every file under `outDir`, replacing what was there; resolves to the number of files. */
export async function writeSite(outDir: string, files: Iterable<StreamedSiteFile>): Promise<number> {
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

async function writeFiles(root: string, files: Iterable<StreamedSiteFile>) {
  const writer = new FileWriter();
  let count = 0;
  try {
    for (const file of files) {
      await writer.write(path.join(root, file.path), file.content);
      count++;
    }
  } catch (error) {
    // The files failed to build (or a write failed): what is queued finishes before the folder is removed.
    await writer.close().catch(() => undefined);
    throw error;
  }
  await writer.close();
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
