export * from "./arxiv.js";
export * from "./import-markdown.js";
export * from "./serialize.js";
export * from "./types.js";
