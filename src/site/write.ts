/**
 * Writes a built site to its folder without ever leaving half of one: the files go to a fresh sibling
 * folder, which then replaces the old one in two renames. A failure leaves the old site as it was.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteFile } from "./build.js";

export async function writeSite(outDir: string, files: readonly SiteFile[]): Promise<void> {
  const target = path.resolve(outDir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const folders = new Set(files.map((f) => path.dirname(path.join(staging, f.path))));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    // Small files, many of them: a bounded number in flight keeps file handles well under the OS limit.
    for (let i = 0; i < files.length; i += 64)
      await Promise.all(
        files.slice(i, i + 64).map((f) => writeFile(path.join(staging, f.path), f.content, "utf8")),
      );
    await rm(previous, { recursive: true, force: true });
    await rename(target, previous).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
    await rename(staging, target);
    await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
