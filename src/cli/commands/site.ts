import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../../package-root.js";
import { ConfigError, EXIT_FINDINGS, EXIT_OK } from "../../errors.js";
import { formatDiagnostic, plural, readTextOrUndefined } from "../../records/index.js";
import {
  parseSiteConfig,
  readSiteTemplates,
  siteTargetProblem,
  SiteTargetError,
  startSiteBuild,
  repositoryLinks,
  type RepositoryLinks,
  type SiteAssets,
} from "../../site/index.js";
import { parseRepoRef } from "../../urls/index.js";
import type { CliContext, Command } from "../context.js";
import { projectInputs } from "../output-file.js";
import { displayPath, loadProjectConfig, parseCommandArgs } from "../options.js";
import { printRecordErrors, readRecordsFile } from "../records.js";

/** The bundled browser assets, in papershelf's dist/site/ (the npm package ships it; `npm run build:dist` keeps it fresh). */
async function readSiteAssets(): Promise<SiteAssets> {
  const dir = path.join(packageRoot(), "dist", "site");
  if (!existsSync(path.join(dir, "site.js")))
    throw new ConfigError(
      `the site's browser assets are missing (looked in ${dir}): run "npm run build:dist"`,
    );
  const [script, style] = await Promise.all([
    readFile(path.join(dir, "site.js"), "utf8"),
    readFile(path.join(dir, "site.css"), "utf8"),
  ]);
  return { script, style };
}

/**
 * Where the links record Markdown writes relative to the repository lead on the site: the repository's files
 * on GitHub when the environment names it (GitHub Actions sets both variables; set GITHUB_REPOSITORY by hand
 * to preview them elsewhere). Unnamed, such links stay as written.
 */
function repositoryFromEnv(env: CliContext["env"]): { repository?: RepositoryLinks } {
  const { GITHUB_REPOSITORY: repository, GITHUB_SERVER_URL: server } = env;
  if (!repository) return {};
  const ref = parseRepoRef(repository);
  if (!ref)
    throw new ConfigError(
      `GITHUB_REPOSITORY is "${repository}"; expected owner/name (e.g. octo-org/papers), or unset it`,
    );
  if (server && !(URL.canParse(server) && /^https?:\/\//i.test(server)))
    throw new ConfigError(
      `GITHUB_SERVER_URL is "${server}", which is not a URL; expected e.g. https://github.com, or unset it`,
    );
  return { repository: repositoryLinks(`${ref.owner}/${ref.repo}`, server || undefined) };
}

/** The refusal to write the site to a folder it may not replace, with what to do instead. */
function refusal(reason: string): string {
  return `refusing to write the site: ${reason}. Give --out a folder of its own (the default is _site).`;
}

export const siteCommand: Command = {
  name: "site",
  help: `Usage: papershelf site [--out <dir>] [--config <path>]

Writes a static site from the records (data/papers.yaml) and templates/site/*.html.hbs:
  index.html, c/<category>/, p/<entry>/   pages that read without JavaScript
  search-index.json, assets/              search and filters (the only script)
  feed.xml, papers.bib, papers.json       Atom feed by "added" date, BibTeX, the records as JSON
Every link is relative, so the folder works under any path (https://<owner>.github.io/<repo>/).
The folder is replaced as a whole: a failed build leaves the previous one as it was. So it must be a
folder of its own: one papershelf wrote (it holds .papershelf-site), an empty one, or a new one; never the
project folder or one that holds the records, templates or config.
Settings: the "site" section of .papershelf.yml (url, title, lang). Links the records write relative to the
repository (docs/notes.md) lead to its files on GitHub when GITHUB_REPOSITORY names it (owner/name, as
GitHub Actions sets it, with GITHUB_SERVER_URL); otherwise they stay as written.

Options:
  --out <dir>      the output folder (default: _site)
  --config <path>  project config (default: .papershelf.yml)

Exit codes: 0 written, 1 invalid records, 2 usage or config error (bad flags, a missing records file or
template, template errors), 70 internal error (a bug: please report it).`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, { out: { type: "string" } });
    const config = await loadProjectConfig(values.config, ctx.cwd);
    const show = (file: string) => displayPath(path.resolve(ctx.cwd, file), ctx.cwd) || ".";
    const out = path.resolve(ctx.cwd, values.out ?? "_site");
    // Checked before any work: the build replaces the folder as a whole.
    const keep = [
      { path: ctx.cwd, role: "the folder papershelf runs in" },
      ...projectInputs(config, ctx.cwd, values.config),
    ];
    const problem = await siteTargetProblem(out, keep, show);
    if (problem !== undefined) throw new ConfigError(refusal(problem));
    // The folder changed meanwhile (the build checks it again before writing, and before replacing it).
    const refused = (error: unknown): never => {
      if (error instanceof SiteTargetError) throw new ConfigError(refusal(error.reason));
      throw error;
    };
    // Its threads start now, and get ready on the other core while this one reads the records.
    const build = await startSiteBuild(out, keep).catch(refused);
    try {
      // Each record, as it is read, lets the build make its folder meanwhile (a first build's 10,000).
      const records = await readRecordsFile(config.data, show(config.data), {
        onEntry: (entry) => build.expectEntry(entry),
      });
      if (!records.ok) {
        printRecordErrors(ctx, records.errors, show(config.data), "fix them, then build the site again");
        return EXIT_FINDINGS;
      }
      const { data } = records;
      const site = parseSiteConfig(config, data.list?.title);
      if (!site.ok) throw new ConfigError(site.errors.map(formatDiagnostic).join("\n"));
      const templates = await readSiteTemplates(
        config.templates,
        (file) => readTextOrUndefined(path.resolve(ctx.cwd, file)),
        show,
      );
      if (!templates.ok) throw new ConfigError(templates.errors.map(formatDiagnostic).join("\n"));
      const assets = await readSiteAssets();
      // The records file as the config names it: its paths are the folder papershelf runs in's.
      const options = { ...site.site, dataFile: show(config.data), ...repositoryFromEnv(ctx.env) };
      const result = await build.build(data, templates.templates, assets, options).catch(refused);
      if (!result.ok) throw new ConfigError(result.errors.map(formatDiagnostic).join("\n"));
      ctx.stdout.write(
        `wrote ${show(out)}/: ${plural(data.entries.length, "entry", "entries")}, ${result.fileCount} files\n`,
      );
      // The feed lists entries by the day they were added (intake sets it): say so when it leaves any out.
      const undated = data.entries.filter((e) => !e.added).length;
      if (undated > 0)
        ctx.stdout.write(
          `note: feed.xml leaves out ${plural(undated, "entry", "entries")} without an "added" date (the intake sets it on every submission)\n`,
        );
      return EXIT_OK;
    } finally {
      // Not built (the records, config or templates did not load): the threads stop, the old site stays.
      await build.abort();
    }
  },
};
