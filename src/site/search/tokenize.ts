/**
 * One tokenizer for the search index (built in Node) and the search box (run in the browser), so a query is
 * cut exactly as the text was. Chinese has no spaces, so a run of CJK characters becomes its overlapping
 * character bigrams ("微調模型" → 微調 調模 模型): a query's bigrams all present (MiniSearch AND) is the
 * usual stand-in for "contains the phrase", and a two-character word such as 微調 is one exact term, so it
 * matches no text without it. The last character of a run is also kept alone, so that a one-character query
 * (searched as a prefix) finds runs that end with it. Latin words are lowercased NFKC runs of letters and
 * digits. This module is pure and imports nothing: it is bundled into the browser script.
 */

/** Han, kana and Hangul: scripts written without spaces between words. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
/** Letters and digits of other scripts; anything else separates words ("gpt-4" is "gpt" and "4"). */
const WORD = /[\p{L}\p{N}]+/gu;

/** True for a term made of CJK characters (an exact bigram or a one-character prefix). */
export function isCjkTerm(term: string): boolean {
  CJK_RUN.lastIndex = 0;
  const m = CJK_RUN.exec(term);
  return m !== null && m[0].length === term.length;
}

function cjkTerms(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  out.push(chars[chars.length - 1] as string);
}

/** The terms of a text, in order (duplicates kept: the index counts them). */
export function tokenize(text: string): string[] {
  const normal = text.normalize("NFKC").toLowerCase();
  const out: string[] = [];
  let at = 0;
  CJK_RUN.lastIndex = 0;
  for (let m = CJK_RUN.exec(normal); m !== null; m = CJK_RUN.exec(normal)) {
    latinTerms(normal.slice(at, m.index), out);
    cjkTerms(m[0], out);
    at = m.index + m[0].length;
  }
  latinTerms(normal.slice(at), out);
  return out;
}

function latinTerms(text: string, out: string[]): void {
  if (text === "") return;
  for (const m of text.matchAll(WORD)) out.push(m[0]);
}

/**
 * The terms of a query: as the text's, but a CJK run of two or more characters gives only its bigrams (the
 * lone last character would widen the match to texts that merely contain it).
 */
export function tokenizeQuery(query: string): string[] {
  const terms: string[] = [];
  const normal = query.normalize("NFKC").toLowerCase();
  let at = 0;
  CJK_RUN.lastIndex = 0;
  for (let m = CJK_RUN.exec(normal); m !== null; m = CJK_RUN.exec(normal)) {
    latinTerms(normal.slice(at, m.index), terms);
    const chars = Array.from(m[0]);
    if (chars.length === 1) terms.push(m[0]);
    else for (let i = 0; i + 1 < chars.length; i++) terms.push(`${chars[i]}${chars[i + 1]}`);
    at = m.index + m[0].length;
  }
  latinTerms(normal.slice(at), terms);
  return [...new Set(terms)];
}
