/**
 * The `yaml` package's stringify (it writes the text of a new record: block literals, as people write them),
 * loaded at the first edit rather than by every command that reads records: `validate`, `lint`, `build` and
 * `check` never write one, and loading it cost ~50 ms of each start-up. Loaded with require() (Node ≥ 20.19),
 * like remark (src/markdown/remark.ts); the Action's bundle swaps this file for a static import
 * (scripts/action-bundle.ts).
 */
import { createRequire } from "node:module";
import type { stringify as Stringify } from "yaml";

/** The options the record writers use. */
export interface StringifyOptions {
  lineWidth: number;
  blockQuote: "literal";
  indent: number;
}

let stringify: typeof Stringify | undefined;

export function stringifyYaml(value: unknown, options: StringifyOptions): string {
  stringify ??= (createRequire(import.meta.url)("yaml") as { stringify: typeof Stringify }).stringify;
  return stringify(value, options);
}
