/**
 * The package's door for programs (`import { runCli } from "papershelf"`): the CLI as a function, and the
 * pure stages it is made of. Everything else under lib/ is internal and may move between releases.
 */
export { runCli, COMMANDS } from "./cli/main.js";
export type { CliContext } from "./cli/context.js";
export { parseRecords, readRecords, buildJsonSchema, type PapersFile, type Entry } from "./records/index.js";
export { lintList } from "./lint/index.js";
export { renderReadme } from "./render/index.js";
export { scaffoldList, type InitAnswers } from "./init/index.js";
