/**
 * "Did you mean": the valid answers ordered by how close each is to what was typed, so the likeliest fix is
 * first. Levenshtein distance (fastest-levenshtein) over the lower-cased, space-collapsed forms; each answer
 * may be known by several names (the option text, its id, its last title), and its closest name counts.
 */
import { distance } from "fastest-levenshtein";
import { oneLine } from "../records/index.js";

const normalize = (text: string): string => oneLine(text.toLowerCase());

/** Each answer's names, compared with `typed`; the answers returned closest first, ties in their given order. */
export function rankByCloseness<T>(
  typed: string,
  answers: readonly T[],
  namesOf: (answer: T) => string[],
): T[] {
  const wanted = normalize(typed);
  return answers
    .map((answer, index) => ({
      answer,
      index,
      score: Math.min(...namesOf(answer).map((name) => distance(wanted, normalize(name)))),
    }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((r) => r.answer);
}
