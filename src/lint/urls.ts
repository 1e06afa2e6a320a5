/** What a URL points at, for the URL hygiene rules. */
import { bareHost, decodeURIComponentSafe } from "./normalize.js";

/** Hosts that serve every page over https: an http link to them is a downgrade, never needed. */
export const HTTPS_HOSTS = [
  "github.com",
  "githubusercontent.com",
  "github.io",
  "arxiv.org",
  "huggingface.co",
  "paperswithcode.com",
  "doi.org",
  "openreview.net",
  "aclanthology.org",
  "neurips.cc",
  "thecvf.com",
  "hackmd.io",
  "youtube.com",
  "youtu.be",
  "google.com",
  "twitter.com",
  "x.com",
  "medium.com",
  "notion.site",
  "modelscope.cn",
  "gitlab.com",
  "semanticscholar.org",
  "acm.org",
  "ieee.org",
  "springer.com",
  "wikipedia.org",
];

export function expectsHttps(url: URL): boolean {
  const host = bareHost(url);
  return HTTPS_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|svg|avif|bmp|ico|apng|tiff?)$/i;

/** Hosts whose URLs are images without an extension (GitHub's image proxy and upload storage). */
const IMAGE_HOSTS = [
  "camo.githubusercontent.com",
  "private-user-images.githubusercontent.com",
  "avatars.githubusercontent.com",
  "img.shields.io",
];

export type ImageVerdict = { ok: true } | { ok: false; problem: string; expected: string };

/**
 * Whether a URL serves an image. GitHub `blob/…` pages are HTML unless `?raw=true`; `/raw/` paths,
 * raw.githubusercontent.com and camo proxy URLs are images.
 */
export function judgeImageUrl(url: URL): ImageVerdict {
  const host = bareHost(url);
  const path = decodeURIComponentSafe(url.pathname);
  if (/=\d+%?(?:x\d*%?)?$/.test(path) || /\s=\d/.test(path))
    return {
      ok: false,
      problem: "ends with a HackMD size suffix (=80%x)",
      expected: "the suffix removed and the size in width: 80%",
    };
  if (IMAGE_HOSTS.includes(host)) return { ok: true };
  if (host === "github.com" && /^\/user-attachments\/assets\//.test(path)) return { ok: true };
  if (host === "github.com" && /^\/[^/]+\/[^/]+\/blob\//.test(path) && url.searchParams.get("raw") !== "true")
    return {
      ok: false,
      problem: "is a GitHub page that shows the image, not the image",
      expected: "the same URL with ?raw=true, or /raw/ instead of /blob/",
    };
  if (IMAGE_EXTENSION.test(path)) return { ok: true };
  return {
    ok: false,
    problem: "does not look like an image (no .png, .jpg, .gif, .svg or .webp name, not an image host)",
    expected: "a direct link to the image file",
  };
}
