/**
 * A stand-in for the README's entry renderer, used only when no renderer is passed to `runIntake` (the
 * CLI and the Action pass src/render's). It shows the same facts in the same order, plainly.
 */
import type { Entry } from "../records/schema.js";

/** Escapes text for a Markdown link label or a line of prose. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Host-and-path of a repository URL ("owner/name" for GitHub), the label the README shows by default. */
function repoLabel(url: string): string {
  const match = /^https?:\/\/(?:www\.)?github\.com\/([^/\s]+\/[^/\s#?]+)/i.exec(url);
  return match?.[1] ?? url.replace(/^https?:\/\//, "");
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
