/**
 * The build stage, above records, render, lint and intake: the registry of generated files and `buildProject`,
 * which the CLI's `build` and the Action's build and intake all call.
 */
export * from "./build-project.js";
export * from "./generators.js";
export { JSON_SCHEMA_PATH, renderJsonSchema } from "./json-schema-file.js";
export { RULES_DOC_PATH } from "./rules-doc-file.js";
