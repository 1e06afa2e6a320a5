/**
 * The shared terms a related entry shows, as whole Chinese words. The terms are character bigrams (and what
 * `joinOverlappingTerms` makes of them), so many are a word cut short or the seam of two words: on the real
 * list, "擴散模" (擴散模型), "理能" (推理能力), "言處" (語言處理), "種基" (一種基於). Each Chinese term is looked up
 * where it occurs in the page's own entry (the first PLACES places) and widened to the words it touches, as
 * ICU's dictionary word segmenter (`Intl.Segmenter`, built into Node and the browsers) cuts that stretch:
 *   - widened, it is shown when the wider form occurs in both entries and holds no grammar character
 *     (擴散模 → 擴散模型, 理能 → 推理能力);
 *   - otherwise it is shown as it is if it is a word (the segmenter keeps it whole on its own: 社會, where
 *     this entry says 社會科學 and the other does not) or whole words where it occurs;
 *   - otherwise it is dropped: the seam of two words (種基 of 一種基於).
 * Terms of other scripts are shown as they are.
 *
 * A lookup costs 10-20 µs, a page 0.12 ms on the real list and up to 0.4 ms on bench/synthetic.ts's records
 * (every shared term Chinese; warm). So lists of up to WHOLE_WORDS_UP_TO records (every list this project
 * knows) get them, at most ~0.2 s a build; larger ones show the joined bigrams, so a 10,000-record site does
 * not pay seconds for them.
 */
import { CJK_STOP_CHARACTERS, HAN_ONLY } from "./related.js";

/** Lists of at most this many records show shared terms as whole words. */
export const WHOLE_WORDS_UP_TO = 500;

/** Han characters either side of a term that the segmenter sees: enough for the words it touches. */
const CONTEXT = 6;

const HAN = /\p{Script=Han}/u;

/** What ICU's dictionary may glue to the end of a word it does not know ("人的"): the term stays whole. */
const PARTICLE_AFTER = /^[的了]$/;

let segmenter: Intl.Segmenter | null | undefined;

/**
 * The word segmenter, or null where the runtime has none. (A Node with ICU's small data has one that cuts
 * Chinese into single characters: every term is then whole words, and is shown as it is.)
 */
function wordSegmenter(): Intl.Segmenter | null {
  // Asked once: `??=` would ask again at every call where the answer is null.
  if (segmenter === undefined)
    segmenter =
      typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh-Hant", { granularity: "word" }) : null;
  return segmenter;
}

/** How many places of a term in the entry's texts are looked at, at most. */
const PLACES = 4;

/**
 * The form `term` is shown in (see above), from the places it occurs in `texts` (the page's entry: 摘要,
 * title, abstract), first to last: widened at the first place where the wider form will do, or as it is
 * at the first place where it is whole words. undefined: at none of them (a seam, or a word the
 * segmenter's dictionary cuts wrongly); "" when the term does not occur.
 */
function formAt(
  words: Intl.Segmenter,
  term: string,
  texts: readonly string[],
  inBoth: (term: string) => boolean,
): string | undefined {
  let places = 0;
  for (const text of texts)
    for (let at = text.indexOf(term); at !== -1 && places < PLACES; at = text.indexOf(term, at + 1)) {
      places++;
      // The stretch of Han text around the term, at most CONTEXT characters (code units) either side.
      let start = at;
      let end = at + term.length;
      while (start > 0 && at - start < CONTEXT && HAN.test(text.charAt(start - 1))) start--;
      while (end < text.length && end - at - term.length < CONTEXT && HAN.test(text.charAt(end))) end++;
      const stretch = text.slice(start, end);
      const from = at - start;
      const to = from + term.length;
      let first = -1;
      let last = -1;
      let whole = true;
      let grammar = false;
      for (const { segment, index } of words.segment(stretch)) {
        const after = index + segment.length;
        if (after <= from || index >= to) continue;
        if (first === -1) first = index;
        last = after;
        // A particle glued to the term's last word by the segmenter (機器|人的) leaves the term whole.
        if (index < from || (after > to && !PARTICLE_AFTER.test(stretch.slice(to, after)))) whole = false;
        if (CJK_STOP_CHARACTERS.test(segment)) grammar = true;
      }
      if (whole) return term;
      const widened = stretch.slice(first, last);
      if (!grammar && inBoth(widened)) return widened;
    }
  return places === 0 ? "" : undefined;
}

/** Whether the segmenter keeps `term`, on its own, as one word. */
function isOneWord(words: Intl.Segmenter, term: string): boolean {
  for (const { segment } of words.segment(term)) return segment === term;
  return false;
}

/**
 * The shown terms (strongest first) as whole words, see above: `texts` are the page's entry's texts, and
 * `inBoth` says whether a form occurs in both entries. A term inside another shown one goes, as in
 * `joinOverlappingTerms`; each keeps the place of the first term that gave it.
 */
export function asWholeWords(
  terms: readonly string[],
  texts: readonly string[],
  inBoth: (term: string) => boolean,
): string[] {
  const words = wordSegmenter();
  if (words === null) return [...terms];
  const shown: string[] = [];
  for (const term of terms) {
    let word: string | undefined = term;
    if (HAN_ONLY.test(term)) {
      const form = formAt(words, term, texts, inBoth);
      word = form === "" ? term : (form ?? (isOneWord(words, term) ? term : undefined));
    }
    if (word !== undefined && !shown.includes(word)) shown.push(word);
  }
  return shown.filter((t) => !shown.some((o) => o.length > t.length && o.includes(t)));
}
