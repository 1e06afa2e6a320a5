/**
 * The site tests build from the repository's real list (data/papers.yaml), with what the seed lacks added
 * to a few records (added dates, authors, an abstract, a DOI), one hostile record and a few records whose ids
 * are the ones the pages once gave their own elements, so every feature has something to show.
 */
import { readFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseRecords, type Entry, type PapersFile } from "../../../src/records/index.js";
import { buildSite, readSiteTemplates, writeSite, type SiteFile } from "../../../src/site/index.js";
import { bundleSiteAssets } from "../../../scripts/site-assets.js";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));

export async function readRealList(): Promise<PapersFile> {
  const result = parseRecords(await readFile(path.join(REPO, "data/papers.yaml"), "utf8"));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.data;
}

export const HOSTILE_ID = "hostile-entry";

/**
 * Valid entry ids that the site's pages once used for their own elements (the <main>, the search box, the
 * BibTeX to copy, the headings of an entry page, a list page's section of the real list's category
 * "multimodal"): an entry "bibtex" made Copy BibTeX copy its whole page, and an entry "c-multimodal" took the
 * contents link of that section.
 */
export const PAGE_ID_ENTRIES = ["bibtex", "main", "q", "h-cite", "h-summary", "h-related", "c-multimodal"];
/** The category whose section id PAGE_ID_ENTRIES' "c-multimodal" once shared. */
export const SECTION_ID_CATEGORY = "multimodal";

/**
 * The real list plus arXiv-style fields on its first entries, then a hostile record and the PAGE_ID_ENTRIES
 * records at the end.
 */
export async function readSiteFixture(): Promise<PapersFile> {
  const data = await readRealList();
  const entries: Entry[] = data.entries.map((e, i) => {
    if (i > 4) return e;
    return {
      ...e,
      added: `2026-11-${String(10 + i).padStart(2, "0")}`,
      ...(i === 0 ? { doi: "10.1145/3490519" } : {}),
      authors: ["Ada Lovelace", `Grace {Hopper} & Co ${i}`],
      abstract: `We study ${e.title} with 100% of the data_set; fine-tuning $x^2$.`,
    };
  });
  const first = entries[0] as Entry;
  entries.push({
    id: HOSTILE_ID,
    title: `<script>alert("title")</script> & "quotes" {braces}`,
    url: "https://example.org/a?b=1&c=<x>",
    kind: "resource",
    category: first.category,
    summary:
      '<img src=x onerror="alert(1)"> [click](javascript:alert(2)) <script>alert(3)</script>\n\n# heading',
    note: '<a href="javascript:alert(4)">x</a>',
    added: "2026-11-30",
  });
  for (const id of PAGE_ID_ENTRIES)
    entries.push({
      id,
      // A word of their own, so each has the others as related entries (and its page a "Related" heading).
      title: `Zyzzyva ids: an entry named ${id}`,
      url: `https://example.org/${id}`,
      kind: "resource",
      category: first.category,
      summary: `Zyzzyva: the page's own elements once had the id ${id}.`,
    });
  return { ...data, entries };
}

export const SITE_OPTIONS = { title: "papershelf 論文書架", lang: "zh-Hant" };

export async function buildFixtureSite(data: PapersFile): Promise<SiteFile[]> {
  const templates = await readSiteTemplates(path.join(REPO, "templates"), async (p) =>
    readFile(p, "utf8").catch(() => undefined),
  );
  if (!templates.ok) throw new Error(templates.errors.map((e) => e.message).join("\n"));
  const result = buildSite(data, templates.templates, await bundleSiteAssets(), SITE_OPTIONS);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.files;
}

/** Builds the fixture site into a fresh temporary folder and returns it. */
export async function writeFixtureSite(data: PapersFile): Promise<{ dir: string; files: SiteFile[] }> {
  const files = await buildFixtureSite(data);
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "papershelf-site-")), "_site");
  await writeSite(dir, files);
  return { dir, files };
}

export function fileText(files: readonly SiteFile[], name: string): string {
  const file = files.find((f) => f.path === name);
  if (!file) throw new Error(`no ${name} in the site`);
  return file.content;
}
