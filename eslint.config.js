import js from "@eslint/js";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

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
    // One Markdown parser with its limits built in (issue 8): only src/markdown may reach micromark.
    files: ["src/**/*.ts"],
    ignores: ["src/markdown/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "remark",
                "remark-parse",
                "remark-gfm",
                "micromark",
                "micromark-*",
                "mdast-util-from-markdown",
              ],
              message:
                "Parse Markdown with src/markdown (parseMarkdown): its limits keep hostile text from hanging the run.",
            },
          ],
        },
      ],
    },
  },
);
