/**
 * How dist/action.js is bundled, apart from the entry point (scripts/build-dist.ts) so the size decisions sit
 * in one place and `npm run bench` measures the same build that is committed.
 *
 * The Action runs without `npm install`, so its bundle carries every dependency; the budget keeps it lean:
 * - One undici: @actions/http-client 4 depends on undici 6 for its ProxyAgent only, and undici is CommonJS, so
 *   esbuild cannot tree-shake it: two copies were 1.8 MB of the 4 MB. The ProxyAgent of undici 7 (ours) takes
 *   the same options, so every `import "undici"` resolves to ours.
 * - Minified, with names kept: a stack trace in a bug report still names the functions.
 */
import type { BuildOptions, Plugin } from "esbuild";
import path from "node:path";

/** dist/action.js may not grow past this (npm run bench prints it; the aim is "under 2 MB"). */
export const ACTION_BUNDLE_BUDGET_BYTES = 2_000_000;

const oneUndici: Plugin = {
  name: "one-undici",
  setup(build) {
    const ours = path.resolve("node_modules/undici/index.js");
    build.onResolve({ filter: /^undici$/ }, () => ({ path: ours }));
  },
};

/**
 * Modules the CLI requires at first use (start-up time: src/markdown/remark.ts, src/records/yaml-stringify.ts)
 * become static imports here: the bundle carries its dependencies and has no node_modules to require from.
 */
const STATIC_REPLACEMENTS: { file: RegExp; dir: string; contents: string[] }[] = [
  {
    file: /[\\/]src[\\/]markdown[\\/]remark\.ts$/,
    dir: "src/markdown",
    contents: [
      'import { unified } from "unified";',
      'import remarkParse from "remark-parse";',
      'import remarkGfm from "remark-gfm";',
      "export const loadRemark = () => ({ unified, remarkParse, remarkGfm });",
    ],
  },
  {
    file: /[\\/]src[\\/]records[\\/]yaml-stringify\.ts$/,
    dir: "src/records",
    contents: ['export { stringify as stringifyYaml } from "yaml";'],
  },
];

const staticImports: Plugin = {
  name: "static-imports",
  setup(build) {
    for (const { file, dir, contents } of STATIC_REPLACEMENTS)
      build.onLoad({ filter: file }, () => ({
        loader: "ts",
        resolveDir: path.resolve(dir),
        contents: contents.join("\n"),
      }));
  },
};

export const ACTION_BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  platform: "node",
  // The Action declares node24; node20 keeps the output loadable on the Node 20 machines we develop on.
  target: "node20",
  format: "esm",
  minify: true,
  keepNames: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [oneUndici, staticImports],
  // CommonJS dependencies (handlebars, ajv…) call require(): give the ESM bundle one.
  banner: {
    js: 'import { createRequire as __papershelfCreateRequire } from "node:module"; const require = __papershelfCreateRequire(import.meta.url);',
  },
};
