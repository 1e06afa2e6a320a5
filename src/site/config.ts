/** The `site` section of `.papershelf.yml` lives with the config: the README links the site too. */
export * from "../config/site.js";
