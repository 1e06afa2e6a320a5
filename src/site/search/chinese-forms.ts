/**
 * The other script's forms of the Chinese characters a search index holds, so that a query typed in
 * Simplified Chinese finds a Traditional list (微调 finds 微調) and the other way round. The character pairs
 * are OpenCC's (opencc-js, the JavaScript build of Open Chinese Convert): its Traditional → Simplified and
 * Simplified → Traditional tables, read both ways, so 发 leads to both 發 and 髮. Built in Node with the
 * index; the page reads the result from the index (search/variants.ts) and carries no table of its own.
 */
import simplifiedToTraditional from "opencc-js/dict/STCharacters";
import traditionalToSimplified from "opencc-js/dict/TSCharacters";

/** The first code point from which the ideographs (and their radicals) start; below it, no pair exists. */
const CJK_FROM = 0x2e80;

/**
 * For each character a reader might type in the other script, the characters of the index it stands for:
 * {"调": "調", "发": "發髮"}. A character the index also holds as typed is listed too (a Traditional list
 * with one stray 学 still has 學 for 学: "学习" is not there as typed, 學習 is). Keys and characters in
 * code-unit order, so the same terms give the same bytes.
 */
export function chineseVariants(terms: Iterable<string>): Record<string, string> {
  const held = new Set<string>();
  for (const term of terms) {
    // A term is a run of one script (tokenize.ts): its first unit tells a Chinese one from a word.
    if (term.charCodeAt(0) < CJK_FROM) continue;
    for (const char of term) if ((char.codePointAt(0) as number) >= CJK_FROM) held.add(char);
  }
  if (held.size === 0) return {};
  // Typed character → the held characters it stands for. Only the pairs that touch a held character are
  // kept: the tables hold 7,000 pairs, a list a few thousand characters.
  const standsFor = new Map<string, Set<string>>();
  const add = (typed: string, char: string) => {
    const chars = standsFor.get(typed);
    if (chars) chars.add(char);
    else standsFor.set(typed, new Set([char]));
  };
  for (const table of [traditionalToSimplified, simplifiedToTraditional])
    for (const pair of table.split("|")) {
      const [from, ...to] = pair.split(" ");
      if (from === undefined || from === "") continue;
      for (const form of to) {
        if (form === "" || form === from) continue;
        if (held.has(from)) add(form, from);
        if (held.has(form)) add(from, form);
      }
    }
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return Object.fromEntries(
    [...standsFor]
      .sort(([a], [b]) => byCodeUnit(a, b))
      .map(([typed, chars]) => [typed, [...chars].sort(byCodeUnit).join("")]),
  );
}
