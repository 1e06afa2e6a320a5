/**
 * Near misses: the name someone most likely meant when they typed one that does not exist (a lint rule id in
 * the config, a command, a flag), so a typo is a one-look fix. Shared by the lint config and the CLI.
 */

/** The candidate closest to `typed`, when one is close enough to be a typo of it; else undefined. */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(typed, name);
    if (distance <= Math.max(2, Math.floor(name.length / 4)) && (!best || distance < best.distance))
      best = { name, distance };
  }
  return best?.name;
}

/** "; did you mean …" for a near miss, else the names there are. */
export function suggest(id: string, candidates: readonly string[]): string {
  const best = closestName(id, candidates);
  return best ? `; did you mean "${best}"?` : `; expected one of: ${candidates.join(", ")}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
