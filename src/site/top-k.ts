/**
 * The best `k` of a stream of (score, id) pairs, kept in a bounded min-heap: O(n log k) time and O(k)
 * memory, where sorting the whole stream would cost O(n log n) and allocate it. "Best" is the higher score,
 * and on equal scores the lower id, so results never depend on the order ties arrive in.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(Math.max(1, capacity));
    this.ids = new Int32Array(Math.max(1, capacity));
  }

  /** Empties the heap so one instance serves a loop without allocating. */
  clear(): this {
    this.size = 0;
    return this;
  }

  push(score: number, id: number): void {
    // Most pushes of a long stream lose to the worst kept pair: answered here, without the heap's code.
    if (
      this.size === this.capacity &&
      this.size > 0 &&
      !worse(this.scores[0] as number, this.ids[0] as number, score, id)
    )
      return;
    this.size = pushBounded(this.scores, this.ids, 0, this.size, this.capacity, score, id);
  }

  /** How many pairs are kept. */
  get length(): number {
    return this.size;
  }

  /** The i-th kept id in heap order (any order; cheaper than sorting when order does not matter). */
  idAt(i: number): number {
    return this.ids[i] as number;
  }

  /** The i-th kept score in heap order. */
  scoreAt(i: number): number {
    return this.scores[i] as number;
  }

  /**
   * Puts the kept pairs in order, best first, for `idAt`/`scoreAt` to read (an insertion sort in place: k
   * is small, and nothing is allocated). The heap is then spent: `clear` it before pushing again.
   */
  sortBestFirst(): void {
    const { scores, ids } = this;
    for (let i = 1; i < this.size; i++) {
      const score = scores[i] as number;
      const id = ids[i] as number;
      let j = i;
      for (; j > 0 && worse(scores[j - 1] as number, ids[j - 1] as number, score, id); j--) {
        scores[j] = scores[j - 1] as number;
        ids[j] = ids[j - 1] as number;
      }
      scores[j] = score;
      ids[j] = id;
    }
  }
}

/** True when (sa, ia) ranks below (sb, ib). */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}

/**
 * The bounded heap's push, on the slice `[base, base + capacity)` of shared arrays holding `size` pairs;
 * returns the new size. Many heaps then live in two typed arrays (one per term in related.ts) instead of
 * an object and two arrays each.
 */
export function pushBounded(
  scores: Float64Array,
  ids: Int32Array,
  base: number,
  size: number,
  capacity: number,
  score: number,
  id: number,
): number {
  if (size < capacity) {
    // Sift up: the root is the worst kept pair.
    let i = size;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(score, id, scores[base + parent] as number, ids[base + parent] as number)) break;
      scores[base + i] = scores[base + parent] as number;
      ids[base + i] = ids[base + parent] as number;
      i = parent;
    }
    scores[base + i] = score;
    ids[base + i] = id;
    return size + 1;
  }
  if (capacity === 0 || !worse(scores[base] as number, ids[base] as number, score, id)) return size;
  // Replace the worst and sift down.
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    let child = left;
    if (
      right < size &&
      worse(
        scores[base + right] as number,
        ids[base + right] as number,
        scores[base + left] as number,
        ids[base + left] as number,
      )
    )
      child = right;
    if (!worse(scores[base + child] as number, ids[base + child] as number, score, id)) break;
    scores[base + i] = scores[base + child] as number;
    ids[base + i] = ids[base + child] as number;
    i = child;
  }
  scores[base + i] = score;
  ids[base + i] = id;
  return size;
}
