/**
 * Readers for the answers that are more than one value: arXiv ids, the "label | URL" lines of the
 * repositories and links fields, and the image field ("URL [width]").
 */
import { ARXIV_ID, arxivIdFromUrl, type Image, type Link, type Repository } from "../records/index.js";
import { fieldError, fieldWarning, quoteValue, say, type IntakeProblem } from "./problems.js";
import { cleanLine, cleanUrl, type Field } from "./text.js";

/** The arXiv id an arxiv.org, Hugging Face papers or arXiv DOI link names (one parser for all of papershelf). */
export { arxivIdFromUrl };

/** An arXiv id as typed: "2306.15195", "arXiv:2306.15195v2", or an arxiv.org link. */
export function readArxivId(
  field: Field,
  value: string,
  problems: IntakeProblem[],
): string | undefined | null {
  const text = value.trim();
  if (text === "") return undefined;
  const id = /^https?:/i.test(text) ? arxivIdFromUrl(text) : text.replace(/^arxiv\s*:\s*/i, "");
  if (id !== undefined && ARXIV_ID.test(id)) return id;
  problems.push(
    fieldError(
      field,
      say(`${quoteValue(text)} 不是 arXiv 編號。`, `${quoteValue(text)} is not an arXiv id.`),
      say("請寫成 2306.15195 這樣（或留空）。", "Write it like 2306.15195 (or leave it empty)."),
    ),
  );
  return null;
}

interface LabelledUrl {
  label?: string;
  url: string;
}

/** One line of a links field: "label | URL", "[label](URL)", "label: URL", "<URL>" or a bare URL. */
function splitLine(line: string): { label?: string; url: string } {
  const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim();
  const markdown = /^\[([^\]]*)\]\(\s*<?([^\s>)]+)>?\s*\)$/.exec(text);
  if (markdown) return { label: markdown[1] ?? "", url: markdown[2] ?? "" };
  const bar = text.lastIndexOf("|");
  if (bar !== -1) return { label: text.slice(0, bar).trim(), url: text.slice(bar + 1).trim() };
  const colon = /^(.+?):\s+(https?:\/\/\S+)$/i.exec(text);
  if (colon) return { label: colon[1] ?? "", url: colon[2] ?? "" };
  return { url: text.replace(/^<(.*)>$/, "$1") };
}

/**
 * The most lines each field takes. Every URL is requested on every edit of the issue and on every push to main
 * (the refresh recomputes each open submission), so a submission must not be able to order thousands of
 * requests from the runner; no paper has more than a handful of repositories and pages.
 */
export const MAX_REPOS = 10;
export const MAX_LINKS = 20;

/** Reads one "label | URL" per line. `labelRequired`: links need a label, repositories show owner/name. */
function readLines(
  field: Field,
  value: string,
  labelRequired: boolean,
  problems: IntakeProblem[],
): LabelledUrl[] {
  const out: LabelledUrl[] = [];
  const seen = new Set<string>();
  const count = value.split("\n").filter((line) => line.trim() !== "").length;
  const [max, what, whatZh] = labelRequired
    ? [MAX_LINKS, "links", "連結"]
    : [MAX_REPOS, "repositories", "程式碼網址"];
  if (count > max) {
    problems.push(
      fieldError(
        field,
        say(
          `列了 ${count.toLocaleString("en-US")} 個${whatZh}，最多 ${max} 個。`,
          `Lists ${count.toLocaleString("en-US")} ${what}; at most ${max}.`,
        ),
        say(
          `請保留最重要的 ${max} 個；更長的清單請放在論文的頁面上。`,
          `Keep the ${max} that matter most; a longer list belongs on the paper's page.`,
        ),
      ),
    );
    return out;
  }
  value.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `line ${i + 1}`;
    const whereZh = `第 ${i + 1} 行`;
    const parts = splitLine(line);
    const url = cleanUrl(field, parts.url, problems, say(`${whereZh}的網址`, `the URL on ${where}`));
    const label = parts.label === undefined ? undefined : cleanLine(field, parts.label, problems);
    if (url === undefined || (label === undefined && parts.label !== undefined)) return;
    if (labelRequired && !label) {
      problems.push(
        fieldError(
          field,
          say(`${whereZh}沒有標籤。`, `Line ${i + 1} has no label.`),
          say(
            `請寫成「標籤 | 網址」，例如「Demo | ${url.slice(0, 60)}」。`,
            `Write "label | URL", e.g. "Demo | ${url.slice(0, 60)}".`,
          ),
        ),
      );
      return;
    }
    // The same address however it ends or is cased: ".../LISA" and ".../lisa/" are one repository.
    const key = url
      .toLowerCase()
      .replace(/(?<!\/)\/+$/, "")
      .replace(/\.git$/, "");
    if (seen.has(key)) {
      problems.push(
        fieldWarning(
          field,
          say(
            `${whereZh}重複了 ${quoteValue(url)}，只列一次。`,
            `Line ${i + 1} repeats ${quoteValue(url)}; it was listed once.`,
          ),
          say(
            "不必處理；想保留兩個時請換成不同的網址。",
            "Nothing to do; to keep both, give two different URLs.",
          ),
        ),
      );
      return;
    }
    seen.add(key);
    out.push(label ? { label, url } : { url });
  });
  return out;
}

/** The repositories field: one URL per line, optionally "label | URL". */
export function readRepos(field: Field, value: string, problems: IntakeProblem[]): Repository[] {
  return readLines(field, value, false, problems);
}

/** The other-links field: one "label | URL" per line. */
export function readLinks(field: Field, value: string, problems: IntakeProblem[]): Link[] {
  return readLines(field, value, true, problems).map((l) => ({ label: l.label ?? "", url: l.url }));
}

/**
 * What GitHub puts in a field when an image is dropped or pasted into it, as "URL [width]": Markdown
 * `![alt](url)`, or the `<img width="640" alt="…" src="…">` it writes when editing an issue. Other text
 * is returned as it is.
 */
function imageAsWritten(text: string): string {
  const markdown = /^!\[[^\]\n]*\]\(\s*<?([^\s<>()]+)>?(?:\s+"[^"\n]*")?\s*\)$/.exec(text);
  if (markdown) return markdown[1] as string;
  if (!/^<img\b[^<>]*>$/i.test(text)) return text;
  const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(text);
  const url = src?.[1] ?? src?.[2] ?? src?.[3];
  if (url === undefined) return text;
  const width = /\swidth\s*=\s*["']?(\d{1,4}(?:%|px)?)["']?/i.exec(text)?.[1];
  return width === undefined ? url : `${url} ${width}`;
}

/**
 * The image field: a URL, optionally followed by a width ("50%", "640", "640px", or HackMD's "=50%x").
 * Returns undefined when empty, null when wrong (the problem is recorded).
 */
export function readImage(field: Field, value: string, problems: IntakeProblem[]): Image | undefined | null {
  const text = imageAsWritten(value.trim());
  if (text === "") return undefined;
  // "URL 50%", "URL 640", "URL =50%x"; HackMD's glued form "….png=80%x" must end in "x", so a query such
  // as "?w=80" is never taken for a width.
  const match = /^(\S+)\s+=?(\d{1,4})(%|px)?x?$/.exec(text) ?? /^(\S+?)=(\d{1,4})(%|px)?x$/.exec(text);
  if (!match && /\s/.test(text)) {
    problems.push(
      fieldError(
        field,
        say(
          `${quoteValue(text)} 不是「網址」或「網址 寬度」。`,
          `${quoteValue(text)} is not "URL" or "URL width".`,
        ),
        say("請寫成例如「https://…/fig.png 50%」。", 'Write e.g. "https://…/fig.png 50%".'),
      ),
    );
    return null;
  }
  const url = cleanUrl(field, match?.[1] ?? text, problems, say("圖片網址", "the image URL"));
  if (url === undefined) return null;
  const amount = match?.[2];
  if (amount === undefined) return { url };
  const n = Number(amount);
  if (match?.[3] === "%") {
    if (n >= 1 && n <= 100) return { url, width: `${n}%` };
  } else if (n >= 1 && n <= 4000) return { url, width: n };
  problems.push(
    fieldError(
      field,
      say(
        `寬度 ${quoteValue(`${amount}${match?.[3] ?? ""}`)} 超出範圍。`,
        `The width ${quoteValue(`${amount}${match?.[3] ?? ""}`)} is out of range.`,
      ),
      say("請用 1%–100% 或 1–4000 像素。", "Use 1%–100% or 1–4000 pixels."),
    ),
  );
  return null;
}
