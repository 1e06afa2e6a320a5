/**
 * Builds lib/ for the npm package with esbuild: the two entry points (lib/cli.js, the bin, and lib/api.js, the
 * package's exports) and the chunks they share, all in lib/ itself. papershelf's own modules are bundled, and
 * each command the CLI imports lazily becomes a chunk of its own: a run loads a handful of files instead of
 * ~130 of ours and ~200 of TypeBox's (start-up time is part of what a user waits for; see `npm run bench`).
 * The package's dependencies stay imports, installed by npm once each; TypeBox is the one exception: it only
 * builds schema objects at start-up, and bundled it is one small piece of a chunk (a devDependency). Types are
 * checked by `npm run typecheck`; this only strips them.
 * It also writes the schema's precompiled validator (lib/schema-validator.precompiled.js) and
 * lib/release.json (the version and the commit it was built from): `papershelf init` pins the workflows it
 * writes to that commit. Run by `npm pack` / `npm publish` (the "prepack" script).
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { buildJsonSchema } from "../src/records/schema.js";
import { PRECOMPILED_FILE, standaloneValidatorCode } from "../src/records/schema-validator.js";

/** The commit HEAD names, or undefined outside a git checkout (a tarball unpacked and packed again). */
function headCommit(): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

await rm("lib", { recursive: true, force: true });
/** Bundled rather than imported at run time (see above). */
const BUNDLED = new Set(["@sinclair/typebox"]);
const { dependencies } = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
};
for (const name of BUNDLED)
  if (name in dependencies) throw new Error(`${name} is bundled into lib/: list it in devDependencies`);
await build({
  // lib/terms-worker.js is the site build's term thread (src/site/terms-thread.ts starts it), beside the chunks.
  entryPoints: { cli: "src/cli.ts", api: "src/api.ts", "terms-worker": "src/site/terms-worker.ts" },
  outdir: "lib",
  bundle: true,
  splitting: true,
  // Every chunk sits in lib/ beside the entry points: a module's own URL then always names lib/ (the
  // precompiled validator is found next to it; package-root.ts walks up from there).
  chunkNames: "[name]-[hash]",
  external: Object.keys(dependencies).flatMap((name) => [name, `${name}/*`]),
  platform: "node",
  // The CLI supports Node 20 (package.json "engines").
  target: "node20",
  format: "esm",
  logLevel: "warning",
});
// The schema's validator as ajv standalone code (src/records/schema-validator.ts): the CLI then starts
// without ajv's compiler and validates without compiling first.
await writeFile(`lib/${PRECOMPILED_FILE}`, await standaloneValidatorCode(buildJsonSchema()));
const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
const commit = headCommit();
await writeFile(
  "lib/release.json",
  `${JSON.stringify({ version, ...(commit ? { commit } : {}) }, null, 2)}\n`,
);
console.log(`lib/ built (papershelf ${version}${commit ? ` at ${commit.slice(0, 12)}` : ""})`);
