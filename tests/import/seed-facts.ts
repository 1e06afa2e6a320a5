/**
 * Facts about the seed list (tests/fixtures/seed/hackmd-seed.md), read with plain line logic that shares no
 * code with the importer: every entry's title, url, date-or-venue, links, images, other lines and 摘要, the
 * category headings, the asides between entries and the prose section. Tests use them to prove that the
 * records (and the README generated from them) keep everything the seed says.
 *
 *   const facts = seedFacts();               // the committed seed
 *   facts.entries[0].title                    // "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic"
 *   normaliseWhitespace(facts.entries[0].summary)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SEED_FILE = fileURLToPath(new URL("../fixtures/seed/hackmd-seed.md", import.meta.url));

export interface SeedCategoryFact {
  /** 1-based line of the heading. */
  line: number;
  /** 1 for `#`, 2 for `##`. */
  level: 1 | 2;
  /** The heading text, verbatim (the seed's, before any fix). */
  title: string;
  /** Title of the `#` category a `##` one sits under. */
  parent?: string;
}

export interface SeedEntryFact {
  /** 1-based line of the `###` heading. */
  line: number;
  /** The link text, whitespace runs collapsed and trimmed (the EMP-SSL title spans two lines). */
  title: string;
  url: string;
  /** The bracket after the link, verbatim ("2023年6月27日", "CVPR 2023"); undefined when there is none. */
  when?: string;
  /** Title of the nearest category heading above (`##`, or `#` when the entry sits directly under one). */
  category: string;
  /** URLs of the links (not images) on the lines between the heading and `#### 摘要`, in order. */
  linkUrls: string[];
  /** URLs of the images on those lines, HackMD sizes (` =50%x`, `=80%x`) removed. */
  imageUrls: string[];
  /** Other non-blank lines there (a table, a formula), verbatim. */
  extraLines: string[];
  /** The text after `#### 摘要` up to the separator or next heading, leading/trailing blank lines removed. */
  summary: string;
}

/** Text after a `---` separator and before the next heading: an aside about what follows. */
export interface SeedAsideFact {
  line: number;
  text: string;
  /** The heading right after it: an entry's title or a category's title. */
  before: { kind: "entry" | "category"; title: string };
}

/** A category whose only content is prose (no entries, no subcategories). */
export interface SeedProseFact {
  line: number;
  category: string;
  text: string;
  /** Its links in order, with their text as written (Markdown emphasis removed). */
  links: { text: string; url: string }[];
}

export interface SeedFacts {
  /** The text before the first heading. */
  intro: string;
  categories: SeedCategoryFact[];
  entries: SeedEntryFact[];
  asides: SeedAsideFact[];
  prose: SeedProseFact[];
}

/** Collapses every whitespace run to one space and trims: for comparing text that may be re-wrapped. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const IMAGE = /!\[[^\]]*\]\(([^)\s]+?)(?:\s*=[\d%x]+)?\)/g;
const LINK = /(?<!!)\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/g;
const SEPARATOR = /^-{3,}\s*$/;

function trimBlankLines(lines: string[]): string {
  const copy = [...lines];
  while (copy.length > 0 && (copy[0] ?? "").trim() === "") copy.shift();
  while (copy.length > 0 && (copy[copy.length - 1] ?? "").trim() === "") copy.pop();
  return copy.join("\n");
}

/** Extracts the facts from the seed's text (default: the committed seed file). */
export function seedFacts(text: string = readFileSync(SEED_FILE, "utf8")): SeedFacts {
  const lines = text.split("\n");
  const facts: SeedFacts = { intro: "", categories: [], entries: [], asides: [], prose: [] };
  const introLines: string[] = [];
  let top: SeedCategoryFact | undefined;
  let category: SeedCategoryFact | undefined;
  let entry: SeedEntryFact | undefined;
  let part: "intro" | "category" | "body" | "summary" | "between" = "intro";
  let collected: string[] = [];
  let collectedLine = 0;
  let hasContent = false;

  const closeCategoryText = () => {
    if (part === "category" && !hasContent && category && collected.some((l) => l.trim() !== "")) {
      const prose = trimBlankLines(collected);
      const links = [...prose.matchAll(LINK)].map((m) => ({
        text: (m[1] ?? "").replace(/\*/g, ""),
        url: m[2] ?? "",
      }));
      facts.prose.push({ line: collectedLine, category: category.title, text: prose, links });
    }
  };
  const closeSummary = () => {
    if (part === "summary" && entry) entry.summary = trimBlankLines(collected);
  };
  const takeAside = (before: SeedAsideFact["before"]) => {
    if (part === "between" && collected.some((l) => l.trim() !== ""))
      facts.asides.push({ line: collectedLine, text: trimBlankLines(collected), before });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const number = i + 1;
    const level = /^(#{1,4}) /.exec(line)?.[1]?.length ?? 0;
    if (level === 1 || level === 2) {
      const title = line.slice(level + 1).trim();
      closeCategoryText();
      closeSummary();
      takeAside({ kind: "category", title });
      if (part === "intro") facts.intro = trimBlankLines(introLines);
      category = { line: number, level, title, ...(level === 2 && top ? { parent: top.title } : {}) };
      if (level === 1) top = category;
      facts.categories.push(category);
      part = "category";
      hasContent = false;
      collected = [];
      collectedLine = number + 1;
    } else if (level === 3) {
      closeSummary();
      let heading = line;
      if (!heading.includes("](")) heading += `\n${lines[++i] ?? ""}`;
      const title = normaliseWhitespace(heading.slice(heading.indexOf("[") + 1, heading.indexOf("](")));
      takeAside({ kind: "entry", title });
      const afterTitle = heading.slice(heading.indexOf("](") + 2);
      const url = afterTitle.slice(0, afterTitle.indexOf(")"));
      const bracket = /^\[(.*)\]\s*$/.exec(afterTitle.slice(afterTitle.indexOf(")") + 1));
      entry = {
        line: number,
        title,
        url,
        ...(bracket ? { when: bracket[1] } : {}),
        category: category?.title ?? "",
        linkUrls: [],
        imageUrls: [],
        extraLines: [],
        summary: "",
      };
      facts.entries.push(entry);
      hasContent = true;
      part = "body";
    } else if (level === 4 && line.slice(5).trim() === "摘要" && part === "body") {
      part = "summary";
      collected = [];
    } else if (SEPARATOR.test(line)) {
      closeCategoryText();
      closeSummary();
      if (part !== "between") {
        collected = [];
        collectedLine = number + 1;
      }
      part = "between";
    } else if (part === "intro") introLines.push(line);
    else if (part === "body" && entry && line.trim() !== "") {
      const images = [...line.matchAll(IMAGE)].map((m) => m[1] ?? "");
      const links = [...line.matchAll(LINK)].map((m) => m[2] ?? "");
      entry.imageUrls.push(...images);
      entry.linkUrls.push(...links);
      const rest = line.replace(IMAGE, "").replace(LINK, "");
      if (rest.trim() !== "") entry.extraLines.push(line);
    } else if (part === "between" && collected.every((l) => l.trim() === "")) {
      if (line.trim() !== "") collectedLine = number;
      collected.push(line);
    } else collected.push(line);
  }
  closeCategoryText();
  closeSummary();
  return facts;
}
