/**
 * The other script's forms of the Chinese characters a search index holds, so that a query typed in
 * Simplified Chinese finds a Traditional list (微调 finds 微調) and the other way round. The character pairs
 * are OpenCC's (opencc-js, the JavaScript build of Open Chinese Convert): its Traditional → Simplified and
 * Simplified → Traditional tables, read both ways, so 发 leads to both 發 and 髮. Built in Node with the
 * index; the page reads the result from the index (search/variants.ts) and carries no table of its own.
 */
import simplifiedToTraditional from "opencc-js/dict/STCharacters";
import traditionalToSimplified from "opencc-js/dict/TSCharacters";

let pairs: Map<string, string[]> | undefined;

/** Each character → the characters OpenCC pairs it with, either way. */
function otherForms(): Map<string, string[]> {
  if (pairs) return pairs;
  const made = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const forms = made.get(a);
    if (!forms) made.set(a, [b]);
    else if (!forms.includes(b)) forms.push(b);
  };
  for (const table of [traditionalToSimplified, simplifiedToTraditional])
    for (const pair of table.split("|")) {
      const [from, ...to] = pair.split(" ");
      if (from === undefined) continue;
      for (const form of to)
        if (form !== "" && form !== from) {
          link(from, form);
          link(form, from);
        }
    }
  pairs = made;
  return made;
}

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
  for (const term of terms)
    for (const char of term) if ((char.codePointAt(0) as number) >= CJK_FROM) held.add(char);
  const forms = otherForms();
  const variants = new Map<string, string>();
  for (const char of [...held].sort())
    for (const form of forms.get(char) ?? []) variants.set(form, (variants.get(form) ?? "") + char);
  return Object.fromEntries([...variants].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
