/**
 * One `### [title](url)[date]` block → one record: the heading gives title, url, date or venue; the lines
 * before the summary heading give images, repositories and links (anything else is kept verbatim as
 * `extra`); the summary is kept verbatim. Every rule that changes or places something leaves a notice.
 */
import {
  arxivIdFromUrl,
  type Entry,
  type Image,
  type Link,
  type Repository,
  oneLine,
} from "../records/index.js";
import { githubRepoRoot } from "../urls/index.js";
import { readWhen, type WhenResult } from "./dates.js";
import { entryIdBase, type IdAllocator } from "./ids.js";
import { kindNotice, kindOfUrl } from "./kinds.js";
import {
  readEntryHeading,
  readMediaLine,
  type EntryHeading,
  type HackmdSize,
  type MediaItem,
} from "./inline.js";
import { joinBlocks, toBlock, type SourceLine, type TextBlock } from "./lines.js";
import type { RawEntry } from "./structure.js";
import type { ImportNotice } from "./types.js";

export interface EntryContext {
  file: string;
  ids: IdAllocator;
  categoryId: string;
  notices: ImportNotice[];
}

const HTTP_URL = /^https?:\/\/\S+$/;

/** The record for one entry block, or undefined (with a warning) when its heading has no usable link. */
export function buildEntry(raw: RawEntry, ctx: EntryContext): Entry | undefined {
  const first = raw.heading[0] as SourceLine;
  const last = lastLine(raw);
  const headingText = [first.heading ?? "", ...raw.heading.slice(1).map((l) => l.text)].join("\n");
  const heading = readEntryHeading(headingText);
  const title = heading ? oneLine(heading.title) : "";
  if (!heading || title === "" || !HTTP_URL.test(heading.url)) {
    ctx.notices.push({
      file: ctx.file,
      line: first.number,
      severity: "warning",
      code: "heading-without-link",
      message: `entry heading is not "[title](http…)": lines ${first.number}–${last} were not imported`,
      endLine: last,
    });
    return undefined;
  }
  const kind = kindOfUrl(heading.url);
  const id = ctx.ids.take(entryIdBase(title, heading.url), `entry-${first.number}`);
  const note: Note = (n) => ctx.notices.push({ file: ctx.file, line: first.number, entryId: id, ...n });
  const kindSaid = kindNotice(title, heading.url, kind);
  if (kindSaid) note({ severity: "info", ...kindSaid });
  const when = readWhen(heading.when ?? "");
  reportHeading(raw, heading, title, when, note);
  const media = readBody(raw.body, ctx, id);
  const summary = toBlock(raw.summary);
  reportSummaryAndAside(raw, summary, id, note);

  const arxiv = arxivIdFromUrl(heading.url);
  return {
    id,
    title,
    url: heading.url,
    kind: kind.kind,
    category: ctx.categoryId,
    ...(when.kind === "date" ? { date: when.date } : {}),
    ...(when.kind === "venue" ? { venue: when.venue } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(media.repos.length > 0 ? { repos: media.repos } : {}),
    ...(media.links.length > 0 ? { links: media.links } : {}),
    ...(media.images.length > 0 ? { images: media.images } : {}),
    ...(media.extra ? { extra: media.extra.text } : {}),
    ...(summary ? { summary: summary.text } : {}),
    ...(raw.aside ? { aside: raw.aside.text } : {}),
  };
}

/** Pushes a notice about the entry being built (file, line and entryId filled in). */
type Note = (n: Omit<ImportNotice, "file" | "line"> & { line?: number }) => void;

/** Notices about the heading: a joined or trimmed title, a missing, lenient or impossible date, leftovers. */
function reportHeading(raw: RawEntry, heading: EntryHeading, title: string, when: WhenResult, note: Note) {
  if (raw.heading.length > 1)
    note({
      severity: "info",
      code: "title-joined",
      message: `title broken over ${raw.heading.length} lines joined: "${title}"`,
    });
  else if (title !== heading.title)
    note({
      severity: "info",
      code: "title-trimmed",
      message: `spaces trimmed from the title: "${heading.title}" → "${title}"`,
    });

  if (when.kind === "none")
    note({ severity: "info", code: "no-date", message: "no date or venue after the link" });
  if (when.kind === "date" && when.normalised)
    note({ severity: "info", code: "date-normalised", message: when.normalised });
  if (when.kind === "venue" && when.invalid)
    note({ severity: "warning", code: "date-invalid", message: when.invalid });
  if (heading.rest)
    note({
      severity: "warning",
      code: "unplaced-content",
      message: `text after the heading's link was not placed: ${heading.rest}`,
    });
}

/** Notices about the summary (missing or empty) and about the text before the entry kept as its aside. */
function reportSummaryAndAside(raw: RawEntry, summary: TextBlock | undefined, id: string, note: Note) {
  if (!summary)
    note({
      severity: "info",
      code: "no-summary",
      line: raw.summaryHeading?.number ?? raw.heading[0]?.number ?? 0,
      message: raw.summaryHeading
        ? "the summary heading has no text under it"
        : "no summary heading (#### 摘要)",
    });
  if (raw.aside)
    note({
      severity: "info",
      code: "aside-entry",
      line: raw.aside.startLine,
      endLine: raw.aside.endLine,
      message: `text between entries kept as the aside of "${id}" (shown before that entry)`,
    });
}

/** The entry's last non-blank line. */
function lastLine(raw: RawEntry): number {
  const all = [
    ...raw.heading,
    ...raw.body,
    ...(raw.summaryHeading ? [raw.summaryHeading] : []),
    ...raw.summary,
  ];
  return all.filter((l) => l.kind !== "blank").pop()?.number ?? 0;
}

interface Body {
  repos: Repository[];
  links: Link[];
  images: Image[];
  extra?: TextBlock;
}

/** Splits the lines before the summary into media (images, repos, links) and verbatim extra blocks. */
function readBody(lines: readonly SourceLine[], ctx: EntryContext, entryId: string): Body {
  const body: Body = { repos: [], links: [], images: [] };
  const extras: TextBlock[] = [];
  let run: SourceLine[] = [];
  const closeRun = () => {
    const block = toBlock(run);
    if (block) extras.push(block);
    run = [];
  };
  for (const line of lines) {
    const items = line.kind === "blank" ? undefined : readMediaLine(line.text);
    if (!items || items.some((item) => !HTTP_URL.test(item.url))) {
      run.push(line);
      continue;
    }
    closeRun();
    for (const item of items) placeMedia(item, body, ctx, { line: line.number, entryId });
  }
  closeRun();
  const extra = joinBlocks(extras);
  return extra ? { ...body, extra } : body;
}

function placeMedia(item: MediaItem, body: Body, ctx: EntryContext, at: { line: number; entryId: string }) {
  if (item.type === "image") {
    const width = item.size ? readWidth(item.size, ctx, at) : undefined;
    body.images.push({
      url: item.url,
      ...(width !== undefined ? { width } : {}),
      ...(item.alt ? { alt: item.alt } : {}),
    });
    return;
  }
  const text = oneLine(item.text);
  const repo = githubRepoRoot(item.url);
  if (repo) {
    // Keep the label only when it says something the URL does not (even a case difference is kept).
    const same = text === "" || text === `${repo.owner}/${repo.name}` || text === item.url;
    body.repos.push({ url: item.url, ...(same ? {} : { label: text }) });
    return;
  }
  body.links.push({ label: text || new URL(item.url).host, url: item.url });
  if (!text)
    ctx.notices.push({
      severity: "info",
      code: "link-label-from-host",
      file: ctx.file,
      ...at,
      message: `link without text labelled with its host: ${item.url}`,
    });
}

function readWidth(
  size: HackmdSize,
  ctx: EntryContext,
  at: { line: number; entryId: string },
): Image["width"] {
  const notice = (n: Pick<ImportNotice, "severity" | "code" | "message">) =>
    ctx.notices.push({ file: ctx.file, ...at, ...n });
  if (size.withoutSpace)
    notice({
      severity: "info",
      code: "image-size-without-space",
      message: `HackMD size written without a space before "=": read as width ${size.width}`,
    });
  if (size.height)
    notice({
      severity: "info",
      code: "image-height-dropped",
      message: `image height ${size.height} not kept (records keep a width only)`,
    });
  if (!size.width) return undefined;
  const percent = /^(\d+)%$/.exec(size.width);
  if (percent && Number(percent[1]) >= 1 && Number(percent[1]) <= 100) return size.width;
  if (/^\d+$/.test(size.width) && Number(size.width) >= 1 && Number(size.width) <= 4000)
    return Number(size.width);
  notice({
    severity: "warning",
    code: "image-width-dropped",
    message: `image width ${size.width} is out of range (1–100% or 1–4000 px): not kept`,
  });
  return undefined;
}
