/**
 * Bundles the Action into dist/action.js (committed: the Action runs it without npm install). The CLI is not
 * bundled: the npm package ships src/ compiled to lib/ (scripts/build-lib.ts) and depends on its dependencies.
 *   tsx scripts/build-dist.ts           rebuild dist/
 *   tsx scripts/build-dist.ts --check   rebuild into a temp dir and fail (exit 1) when dist/ differs
 */
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ACTION_BUNDLE_OPTIONS } from "./action-bundle.js";
import { bundleSiteAssets } from "./site-assets.js";

// The Action's entry is src/index.ts (GitHub's template layout: src/main.ts exports run()), bundled as
// dist/action.js, which action.yml runs.
const ENTRY_POINTS = { action: "src/index.ts" };

async function bundle(outdir: string): Promise<void> {
  await build({ ...ACTION_BUNDLE_OPTIONS, entryPoints: ENTRY_POINTS, outdir });
  // The site's browser assets, which `papershelf site` copies into every site it builds.
  const { script, style } = await bundleSiteAssets();
  await mkdir(path.join(outdir, "site"), { recursive: true });
  await writeFile(path.join(outdir, "site", "site.js"), script);
  await writeFile(path.join(outdir, "site", "site.css"), style);
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function main(): Promise<number> {
  if (!process.argv.includes("--check")) {
    await rm("dist", { recursive: true, force: true });
    await bundle("dist");
    console.log(`dist/ rebuilt from ${Object.values(ENTRY_POINTS).join(", ")}`);
    return 0;
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), "papershelf-dist-"));
  try {
    await bundle(tmp);
    const [want, have] = [await listFiles(tmp), await listFiles("dist")];
    const stale = [...new Set([...want, ...have])].filter((f) => !want.includes(f) || !have.includes(f));
    for (const f of want.filter((f) => have.includes(f))) {
      const [a, b] = await Promise.all([readFile(path.join(tmp, f)), readFile(path.join("dist", f))]);
      if (!a.equals(b)) stale.push(f);
    }
    if (stale.length > 0) {
      console.error(`dist/ is stale (${stale.join(", ")}): run "npm run build:dist" and commit dist/.`);
      return 1;
    }
    console.log("dist/ is up to date");
    return 0;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main();
