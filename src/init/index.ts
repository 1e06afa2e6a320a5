/** `papershelf init`: scaffold a working list (data, README, templates, issue forms, caller workflows). */
export * from "./answers.js";
export * from "./next-steps.js";
export * from "./scaffold.js";
export * from "./workflows.js";
export * from "./write.js";
