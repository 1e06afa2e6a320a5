/**
 * The README's first line links the site: the `site` zone renders `site.url` from `.papershelf.yml` through
 * templates/site.md.hbs, stays empty without it, and a malformed URL stops the build at file:line.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { formatDiagnostic } from "../../src/records/diagnostics.js";
import { runGenerators } from "../../src/build/generators.js";
import { renderReadme } from "../../src/render/readme.js";
import { readmeGenerator } from "../../src/build/readme-file.js";
import { readTemplates } from "../../src/render/templates.js";
import { buildEntryView, groupTocItems, imageAltText } from "../../src/render/view-model.js";
import { renderGfm } from "./gfm.js";
import { TEMPLATES_DIR, loadRecords, loadTemplates, readFixture } from "./fixtures.js";

const SITE_ZONE = "<!-- papershelf:begin site -->\n<!-- papershelf:end site -->\n\n";
const URL_ = "https://papershelf.github.io/papershelf/";

async function withSiteZone(siteUrl: string | undefined) {
  const current = SITE_ZONE + (await readFixture("README.md"));
  const result = renderReadme(
    current,
    "README.md",
    await loadRecords("papers.yaml"),
    await loadTemplates(),
    undefined,
    siteUrl === undefined ? {} : { siteUrl },
  );
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join("\n"));
  return result.text;
}

/** `build` over the fixture list with a config text, reading files from disk (templates) or memory. */
async function build(configText: string, templatesDir = TEMPLATES_DIR) {
  const config = parseConfig(configText, ".papershelf.yml");
  if (!config.ok) throw new Error(config.errors.map(formatDiagnostic).join("\n"));
  const readme = SITE_ZONE + (await readFixture("README.md"));
  const [generated] = await runGenerators(
    {
      config: { ...config.config, readme: "README.md", templates: templatesDir },
      data: await loadRecords("papers.yaml"),
      readText: async (file) =>
        file === "README.md" ? readme : readFile(file, "utf8").catch(() => undefined),
      displayPath: (file) => file.replace(TEMPLATES_DIR, "templates"),
    },
    [readmeGenerator],
  );
  if (!generated) throw new Error("no README generated");
  return generated.result;
}

describe("the site line", () => {
  test("with a site URL, the README's first rendered line is the link to the site", async () => {
    const html = renderGfm(await withSiteZone(URL_));
    const first = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(html.indexOf(first)).toBeLessThan(html.indexOf("<h1>"));
    expect(first).toContain(`<a href="${URL_}">`);
  });

  test("without one, the zone stays empty and nothing precedes the title", async () => {
    const text = await withSiteZone(undefined);
    expect(text).toMatch(/^<!-- papershelf:begin site -->\n\n<!-- papershelf:end site -->\n\n# Test list\n/);
    const html = renderGfm(text);
    expect(
      html
        .slice(0, html.indexOf("<h1>"))
        .replace(/<!--[^>]*-->/g, "")
        .trim(),
    ).toBe("");
    expect(html).not.toContain("github.io");
  });

  test("build reads site.url from .papershelf.yml", async () => {
    const result = await build(`site:\n  title: Test\n  url: ${URL_}\n`);
    expect(result.ok && result.text).toContain(`(${URL_})**\n\n<!-- papershelf:end site -->\n\n# Test list`);
  });

  test("a malformed site.url stops the build at its line in .papershelf.yml", async () => {
    const result = await build(`data: data/papers.yaml\nsite:\n  url: http://example.org\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^\.papershelf\.yml:3:\d+ .*"site\.url" should be an https URL ending in \//),
    ]);
  });

  test("a list without templates/site.md.hbs builds until it sets a site URL, then is told what is missing", async () => {
    const onlyFour = async (file: string) =>
      file.endsWith("site.md.hbs") ? undefined : readFile(file, "utf8").catch(() => undefined);
    const templates = await readTemplates(TEMPLATES_DIR, onlyFour, (p) =>
      p.replace(TEMPLATES_DIR, "templates"),
    );
    if (!templates.ok) throw new Error("the other templates should compile");
    const data = await loadRecords("papers.yaml");
    const current = SITE_ZONE + (await readFixture("README.md"));
    expect(renderReadme(current, "README.md", data, templates.templates).ok).toBe(true);
    const linked = renderReadme(current, "README.md", data, templates.templates, undefined, {
      siteUrl: URL_,
    });
    expect(linked.ok).toBe(false);
    if (linked.ok) return;
    expect(linked.errors[0]?.file).toBe("templates/site.md.hbs");
    expect(linked.errors[0]?.message).toContain("template not found: templates/site.md.hbs");
  });
});

describe("the view model", () => {
  test("image alt text says what the image is: a lone teaser, or numbered figures; a record's alt wins", async () => {
    expect(imageAltText("Shikra", 0, 1)).toBe("teaser of Shikra");
    expect(imageAltText("Shikra", 1, 3)).toBe("figure 2 of Shikra");
    const data = await loadRecords("papers.yaml");
    for (const entry of data.entries) {
      const view = buildEntryView(entry);
      view.images.forEach((image, i) => {
        const given = entry.images?.[i]?.alt;
        expect(image.alt).not.toBe(view.title);
        if (given) expect(image.alt).toBe(given);
        else expect(image.alt).toMatch(/^(?:teaser|figure \d+) of /);
      });
    }
  });

  test("the ToC groups every subcategory under its top category, in order", () => {
    const item = (id: string, depth: number) => ({ id, title: id, anchor: id, count: 1, depth, indent: "" });
    const grouped = groupTocItems([
      item("a", 0),
      item("a1", 1),
      item("a1x", 2),
      item("b", 0),
      item("c", 0),
      item("c1", 1),
    ]);
    expect(grouped.map((g) => [g.id, g.subcategories.map((s) => s.id)])).toEqual([
      ["a", ["a1", "a1x"]],
      ["b", []],
      ["c", ["c1"]],
    ]);
  });
});
