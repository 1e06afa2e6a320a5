export * from "./anchors.js";
export * from "./diff.js";
export * from "./escape.js";
export * from "./readme.js";
export * from "./sanitize-markdown.js";
export * from "./templates.js";
export * from "./view-model.js";
export * from "./zones.js";
