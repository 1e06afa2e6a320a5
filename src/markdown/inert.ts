/**
 * Text made inert before it leaves for GitHub (comments, pull request titles and bodies, issues): nothing in
 * it may notify anyone, reference or close an issue, or pass for papershelf's own hidden markers. GitHub's own
 * sanitizer already strips scripts and event handlers; layout spoofing, notifications and markers are ours.
 * The way Renovate and Dependabot quote release notes: a zero-width space (U+200B) where GitHub would link.
 */

/** U+200B: invisible, and enough to stop GitHub's mention, reference and keyword filters. */
export const BREAK = "\u200B";

/**
 * "@name" after the start or any non-word character (".@hubot", "-@monalisa", "/@defunkt" all ping on
 * GitHub, whose pattern is (?:^|\W)@name), not "a@b.org"; also "&#64;name" and "&commat;name": GitHub finds
 * mentions in the decoded text. An "@" is itself a non-word character, so "@@name" is broken too.
 */
const MENTION = /(?:^|(?<=[^\p{L}\p{N}_]))@(?=[\p{L}\p{N}])|(?:&#0*64;|&#x0*40;|&commat;)(?=[\p{L}\p{N}])/giu;
/**
 * "#12", "owner/repo#12", the escaped "&#35;12" (not the entity "&#12;"), and "GH-12" (GitHub links it like
 * "#12"). The break goes after "#" or "GH-".
 */
const REFERENCE = /(?:(?<!&)#|&#0*35;|&#x0*23;|&num;|\bgh-)(?=\d)/giu;
/**
 * GitHub's closing keywords, in any position and any case ("Closes #1", "fixed: other/repo#2", "Resolves
 * https://github.com/o/r/issues/3"): they act in pull request bodies and in commit messages that reach the
 * default branch, and the default merge commit message holds the PR title. Broken after the first letter.
 */
const CLOSING_KEYWORD = /\b(?:clos|fix|resolv)(?:e[sd]?|es|ed)?\b/giu;
/** papershelf finds its comments and pull requests by hidden `<!-- papershelf… -->` markers. */
const MARKER = /<!--(\s*)papershelf/gi;

/** Breaks mentions, issue references and closing keywords so the text notifies, links and closes nothing. */
export function breakNotifications(text: string): string {
  return text
    .replace(MENTION, (match) => `${match}${BREAK}`)
    .replace(REFERENCE, (match) => `${match}${BREAK}`)
    .replace(CLOSING_KEYWORD, (word) => `${word.slice(0, 1)}${BREAK}${word.slice(1)}`);
}

/** Hidden `<!-- papershelf…` markers in text, broken so only papershelf's own marker is ever found. */
export function defuseMarkers(text: string): string {
  return text.replace(MARKER, `<!--$1papers${BREAK}helf`);
}

/** Every whitespace run that breaks a line becomes one space (each run is matched once: linear). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, (run) => (/[\r\n\u2028\u2029]/.test(run) ? " " : run));
}

/**
 * Any text as one line of Markdown that renders as exactly that text: no emphasis, link, HTML, heading or
 * list, and nothing that notifies, references, closes or passes for a marker. For titles, messages, and text
 * from other sites (a redirect's Location).
 */
export function inertText(text: string): string {
  return breakNotifications(
    oneLine(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => (c === "&" ? "&amp;" : `\\${c}`)),
  );
}

/** An http(s) URL as an autolink `<url>`, which GitHub shows as a link and never scans for mentions; else text. */
export function inertLink(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url) && URL.canParse(url) ? `<${url}>` : inertText(url);
}
