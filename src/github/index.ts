export * from "./client.js";
export * from "./comments.js";
export * from "./git-data.js";
export * from "./http-status.js";
export * from "./labels.js";
export * from "./publish.js";
export * from "./pulls.js";
export * from "./rolling-issue.js";
