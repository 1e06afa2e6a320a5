/**
 * Installs a packed papershelf tarball into a folder without the registry. `npm install --offline <tarball>`
 * is not enough: npm still wants each dependency's registry metadata, which `npm ci` never caches. So the
 * folder gets a lockfile instead: the tarball, plus exactly the production part of papershelf's own lockfile
 * (every package not marked dev), and `npm ci --offline` installs that tree from the npm cache, checking each
 * integrity hash. Faithful to a real install: papershelf gets only its declared dependencies (no devDependency
 * can hide a missing one), in the versions the lockfile pins.
 */
import { execFileSync } from "node:child_process";
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

export function installTarballOffline(checkout: string, tarball: string, folder: string): void {
  const lock = JSON.parse(readFileSync(path.join(checkout, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockPackage>;
  };
  const root = lock.packages[""];
  const pkg = JSON.parse(readFileSync(path.join(checkout, "package.json"), "utf8")) as {
    bin: Record<string, string>;
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
  writeFileSync(
    path.join(folder, "package.json"),
    `${JSON.stringify({ name: "list", private: true, dependencies: { papershelf: spec } }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(folder, "package-lock.json"),
    `${JSON.stringify({ name: "list", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
  execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: folder,
    env: { ...process.env, ...OFFLINE_ENV },
    stdio: "pipe",
  });
}
