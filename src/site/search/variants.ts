/**
 * A query term in both of Chinese's scripts: the forms of a term that the index holds, each character as
 * typed or as one of its forms in the list (the index's `variants`, made by chinese-forms.ts), so that 微调
 * finds what 微調 finds, and 空間 also finds a 摘要 that wrote 空间. This module is pure and imports nothing:
 * it is bundled into the browser script.
 */

/**
 * Every combination of the characters' forms, as typed first, that the index holds (`holds`); `[term]`
 * when the term has no other form or the index holds none of them. A term is at most two characters (a
 * bigram), so a few combinations at most are tried.
 */
export function queryForms(
  term: string,
  variants: Readonly<Record<string, string>>,
  holds: (term: string) => boolean,
): string[] {
  const has = (c: string) => Object.prototype.hasOwnProperty.call(variants, c);
  const chars = Array.from(term);
  if (!chars.some(has)) return [term];
  let combinations = [""];
  for (const c of chars) {
    const forms = [c, ...Array.from(has(c) ? (variants[c] as string) : "")];
    combinations = combinations.flatMap((start) => forms.map((form) => start + form));
  }
  const held = [...new Set(combinations)].filter(holds);
  return held.length > 0 ? held : [term];
}
