/** The intake stage: issue-form body → record → inserted into the list, with a preview and one comment. */
export * from "./answers.js";
export * from "./body.js";
export * from "./build-record.js";
export * from "./comment.js";
export * from "./dates.js";
export * from "./form-categories.js";
export * from "./form-fields.js";
export * from "./form.js";
export * from "./ids.js";
export * from "./markdown-safe.js";
export * from "./preview.js";
export * from "./problems.js";
export * from "./run.js";
export * from "./budget.js";
export * from "./text.js";
