/** The project's configuration (.papershelf.yml): defaults, parsing, the paths it names, the site section. */
export * from "./load.js";
export * from "./site.js";
