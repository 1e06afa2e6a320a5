/**
 * A query term as the list writes it: a Chinese term the index lacks, tried again with each character in the
 * list's script (the index's `variants`, made by chinese-forms.ts), so that 微调 finds what 微調 finds. This
 * module is pure and imports nothing: it is bundled into the browser script.
 */

/**
 * `term` itself when the index holds it (typed as some entry writes it, it finds those entries) or no
 * character of it has another form there; otherwise the first combination of the characters' forms, as
 * typed first, that the index holds (`holds`), or `term` if none does. A term is at most two characters (a
 * bigram), so at most a few combinations are tried.
 */
export function foldQueryTerm(
  term: string,
  variants: Readonly<Record<string, string>>,
  holds: (term: string) => boolean,
): string {
  const chars = Array.from(term);
  if (!chars.some((c) => Object.hasOwn(variants, c)) || holds(term)) return term;
  let combinations = [""];
  for (const c of chars) {
    const forms = [c, ...Array.from(Object.hasOwn(variants, c) ? (variants[c] as string) : "")];
    combinations = combinations.flatMap((start) => forms.map((form) => start + form));
  }
  return combinations.find((candidate) => candidate !== term && holds(candidate)) ?? term;
}
