/** The README generator: reads the templates and `site.url`, rewrites the zones of the configured README. */
import { parseSiteConfig } from "../config/index.js";
import { readTemplates, renderReadme } from "../render/index.js";
import type { Generator } from "./generators.js";

export const readmeGenerator: Generator = {
  path: (config) => config.readme,
  describe: "README zones from data/papers.yaml and templates/",
  async generate(ctx, current) {
    const file = ctx.displayPath(ctx.config.readme);
    if (current === undefined) {
      return {
        ok: false,
        errors: [
          {
            ruleId: "readme-zones",
            severity: "error",
            message: `${file} not found; create it with the zone markers (see "Generated zones" in papershelf's docs/development.md)`,
            file,
            line: 1,
            column: 1,
          },
        ],
      };
    }
    // site.url is checked here too (file:line), since the README links it.
    const site = parseSiteConfig(ctx.config, ctx.data.list?.title);
    if (!site.ok) return site;
    const templates = await readTemplates(ctx.config.templates, ctx.readText, ctx.displayPath);
    if (!templates.ok) return templates;
    return renderReadme(current, file, ctx.data, templates.templates, undefined, { siteUrl: site.site.url });
  },
};
