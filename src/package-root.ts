/**
 * papershelf's own folder (the one holding its package.json), wherever this code runs from: src/ under tsx,
 * lib/ in the npm package (bundled into a few chunks, so no file knows its depth), dist/ in the Action.
 * Found by walking up from this module to the package.json named "papershelf", once per process.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "papershelf";

let found: { root: string; version: string } | undefined;

function locate(): { root: string; version: string } {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME) return { root: dir, version: String(pkg.version) };
    }
    if (path.dirname(dir) === dir)
      throw new Error(`papershelf's package.json was not found above ${start} (a broken installation?)`);
  }
}

/** The package's folder (absolute). */
export function packageRoot(): string {
  return (found ??= locate()).root;
}

/** package.json's version (changesets bumps it there). */
export function packageVersion(): string {
  return (found ??= locate()).version;
}

/**
 * True when this code runs from the built package (lib/), not from a checkout's src/: only then is
 * lib/release.json (the commit lib/ was built from) about this very code.
 */
export function runsFromLib(): boolean {
  const here = fileURLToPath(import.meta.url);
  return here.startsWith(path.join(packageRoot(), "lib") + path.sep);
}
