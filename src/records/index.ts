export * from "./diagnostics.js";
export * from "./parse.js";
export * from "./schema.js";
export * from "./source.js";
export * from "./validate.js";
export * from "./edit.js";
export * from "./anatomy/index.js";
export * from "./arxiv.js";
