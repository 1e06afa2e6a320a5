/**
 * The link engine alone in a fresh process, for `npm run bench:check`: what `papershelf check urls.txt` costs
 * without the CLI around it (no config, report, cache or state), JIT cold as in any first run. Bundled with
 * esbuild by the bench (dependencies stay imports), then run as `node cold-engine.mjs <urls file>`.
 */
import { readFileSync } from "node:fs";
import { checkUrls, createLinkDispatcher } from "../../src/check/index.js";

const urls = readFileSync(process.argv[2] ?? "", "utf8")
  .trim()
  .split("\n");
const dispatcher = createLinkDispatcher();
try {
  const { results } = await checkUrls(urls, { dispatcher });
  const ok = results.filter((r) => r.verdict === "ok").length;
  if (ok !== urls.length) throw new Error(`cold engine: ${ok}/${urls.length} ok`);
} finally {
  await dispatcher.close();
}
