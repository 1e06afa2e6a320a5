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

  /** True when (sa, ia) ranks below (sb, ib). */
  private static worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  push(score: number, id: number): void {
    const { scores, ids } = this;
    if (this.size < this.capacity) {
      // Sift up: the root is the worst kept pair.
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.worse(score, id, scores[parent] as number, ids[parent] as number)) break;
        scores[i] = scores[parent] as number;
        ids[i] = ids[parent] as number;
        i = parent;
      }
      scores[i] = score;
      ids[i] = id;
      return;
    }
    if (this.capacity === 0 || !TopK.worse(scores[0] as number, ids[0] as number, score, id)) return;
    // Replace the worst and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let child = left;
      if (
        right < this.size &&
        TopK.worse(scores[right] as number, ids[right] as number, scores[left] as number, ids[left] as number)
      )
        child = right;
      if (!TopK.worse(scores[child] as number, ids[child] as number, score, id)) break;
      scores[i] = scores[child] as number;
      ids[i] = ids[child] as number;
      i = child;
    }
    scores[i] = score;
    ids[i] = id;
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

  /** The kept pairs, best first. */
  sorted(): { id: number; score: number }[] {
    return Array.from({ length: this.size }, (_, i) => ({
      id: this.ids[i] as number,
      score: this.scores[i] as number,
    })).sort((a, b) => (TopK.worse(a.score, a.id, b.score, b.id) ? 1 : -1));
  }

  /** The kept ids, best first. */
  sortedIds(): number[] {
    return this.sorted().map((pair) => pair.id);
  }
}
