/**
 * Record ids for new submissions: short, kebab-case, derived from the title the way people name papers
 * ("Shikra: Unleashing …" → "shikra"), and never equal to an id already in the list.
 */
import { githubRepoOf } from "../urls/index.js";

/** Ids stay readable in diffs and URLs; the schema allows 80 characters, leave room for a "-2" suffix. */
const MAX_SLUG_CHARS = 60;
/** A prefix before ":" shorter than this ("A", "On") is not a name. */
const MIN_NAME_CHARS = 3;

/** Lower-case ASCII words joined by "-"; accents folded, everything else dropped. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|(?<!-)-+$/g, "");
}

function truncateAtWord(slug: string): string {
  if (slug.length <= MAX_SLUG_CHARS) return slug;
  const cut = slug.slice(0, MAX_SLUG_CHARS + 1);
  const at = cut.lastIndexOf("-");
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, MAX_SLUG_CHARS)).replace(/(?<!-)-+$/, "");
}

/**
 * The base id for a title: the name before a colon when there is one ("MotionGPT: Human Motion as a
 * Foreign Language" → "motiongpt"), else the whole title, cut at a word boundary. `fallback` (e.g. the arXiv
 * id) is used when the title has no Latin letters or digits at all (a title in Chinese only).
 */
export function baseIdFromTitle(title: string, fallback: string): string {
  const colon = title.search(/[:：]/);
  const name = colon > 0 ? slugify(title.slice(0, colon)) : "";
  const slug = name.length >= MIN_NAME_CHARS ? name : slugify(title);
  return truncateAtWord(slug) || truncateAtWord(slugify(fallback)) || "entry";
}

/**
 * A name for an entry from its address, for a title without Latin letters and no arXiv id: a repository's
 * name ("github.com/THUDM/ChatGLM-6B" → "ChatGLM-6B"), else the site and the address's last part
 * ("huggingface.co/datasets/BAAI/COIG" → "huggingface.co COIG"). A Chinese title used to give every such
 * entry the id "entry".
 */
export function addressName(url: string): string {
  if (!URL.canParse(url)) return "";
  const repo = githubRepoOf(url);
  if (repo) return repo.name;
  const { hostname, pathname } = new URL(url);
  const parts = pathname.split("/").filter((p) => p !== "");
  return [hostname.replace(/^www\./, ""), parts.at(-1) ?? ""].join(" ");
}

/** `base`, or `base-2`, `base-3`… : the first one not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
