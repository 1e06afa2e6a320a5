/**
 * Sizes of what papershelf ships (`npm run bench`): dist/action.js, the Action's committed bundle, and the npm
 * package's tarball. Each against its budget; exits 1 when one is over, so a dependency that doubles the bundle
 * is noticed when it is added.
 *   dist/action.js   every dependency inside (the Action runs without npm install); built from the same
 *                    options as `npm run build:dist` (scripts/action-bundle.ts), measured on the committed file.
 *   the tarball      lib/ (src bundled into chunks, dependencies left to npm), templates/, schemas/, README, package.json.
 */
import { execFileSync } from "node:child_process";
import { stat } from "node:fs/promises";
import { ACTION_BUNDLE_BUDGET_BYTES } from "../scripts/action-bundle.js";

/** The packed tarball; lib/ is unminified, the README holds the whole list. */
const TARBALL_BUDGET_BYTES = 300_000;

interface PackInfo {
  size: number;
  unpackedSize: number;
  entryCount: number;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
function line(what: string, bytes: number, budget: number, extra = ""): boolean {
  const ok = bytes <= budget;
  console.log(
    `${what.padEnd(16)} ${kb(bytes).padStart(9)}  budget ${kb(budget)}  ${ok ? "ok" : "OVER"}${extra}`,
  );
  return ok;
}

const action = (await stat("dist/action.js")).size;
execFileSync("npx", ["tsx", "scripts/build-lib.ts"], { stdio: "ignore" });
const [pack] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" }),
) as PackInfo[];
if (!pack) throw new Error("npm pack --dry-run printed no package");

const ok = [
  line("dist/action.js", action, ACTION_BUNDLE_BUDGET_BYTES),
  line(
    "npm tarball",
    pack.size,
    TARBALL_BUDGET_BYTES,
    `  (${pack.entryCount} files, ${kb(pack.unpackedSize)} unpacked)`,
  ),
].every(Boolean);
process.exitCode = ok ? 0 : 1;
