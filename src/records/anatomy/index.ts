/** The one anatomy of a record: its fields, their roles, limits, form fields; and the walkers built on it. */
export * from "./field.js";
export * from "./entry.js";
export * from "./schema.js";
export * from "./walk.js";
