/**
 * GitHub's renderer in tests: cmark-gfm (npm binding of the C library GitHub uses) plus the heading ids GitHub
 * adds, computed independently of src/render from the rendered HTML: each <hN> element's text, slugged by
 * github-slugger in document order.
 */
import GithubSlugger from "github-slugger";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cmark = require("cmark-gfm") as {
  renderHtmlSync(markdown: string, options: Record<string, unknown>): string;
};

/**
 * Markdown → HTML with GitHub's extensions; raw HTML kept (GitHub sanitises later, we inspect it).
 * `hardbreaks` renders as an issue comment does (every newline a line break); a README does not.
 */
export function renderGfm(markdown: string, options: { hardbreaks?: boolean } = {}): string {
  return cmark.renderHtmlSync(markdown, {
    hardbreaks: options.hardbreaks ?? false,
    unsafe: true,
    extensions: { table: true, strikethrough: true, autolink: true, tagfilter: true, tasklist: true },
  });
}

/** The few references cmark-gfm writes in text (it decodes everything else). */
export function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(?:39|x27);/g, "'")
    .replace(/&amp;/g, "&");
}

export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

/** The text of every heading, in order, and the id GitHub would give it. */
export function headingIds(html: string): { level: number; text: string; id: string }[] {
  const slugger = new GithubSlugger();
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => {
    const text = decodeHtml(stripTags(m[2] ?? ""));
    return { level: Number(m[1]), text, id: slugger.slug(text) };
  });
}

/** Every in-page link target, decoded ("#圖片理解…"), without the "#". */
export function fragmentLinks(html: string): string[] {
  return [...html.matchAll(/href="#([^"]*)"/g)].map((m) => decodeURIComponent(decodeHtml(m[1] ?? "")));
}
