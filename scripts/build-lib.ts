/**
 * Compiles src/ to lib/ for the npm package: one ES module per source file, imports left as they are, so the
 * package's dependencies are installed by npm (once each) instead of being bundled. Types are checked by
 * `npm run typecheck`; this only strips them (esbuild: about a second, where tsc's emit takes a minute here).
 * It also writes the schema's precompiled validator (lib/records/schema-validator.precompiled.js) and
 * lib/release.json (the version and the commit it was built from): `papershelf init` pins the workflows it
 * writes to that commit. Run by `npm pack` / `npm publish` (the "prepack" script).
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
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
await build({
  entryPoints: ["src/**/*.ts"],
  outdir: "lib",
  outbase: "src",
  bundle: false,
  platform: "node",
  // The CLI supports Node 20 (package.json "engines").
  target: "node20",
  format: "esm",
  logLevel: "warning",
});
// The schema's validator as ajv standalone code (src/records/schema-validator.ts): the CLI then starts
// without ajv's compiler and validates without compiling first.
await writeFile(`lib/records/${PRECOMPILED_FILE}`, await standaloneValidatorCode(buildJsonSchema()));
const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
const commit = headCommit();
await writeFile(
  "lib/release.json",
  `${JSON.stringify({ version, ...(commit ? { commit } : {}) }, null, 2)}\n`,
);
console.log(`lib/ built (papershelf ${version}${commit ? ` at ${commit.slice(0, 12)}` : ""})`);
