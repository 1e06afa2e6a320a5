/**
 * Memory handed from one step of the term work to the next (entry-terms.ts): the texts' buffer once they
 * are cut, the related step's vectors once it is done. Each large array a step needs is taken from here
 * when a spare buffer is large enough, and made fresh otherwise. Fresh memory is what the term thread
 * paid most for after the work itself: the first touch of a page costs ~4 ms a MB on the project's VMs
 * (bench/machine.ts), and a new thread's big arrays are all fresh. A buffer taken is the taker's alone
 * until it is given back, and holds old bytes: a taker writes every element before reading it.
 */
export class Scratch {
  private readonly spare: ArrayBuffer[] = [];

  /** A buffer of at least `bytes` bytes: the smallest spare one that is large enough, or a new one. */
  take(bytes: number): ArrayBuffer {
    let best = -1;
    this.spare.forEach((buffer, i) => {
      if (
        buffer.byteLength >= bytes &&
        (best === -1 || buffer.byteLength < (this.spare[best] as ArrayBuffer).byteLength)
      )
        best = i;
    });
    if (best === -1) return new ArrayBuffer(bytes);
    return this.spare.splice(best, 1)[0] as ArrayBuffer;
  }

  /** `buffer` is no longer read by whoever gave it: a later step may take it. */
  give(buffer: ArrayBuffer): void {
    this.spare.push(buffer);
  }
}

/** A new buffer every time, for callers with nothing to hand on. */
export const FRESH: Pick<Scratch, "take" | "give"> = {
  take: (bytes) => new ArrayBuffer(bytes),
  give: () => undefined,
};
