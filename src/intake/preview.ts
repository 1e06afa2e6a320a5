/**
 * The preview of a new entry: the README's own entry template (templates/entry.md.hbs through src/render's
 * view model), so the submitter sees exactly what the README will show. `renderFallbackPreview` is a plain
 * stand-in for when no templates are at hand (a project without templates/, or tests of the pure core).
 */
import { type Anatomy, type Entry, ENTRY_ANATOMY, type PapersFile } from "../records/index.js";
import { buildEntryView, renderReadme, TemplateRenderError, type TemplateSet } from "../render/index.js";
import { githubRepoOf } from "../urls/index.js";

/** The entry's Markdown as the README shows it. A template that fails on this entry falls back to plain. */
export function createEntryRenderer(
  templates: TemplateSet,
  anatomy: Anatomy = ENTRY_ANATOMY,
): (entry: Entry) => string {
  return (entry) => {
    try {
      // Leading blank lines and trailing whitespace go; trimEnd() where `\s+$` would rescan every inner run.
      return `${templates.entry
        .render(buildEntryView(entry, anatomy))
        .replace(/^(?:[ \t]*\n)+/, "")
        .trimEnd()}\n`;
    } catch (error) {
      // The maintainers' template is broken (papershelf build reports it); the submitter still gets a preview.
      if (error instanceof TemplateRenderError) return renderFallbackPreview(entry);
      throw error;
    }
  };
}

/**
 * Links an entry already listed to its place in the README: the README at `readmeUrl`, at the anchor of the
 * entry's category heading, computed by the README generator itself (github-slugger over the headings in
 * document order, as GitHub does). The README is rendered only when a link is asked for (a duplicate).
 */
export function createEntryLinker(
  templates: TemplateSet,
  readmeText: string | undefined,
  readmeUrl: string,
): (entry: Entry, data: PapersFile) => string {
  return (entry, data) => {
    if (readmeText === undefined) return readmeUrl;
    const readme = renderReadme(readmeText, readmeUrl, data, templates);
    const anchor = readme.ok ? readme.anchors.get(entry.category) : undefined;
    return anchor ? `${readmeUrl}#${anchor}` : readmeUrl;
  };
}

/** Escapes text for a Markdown link label or a line of prose. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Host-and-path of a repository URL ("owner/name" for GitHub), the label the README shows by default. */
function repoLabel(url: string): string {
  const repo = githubRepoOf(url);
  return repo ? `${repo.owner}/${repo.name}` : url.replace(/^https?:\/\//, "");
}

/** The entry as Markdown: heading link, facts line, links, image, 摘要, note. */
export function renderFallbackPreview(entry: Entry): string {
  const lines: string[] = [`### [${escapeInline(entry.title)}](<${entry.url}>)`];
  const facts = [entry.date, entry.venue, entry.arxiv ? `arXiv ${entry.arxiv}` : undefined].filter(Boolean);
  if (facts.length) lines.push("", escapeInline(facts.join(" · ")));
  const links = [
    ...(entry.repos ?? []).map((r) => `[${escapeInline(r.label ?? repoLabel(r.url))}](<${r.url}>)`),
    ...(entry.links ?? []).map((l) => `[${escapeInline(l.label)}](<${l.url}>)`),
  ];
  if (links.length) lines.push("", links.join(" · "));
  for (const image of entry.images ?? []) {
    const width = image.width === undefined ? "" : ` width="${String(image.width)}"`;
    lines.push("", `<img src="${image.url}"${width} alt="">`);
  }
  if (entry.summary) lines.push("", "#### 摘要", "", entry.summary);
  if (entry.note) lines.push("", entry.note.replace(/^/gm, "> "));
  return `${lines.join("\n")}\n`;
}
