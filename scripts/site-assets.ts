/**
 * The site's browser script and stylesheet, bundled and minified by esbuild. scripts/build-dist.ts writes
 * them to dist/site/ (committed, like the CLI bundle, so `papershelf site` runs without a build step);
 * tests and the benchmark call this directly so they always exercise the current source.
 */
import { build } from "esbuild";

export const SITE_CLIENT_ENTRY = "src/site/client/main.ts";
export const SITE_STYLE_ENTRY = "src/site/client/site.css";

async function bundleOne(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    format: "iife",
    // Browsers of the last few years; the page itself works in any browser without the script.
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    legalComments: "none",
    logLevel: "warning",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

export async function bundleSiteAssets(): Promise<{ script: string; style: string }> {
  const [script, style] = await Promise.all([bundleOne(SITE_CLIENT_ENTRY), bundleOne(SITE_STYLE_ENTRY)]);
  return { script, style };
}
