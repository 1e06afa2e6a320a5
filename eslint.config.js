import { existsSync, readdirSync } from "node:fs";
import { URL } from "node:url";
import js from "@eslint/js";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

/**
 * Rooms have doors (issue 8): a folder of src/ with an index.ts is a room, entered only through it (cli/ and
 * action/, the edges, have none). An import that names a room's folder and then a file other than index.js
 * (`../records/schema.js`) fails; imports inside a room use `./x.js` or `../sub/x.js`, which never name their
 * own room, so they are not caught. `npx tsx scripts/enter-through-doors.ts` rewrites such imports.
 * tests/architecture.test.ts shows the rule failing on an import past a door.
 */
export const ROOMS_WITH_DOORS = readdirSync(new URL("./src/", import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(new URL(`./src/${e.name}/index.ts`, import.meta.url)))
  .map((e) => e.name)
  .sort();
const DOOR_PATTERN = {
  regex: `^\\.{1,2}/(?:\\.\\./)*(?:${ROOMS_WITH_DOORS.join("|")})/(?!index\\.js$).+`,
  message: "Enter a room through its index.ts: import from '<room>/index.js' (add the export there).",
};
const MARKDOWN_PATTERN = {
  group: ["remark", "remark-parse", "remark-gfm", "micromark", "micromark-*", "mdast-util-from-markdown"],
  message:
    "Parse Markdown with src/markdown (parseMarkdown): its limits keep hostile text from hanging the run.",
};

export default tseslint.config(
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "tmp/", ".papershelf-cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The pipeline never prints or reads the environment: only the edges (cli, action with its entry src/index.ts + src/main.ts) and scripts do.
    files: ["src/**/*.ts"],
    ignores: ["src/cli.ts", "src/cli/**", "src/index.ts", "src/main.ts", "src/action/**"],
    rules: {
      "no-console": "error",
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read the environment at the edge (cli/action) and pass values in.",
        },
      ],
    },
  },
  {
    // Linear by construction (issue 12): a regex on user text must not backtrack super-linearly. The ATX
    // heading pattern once took 89 s on a 3.5 KB issue body; these rules find such patterns statically.
    files: ["src/**/*.ts", "scripts/**/*.ts"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
  {
    // One Markdown parser with its limits built in (issue 8): only src/markdown may reach micromark. And rooms
    // have doors. Both are no-restricted-imports patterns, and a later block would replace (not add to) an
    // earlier one's, so each set of files gets exactly the patterns that apply to it.
    files: ["src/**/*.ts"],
    ignores: ["src/markdown/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [MARKDOWN_PATTERN, DOOR_PATTERN] }] },
  },
  {
    files: ["src/markdown/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [DOOR_PATTERN] }] },
  },
);
