/**
 * Installs a packed papershelf tarball into a folder without the registry. `npm install --offline <tarball>`
 * is not enough: npm still wants each dependency's registry metadata, which `npm ci` never caches. So the
 * folder gets a lockfile instead: the tarball, plus exactly the production part of papershelf's own lockfile
 * (every package not marked dev), and `npm ci --offline` installs that tree from the npm cache, checking each
 * integrity hash. Faithful to a real install: papershelf gets only its declared dependencies (no devDependency
 * can hide a missing one), in the versions the lockfile pins. papershelf's "overrides" are repeated in the
 * folder's package.json, as an adopter on Node 20 does (npm ignores a dependency's overrides).
 */
import { spawnSync } from "node:child_process";
import semver from "semver";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

interface LockPackage {
  version?: string;
  license?: string;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
}

/**
 * npm never reaches a registry from these children: offline mode answers from the cache or fails (ENOTCACHED).
 * (The registry is left as configured: the cache is keyed by the lockfile's registry URLs.)
 */
export const OFFLINE_ENV = {
  npm_config_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

/** The oldest Node an "engines" range of the form ">=X.Y.Z" admits. */
export function oldestSupportedNode(engines: Record<string, string> | undefined): string {
  const floor = /^>=\s*(\d+\.\d+\.\d+)$/.exec(engines?.node ?? "")?.[1];
  if (floor === undefined) throw new Error(`engines.node should read ">=X.Y.Z", found "${engines?.node}"`);
  return floor;
}

/**
 * The installed packages whose "engines" refuse `node` (a version), as "name@version needs <range>". npm warns
 * (EBADENGINE) only against the Node that runs it; this checks the oldest Node papershelf claims whatever Node
 * the test runs on (CI runs several), with the semver rules npm uses.
 */
export function packagesRefusingNode(folder: string, node: string): string[] {
  const lock = JSON.parse(readFileSync(path.join(folder, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockPackage>;
  };
  const refusing: string[] = [];
  for (const key of Object.keys(lock.packages)) {
    if (key === "") continue;
    const installed = JSON.parse(readFileSync(path.join(folder, key, "package.json"), "utf8")) as {
      name: string;
      version: string;
      engines?: Record<string, string>;
    };
    const range = installed.engines?.node;
    if (range !== undefined && !semver.satisfies(node, range))
      refusing.push(`${installed.name}@${installed.version} needs ${range}`);
  }
  return refusing;
}

/** Installs, and returns what npm warned about (EBADENGINE and the like; empty when it said nothing). */
export function installTarballOffline(checkout: string, tarball: string, folder: string): string {
  const lock = JSON.parse(readFileSync(path.join(checkout, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockPackage>;
  };
  const root = lock.packages[""];
  const pkg = JSON.parse(readFileSync(path.join(checkout, "package.json"), "utf8")) as {
    bin: Record<string, string>;
    overrides?: Record<string, string>;
  };
  if (!root) throw new Error("package-lock.json has no root package");
  const spec = `file:${path.relative(folder, tarball)}`;
  const packages: Record<string, unknown> = {
    "": { name: "list", dependencies: { papershelf: spec } },
    "node_modules/papershelf": {
      version: root.version,
      resolved: spec,
      license: root.license,
      dependencies: root.dependencies,
      bin: pkg.bin,
      engines: root.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages))
    if (key !== "" && !entry.dev && !entry.devOptional) packages[key] = entry;
  // npm reads "overrides" only from the project being installed, never from a dependency: papershelf's own
  // (content-type 2.1.0 for Node 20) reaches a project only when the project repeats it, as docs/adopt.md
  // says. The folder repeats it, so the install is the one the lockfile pins.
  const adopter = {
    name: "list",
    private: true,
    dependencies: { papershelf: spec },
    overrides: pkg.overrides,
  };
  writeFileSync(path.join(folder, "package.json"), `${JSON.stringify(adopter, null, 2)}\n`);
  writeFileSync(
    path.join(folder, "package-lock.json"),
    `${JSON.stringify({ name: "list", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
  // loglevel warn: an engine mismatch (EBADENGINE) is a warning, and the package test asserts there is none.
  const install = spawnSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=warn"], {
    cwd: folder,
    env: { ...process.env, ...OFFLINE_ENV },
    encoding: "utf8",
  });
  if (install.status !== 0)
    throw new Error(`npm ci --offline failed (${install.status}):\n${install.stdout}${install.stderr}`);
  return install.stderr;
}
