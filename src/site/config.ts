/** The `site` section of `.papershelf.yml` lives with the config: the README links the site too. */
export { parseSiteConfig, type SiteConfig, type SiteConfigResult } from "../config/index.js";
